/** Labels of this area: Swedish, and English behind the switch. Spread into locales/sv.ts and en.ts. */
export const sv = {};

export const en: typeof sv = {};

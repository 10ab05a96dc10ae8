/** Labels of this area: Swedish, and English behind the switch. Spread into locales/sv.ts and en.ts. */
export const sv = {
  promise: { title: 'Medborgarlöftet', commitments: 'Åtaganden', progress: 'Framsteg', overdueActions: 'Försenade aktiviteter', empty: 'Inget medborgarlöfte att visa.' },
};

export const en: typeof sv = {
  promise: { title: 'Citizen promise', commitments: 'Commitments', progress: 'Progress', overdueActions: 'Overdue actions', empty: 'No citizen promise to show.' },
};

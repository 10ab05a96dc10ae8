/** Labels of this area: Swedish, and English behind the switch. Spread into locales/sv.ts and en.ts. */
export const sv = {
  operations: {
    title: 'Insatser', empty: 'Inga insatser i ditt polisområde.', restricted: 'Begränsad', window: 'Planerad tid', intelligence: 'Underrättelseunderlag (endast insatschef)',
    conditions: 'Villkor i beslutet', decide: 'Besluta om insatsen', counts: 'Gripna {{arrests}}, anmälningar {{reports}}, kontrollerade personer {{persons}}, platser {{places}}.',
    to: { executing: 'Starta insatsen', completed: 'Markera som genomförd', outcome_reported: 'Rapportera utfallet' },
    participants: 'Deltagare', outcome: 'Utfall', release: 'Frisläpp sammanfattning',
  },
};

export const en: typeof sv = {
  operations: {
    title: 'Operations', empty: 'No operations in your police area.', restricted: 'Restricted', window: 'Planned time', intelligence: 'Intelligence basis (commanders only)',
    conditions: 'Conditions of the decision', decide: 'Decide the operation', counts: 'Arrests {{arrests}}, reports {{reports}}, persons checked {{persons}}, places {{places}}.',
    to: { executing: 'Start the operation', completed: 'Mark as completed', outcome_reported: 'Report the outcome' },
    participants: 'Participants', outcome: 'Outcome', release: 'Release summary',
  },
};

/** Labels of this area: Swedish, and English behind the switch. Spread into locales/sv.ts and en.ts. */
export const sv = {
  inspections: {
    title: 'Tillsyner', empty: 'Inga tillsyner att visa.', premises: 'Serveringsställe', when: 'När', type: 'Typ', status: 'Status', inspectors: 'Inspektörer',
    protocol: 'Protokoll', save: 'Spara protokollet', saved: 'Protokollet är sparat.', note: 'Anteckning', results: { ok: 'OK', remark: 'Anmärkning', not_applicable: 'Ej aktuell', not_checked: 'Ej kontrollerad' },
  },
};

export const en: typeof sv = {
  inspections: {
    title: 'Inspections', empty: 'No inspections to show.', premises: 'Premises', when: 'When', type: 'Type', status: 'Status', inspectors: 'Inspectors',
    protocol: 'Protocol', save: 'Save the protocol', saved: 'The protocol is saved.', note: 'Note', results: { ok: 'OK', remark: 'Remark', not_applicable: 'Not applicable', not_checked: 'Not checked' },
  },
};

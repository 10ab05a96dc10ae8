/** Labels of this area: Swedish, and English behind the switch. Spread into locales/sv.ts and en.ts. */
export const sv = {
  youth: {
    title: 'Ungdomsärenden', empty: 'Det finns inga ärenden du kan se. Ärenden delas med polisen bara med samtycke eller efter ett registrerat utlämnande.',
    reference: 'Ärende', person: 'Ungdom', number: 'Personnummer', form: 'Form', status: 'Status', coordinator: 'Samordnare', review: 'Omprövas',
    shared: 'Du ser det här ärendet genom delning. Kategorier: {{categories}}', riskFactors: 'Riskfaktorer', entries: 'Anteckningar', noEntries: 'Inga anteckningar som du kan se.',
    plan: 'Plan', noPlan: 'Ingen plan än, eller så omfattas inte planen av delningen.', reveal: 'Visa fullständigt personnummer', revealReason: 'Skäl (sparas i granskningsloggen)',
    revealSubmit: 'Visa', cancel: 'Avbryt', consents: 'Samtycken', disclosures: 'Utlämnanden', back: 'Tillbaka till ärendena',
  },
  consents: {
    title: 'Samtycken', empty: 'Inga samtycken registrerade.', signers: 'Undertecknat av', validity: 'Gäller', categories: 'Kategorier', withdraw: 'Återkalla',
    withdrawReason: 'Skäl till återkallelsen', withdrawSubmit: 'Återkalla samtycket', states: { valid: 'Gällande', expired: 'Utgånget', withdrawn: 'Återkallat', pending: 'Ej börjat gälla' },
  },
  disclosures: { title: 'Utlämnanden', empty: 'Inga utlämnanden registrerade.', ground: 'Grund', to: 'Till', when: 'När' },
  accessLog: { title: 'Åtkomstlogg', who: 'Vem', what: 'Vad', when: 'När' },
};

export const en: typeof sv = {
  youth: {
    title: 'Youth cases', empty: 'There are no cases you can see. Cases reach the police only with consent or after a recorded disclosure.',
    reference: 'Case', person: 'Young person', number: 'Personal number', form: 'Form', status: 'Status', coordinator: 'Coordinator', review: 'Review',
    shared: 'You see this case through sharing. Categories: {{categories}}', riskFactors: 'Risk factors', entries: 'Notes', noEntries: 'No notes you can see.',
    plan: 'Plan', noPlan: 'No plan yet, or the sharing does not cover the plan.', reveal: 'Show full personal number', revealReason: 'Reason (kept in the audit trail)',
    revealSubmit: 'Show', cancel: 'Cancel', consents: 'Consents', disclosures: 'Disclosures', back: 'Back to the cases',
  },
  consents: {
    title: 'Consents', empty: 'No consents recorded.', signers: 'Signed by', validity: 'Valid', categories: 'Categories', withdraw: 'Withdraw',
    withdrawReason: 'Reason for the withdrawal', withdrawSubmit: 'Withdraw the consent', states: { valid: 'Valid', expired: 'Expired', withdrawn: 'Withdrawn', pending: 'Not yet valid' },
  },
  disclosures: { title: 'Disclosures', empty: 'No disclosures recorded.', ground: 'Ground', to: 'To', when: 'When' },
  accessLog: { title: 'Access log', who: 'Who', what: 'What', when: 'When' },
};

/** Swedish, the default language. Keys are shared with en.ts. */
export const sv = {
  app: { name: 'Samverkan', skip: 'Hoppa till innehållet', language: 'In English', languageCode: 'en', signOut: 'Logga ut', loading: 'Hämtar…', menu: 'Huvudmeny' },
  nav: { home: 'Start', promise: 'Medborgarlöftet', inspections: 'Tillsyn', youth: 'Ungdomsärenden', operations: 'Insatser', summaries: 'Insatsresultat', notifications: 'Notiser', audit: 'Granskningslogg', admin: 'Administration' },
  signIn: {
    title: 'Logga in', email: 'E-postadress', password: 'Lösenord', submit: 'Logga in', failed: 'Fel e-postadress eller lösenord, eller så är kontot låst.',
    expired: 'Du har varit inaktiv en stund och har loggats ut. Logga in igen för att fortsätta.', tooMany: 'För många försök. Vänta en minut och försök igen.',
  },
  home: {
    greeting: 'Hej {{name}}', deadlines: 'Mina frister', noDeadlines: 'Du har inga öppna frister. När något får ett förfallodatum hamnar det här.',
    overdue: 'Försenad', due: 'Ska vara klar', notifications: 'Senaste notiserna', noNotifications: 'Inga nya notiser.', roles: 'Dina roller',
  },
  youth: {
    title: 'Ungdomsärenden', empty: 'Det finns inga ärenden du kan se. Ärenden delas med polisen bara med samtycke eller efter ett registrerat utlämnande.',
    reference: 'Ärende', person: 'Ungdom', number: 'Personnummer', form: 'Form', status: 'Status', coordinator: 'Samordnare', review: 'Omprövas',
    shared: 'Du ser det här ärendet genom delning. Kategorier: {{categories}}', riskFactors: 'Riskfaktorer', entries: 'Anteckningar', noEntries: 'Inga anteckningar som du kan se.',
    plan: 'Plan', noPlan: 'Ingen plan än, eller så omfattas inte planen av delningen.', reveal: 'Visa fullständigt personnummer', revealReason: 'Skäl (sparas i granskningsloggen)',
    revealSubmit: 'Visa', cancel: 'Avbryt', consents: 'Samtycken', disclosures: 'Utlämnanden', back: 'Tillbaka till ärendena',
  },
  operations: {
    title: 'Insatser', empty: 'Inga insatser i ditt polisområde.', restricted: 'Begränsad', window: 'Planerad tid', intelligence: 'Underrättelseunderlag (endast insatschef)',
    conditions: 'Villkor i beslutet', decide: 'Besluta om insatsen', counts: 'Gripna {{arrests}}, anmälningar {{reports}}, kontrollerade personer {{persons}}, platser {{places}}.',
    to: { executing: 'Starta insatsen', completed: 'Markera som genomförd', outcome_reported: 'Rapportera utfallet' },
    participants: 'Deltagare', outcome: 'Utfall', release: 'Frisläpp sammanfattning',
  },
  inspections: {
    title: 'Tillsyner', empty: 'Inga tillsyner att visa.', premises: 'Serveringsställe', when: 'När', type: 'Typ', status: 'Status', inspectors: 'Inspektörer',
    protocol: 'Protokoll', save: 'Spara protokollet', saved: 'Protokollet är sparat.', note: 'Anteckning', results: { ok: 'OK', remark: 'Anmärkning', not_applicable: 'Ej aktuell', not_checked: 'Ej kontrollerad' },
  },
  notifications: {
    title: 'Notiser', empty: 'Inga notiser. Påminnelser om frister och händelser i dina ärenden hamnar här.', new: 'Ny', markRead: 'Markera som läst', markAll: 'Markera alla som lästa',
    emailMode: 'E-post om notiser', saved: 'Inställningen är sparad.', modes: { immediate: 'Direkt, ett mejl per notis', digest: 'En sammanfattning varje morgon kl. 07', off: 'Ingen e-post' },
  },
  consents: {
    title: 'Samtycken', empty: 'Inga samtycken registrerade.', signers: 'Undertecknat av', validity: 'Gäller', categories: 'Kategorier', withdraw: 'Återkalla',
    withdrawReason: 'Skäl till återkallelsen', withdrawSubmit: 'Återkalla samtycket', states: { valid: 'Gällande', expired: 'Utgånget', withdrawn: 'Återkallat', pending: 'Ej börjat gälla' },
  },
  disclosures: { title: 'Utlämnanden', empty: 'Inga utlämnanden registrerade.', ground: 'Grund', to: 'Till', when: 'När' },
  accessLog: { title: 'Åtkomstlogg', who: 'Vem', what: 'Vad', when: 'När' },
  promise: { title: 'Medborgarlöftet', commitments: 'Åtaganden', progress: 'Framsteg', overdueActions: 'Försenade aktiviteter', empty: 'Inget medborgarlöfte att visa.' },
  errors: { generic: 'Något gick fel. Försök igen, och kontakta supporten med referensen {{requestId}} om det kvarstår.', notFound: 'Sidan finns inte, eller så har du inte behörighet att se den.', fields: 'Rätta följande:' },
  statuses: {
    concern_raised: 'Oro anmäld', assessment: 'Bedömning', awaiting_consent: 'Inväntar samtycke', mapping: 'Kartläggning', plan_active: 'Plan pågår', follow_up: 'Uppföljning', closed: 'Avslutat', purged: 'Gallrat',
    proposed: 'Föreslagen', decided: 'Beslutad', executing: 'Pågår', completed: 'Genomförd', outcome_reported: 'Utfall rapporterat', cancelled: 'Inställd',
    planned: 'Planerad', performed: 'Genomförd', attempted: 'Försök (ingen på plats)', report_sent: 'Rapport skickad', response_received: 'Yttrande inkommet', escalated: 'Eskalerad',
  },
};
export type Messages = typeof sv;

/** Labels of this area: Swedish, and English behind the switch. Spread into locales/sv.ts and en.ts. */
export const sv = {
  audit: {
    title: 'Granskningslogg', notAllowed: 'Granskningsloggen är bara för granskare. Du har inte behörighet att läsa den.',
    intro: 'Här finns vem som gjort vad i systemet, även läsningar av känsliga uppgifter. Loggen går inte att ändra; varje händelse är länkad till den före med en kontrollsumma.',
    events: 'Händelser', filters: 'Filtrera granskningsloggen', action: 'Händelse', actionHint: 'Till exempel user.deactivate eller youth_subject.reveal.',
    resourceType: 'Typ av post', resourceTypeHint: 'Till exempel user eller youth_case.', resourceId: 'Postens id', actorUserId: 'Utförarens användar-id',
    actorHint: 'Användarens id (uuid), t.ex. från en händelse nedan.', outcome: 'Utfall', allOutcomes: 'Alla utfall', from: 'Från och med dag', to: 'Till och med dag',
    filter: 'Filtrera', clear: 'Rensa filtren', pages: 'Sidor i granskningsloggen',
    empty: 'Granskningsloggen är tom för det du får se.', noMatch: 'Inga händelser matchar filtren. Ändra eller rensa filtren.',
    outcomes: { success: 'Lyckades', failure: 'Misslyckades', denied: 'Nekad' },
    eventId: 'Händelse nr', system: 'Systemet (inget användarkonto)', actorUnit: 'Utförarens enhet (id)', actorOrganisation: 'Utförarens organisation (id)',
    resource: 'Post', subjectOrganisation: 'Postens organisation (id)', changedFields: 'Ändrade fält', requestId: 'Anropets id', ip: 'IP-adress', hash: 'Kontrollsumma',
    details: 'Uppgifter om händelsen', onlyActor: 'Visa bara den här utförarens händelser', onlyResource: 'Visa bara händelser för den här posten',
    chainTitle: 'Kontrollera kedjan', chainIntro: 'Kontrollen räknar om varje händelses kontrollsumma och länken till händelsen före. Den visar om någon har ändrat, tagit bort eller lagt in händelser vid sidan av systemet.',
    verify: 'Kontrollera kedjan', verifying: 'Kontrollerar kedjan… Det kan ta en stund när loggen är lång.',
    intact_one: 'Kedjan är obruten: {{formatted}} händelse kontrollerad.', intact_other: 'Kedjan är obruten: {{formatted}} händelser kontrollerade.',
    broken: 'Kedjan är bruten vid händelse nr {{id}}',
    breakKinds: {
      contents: 'Händelsens innehåll stämmer inte med dess kontrollsumma: händelsen har ändrats i efterhand.',
      link: 'Länken till händelsen före stämmer inte: en tidigare händelse har tagits bort, ändrats eller lagts in i efterhand.',
    },
    checked_one: '{{formatted}} händelse kontrollerad.', checked_other: '{{formatted}} händelser kontrollerade.',
  },
};

export const en: typeof sv = {
  audit: {
    title: 'Audit trail', notAllowed: 'The audit trail is for auditors only. You do not have permission to read it.',
    intro: 'Who did what in the system, including reads of sensitive information. The trail cannot be changed; every event is linked to the one before by a checksum.',
    events: 'Events', filters: 'Filter the audit trail', action: 'Event', actionHint: 'For example user.deactivate or youth_subject.reveal.',
    resourceType: 'Record type', resourceTypeHint: 'For example user or youth_case.', resourceId: 'Record id', actorUserId: 'Actor’s user id',
    actorHint: 'The user’s id (uuid), e.g. from an event below.', outcome: 'Outcome', allOutcomes: 'All outcomes', from: 'From day', to: 'To day (inclusive)',
    filter: 'Filter', clear: 'Clear the filters', pages: 'Pages of the audit trail',
    empty: 'The audit trail is empty for what you may see.', noMatch: 'No events match the filters. Change or clear them.',
    outcomes: { success: 'Succeeded', failure: 'Failed', denied: 'Denied' },
    eventId: 'Event no.', system: 'The system (no user account)', actorUnit: 'Actor’s unit (id)', actorOrganisation: 'Actor’s organisation (id)',
    resource: 'Record', subjectOrganisation: 'Record’s organisation (id)', changedFields: 'Changed fields', requestId: 'Request id', ip: 'IP address', hash: 'Checksum',
    details: 'Details of the event', onlyActor: 'Show only this actor’s events', onlyResource: 'Show only events for this record',
    chainTitle: 'Verify the chain', chainIntro: 'The check recomputes every event’s checksum and its link to the event before. It shows whether anyone has altered, removed or inserted events outside the system.',
    verify: 'Verify the chain', verifying: 'Verifying the chain… This can take a while on a long trail.',
    intact_one: 'The chain is intact: {{formatted}} event checked.', intact_other: 'The chain is intact: {{formatted}} events checked.',
    broken: 'The chain is broken at event no. {{id}}',
    breakKinds: {
      contents: 'The event’s contents do not match its checksum: the event was altered afterwards.',
      link: 'The link to the event before does not match: an earlier event was removed, altered or inserted afterwards.',
    },
    checked_one: '{{formatted}} event checked.', checked_other: '{{formatted}} events checked.',
  },
};

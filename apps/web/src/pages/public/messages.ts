/** Labels of this area: Swedish, and English behind the switch. Spread into locales/sv.ts and en.ts. */
export const sv = {
  publicPromise: {
    fallbackTitle: 'Medborgarlöfte', kicker: 'Medborgarlöfte – polisen och kommunen lovar gemensamt', period: 'löftesperiod {{from}} – {{to}}', status: 'Status',
    updated: 'Siffrorna är uppdaterade {{on}}.', noCommitments: 'Inga åtaganden under det här området än.',
    targetPerYear: 'Mål: {{value}} {{unit}} per år. Utfall hittills: {{actual}}.', targetPerPeriod: 'Mål: {{value}} {{unit}} under löftesperioden. Utfall hittills: {{actual}}.',
    noTarget: 'Följs upp genom de åtgärder som genomförs.', progress: 'Måluppfyllelse {{percent}}.', progressLabel: 'Måluppfyllelse {{percent}}',
    actions: 'Åtgärder: {{done}} genomförda, {{open}} pågående eller planerade.', completed: 'Genomförda åtgärder ({{count}})',
    followUps: 'Uppföljningar', noFollowUps: 'Ingen uppföljning är publicerad än. Löftet följs upp i slutet av varje år.', followUpOf: 'Uppföljning {{year}}',
    noConclusion: 'Ingen sammanfattning.', decision: 'Beslut', assessments: 'Bedömning per åtagande {{year}}',
  },
};

export const en: typeof sv = {
  publicPromise: {
    fallbackTitle: 'Citizen promise', kicker: 'Citizen promise – the police and the municipality promise together', period: 'promise period {{from}} – {{to}}', status: 'Status',
    updated: 'Figures updated {{on}}.', noCommitments: 'No commitments in this area yet.',
    targetPerYear: 'Target: {{value}} {{unit}} a year. Actual so far: {{actual}}.', targetPerPeriod: 'Target: {{value}} {{unit}} over the promise period. Actual so far: {{actual}}.',
    noTarget: 'Followed up through the actions carried out.', progress: 'Fulfilment {{percent}}.', progressLabel: 'Fulfilment {{percent}}',
    actions: 'Actions: {{done}} carried out, {{open}} under way or planned.', completed: 'Actions carried out ({{count}})',
    followUps: 'Follow-ups', noFollowUps: 'No follow-up is published yet. The promise is followed up at the end of every year.', followUpOf: 'Follow-up {{year}}',
    noConclusion: 'No summary.', decision: 'Decision', assessments: 'Assessment per commitment {{year}}',
  },
};

import { sv as accountSv } from '../pages/account/messages';
import { sv as adminSv } from '../pages/admin/messages';
import { sv as auditSv } from '../pages/audit/messages';
import { sv as inspectionsSv } from '../pages/inspections/messages';
import { sv as operationsSv } from '../pages/operations/messages';
import { sv as promiseSv } from '../pages/promise/messages';
import { sv as strongAuthSv } from '../pages/strong-auth/messages';
import { sv as searchSv } from '../pages/search/messages';
import { sv as publicSv } from '../pages/public/messages';
import { sv as workQueueSv } from '../pages/work-queue/messages';
import { sv as youthSv } from '../pages/youth/messages';
import { sv as oidcSv } from '../pages/oidc/messages';

/** Swedish, the default language. Keys are shared with en.ts. */
export const sv = {
  ...accountSv,
  ...adminSv,
  ...auditSv,
  ...inspectionsSv,
  ...operationsSv,
  ...promiseSv,
  ...publicSv,
  ...searchSv,
  ...strongAuthSv,
  ...youthSv,
  ...workQueueSv,
  ...oidcSv,
  app: {
    name: 'Samverkan',
    skip: 'Hoppa till innehållet',
    language: 'In English',
    languageCode: 'en',
    signOut: 'Logga ut',
    loading: 'Hämtar…',
    menu: 'Huvudmeny',
    cancel: 'Avbryt',
  },
  pager: { label: 'Sidor', showing: 'Visar {{from}}–{{to}} av {{total}} (sida {{page}} av {{pages}})', previous: 'Föregående sida', next: 'Nästa sida' },

  nav: {
    home: 'Start',
    promise: 'Medborgarlöftet',
    inspections: 'Tillsyn',
    youth: 'Ungdomsärenden',
    operations: 'Insatser',
    summaries: 'Insatsresultat',
    notifications: 'Notiser',
    audit: 'Granskningslogg',
    admin: 'Administration',
    workQueue: 'Arbetskö',
  },
  signIn: {
    title: 'Logga in',
    email: 'E-postadress',
    password: 'Lösenord',
    submit: 'Logga in',
    failed: 'Fel e-postadress eller lösenord, eller så är kontot låst.',
    expired: 'Du har varit inaktiv en stund och har loggats ut. Logga in igen för att fortsätta.',
    tooMany: 'För många försök. Vänta en minut och försök igen.',
  },
  home: {
    greeting: 'Hej {{name}}',
    deadlines: 'Mina frister',
    noDeadlines: 'Du har inga öppna frister. När något får ett förfallodatum hamnar det här.',
    overdue: 'Försenad',
    due: 'Ska vara klar',
    notifications: 'Senaste notiserna',
    noNotifications: 'Inga nya notiser.',
    roles: 'Dina roller',
    teamOrganisation: 'Försenat och snart förfallet i din organisation',
    teamUnit: 'Försenat och snart förfallet i din enhet',
    noTeamDeadlines: 'Inget är försenat eller förfaller inom 14 dagar.',
    responsible: 'Ansvarig',
    openQueue: 'Öppna arbetskön ({{count}} försenade eller snart förfallna)',
  },
  notifications: {
    title: 'Notiser',
    empty: 'Inga notiser. Påminnelser om frister och händelser i dina ärenden hamnar här.',
    new: 'Ny',
    markRead: 'Markera som läst',
    markAll: 'Markera alla som lästa',
    emailMode: 'E-post om notiser',
    saved: 'Inställningen är sparad.',
    modes: { immediate: 'Direkt, ett mejl per notis', digest: 'En sammanfattning varje morgon kl. 07', off: 'Ingen e-post' },
  },
  errors: {
    generic: 'Något gick fel. Försök igen, och kontakta supporten med referensen {{requestId}} om det kvarstår.',
    notFound: 'Sidan finns inte, eller så har du inte behörighet att se den.',
    fields: 'Rätta följande:',
    reference: 'Referens: {{requestId}}.',
  },
  statuses: {
    concern_raised: 'Oro anmäld',
    assessment: 'Bedömning',
    awaiting_consent: 'Inväntar samtycke',
    mapping: 'Kartläggning',
    plan_active: 'Plan pågår',
    follow_up: 'Uppföljning',
    closed: 'Avslutat',
    purged: 'Gallrat',
    proposed: 'Föreslagen',
    decided: 'Beslutad',
    executing: 'Pågår',
    completed: 'Genomförd',
    outcome_reported: 'Utfall rapporterat',
    cancelled: 'Inställd',
    planned: 'Planerad',
    performed: 'Genomförd',
    attempted: 'Försök (ingen på plats)',
    report_sent: 'Rapport skickad',
    response_received: 'Yttrande inkommet',
    escalated: 'Eskalerad',
  },
  commonLabels: {
    deadlineStatuses: { open: 'Öppen', met: 'Klar', cancelled: 'Avbruten' },
    deadlineScopes: { mine: 'Mina', unit: 'Min enhet', all: 'Alla' },
  },
};
export type Messages = typeof sv;

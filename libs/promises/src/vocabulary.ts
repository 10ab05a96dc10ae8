/** The words of the promise tracker, with the Swedish labels people see. */

export const PROMISE_STATUSES = ['draft', 'signed', 'active', 'evaluated', 'closed', 'extended'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];
export const PROMISE_STATUS_LABELS: Record<PromiseStatus, string> = {
  draft: 'Utkast',
  signed: 'Undertecknat',
  active: 'Pågående',
  evaluated: 'Utvärderat',
  closed: 'Avslutat',
  extended: 'Förlängt',
};

export const PARTIES = ['joint', 'police', 'municipality'] as const;
export type Party = (typeof PARTIES)[number];
export const PARTY_LABELS: Record<Party, string> = { joint: 'Gemensamt', police: 'Polisen', municipality: 'Kommunen' };

export const ACTION_STATUSES = ['planned', 'in_progress', 'blocked', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const FINAL_ACTION_STATUSES: readonly ActionStatus[] = ['done', 'cancelled'];
/** What an entry in an action's history records. */
export const ACTION_EVENT_KINDS = ['created', 'updated', 'status_changed', 'progress', 'note', 'reopened'] as const;
export type ActionEventKind = (typeof ACTION_EVENT_KINDS)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  planned: 'Planerad',
  in_progress: 'Pågår',
  blocked: 'Hindrad',
  done: 'Klar',
  cancelled: 'Inställd',
};

export const ACTIVITY_KINDS = [
  'speed_check',
  'traffic_operation',
  'neighbourhood_watch',
  'guard_patrol',
  'safety_walk',
  'prevention_session',
  'licensed_premises_inspection',
  'drug_sale_operation',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  speed_check: 'Hastighetskontroll',
  traffic_operation: 'Trafikinsats',
  neighbourhood_watch: 'Grannsamverkan',
  guard_patrol: 'Väktarrond',
  safety_walk: 'Trygghetsvandring',
  prevention_session: 'Förebyggande insats',
  licensed_premises_inspection: 'Tillsyn serveringsställe',
  drug_sale_operation: 'Insats mot narkotikaförsäljning',
  other: 'Övrigt',
};

export const ASSESSMENTS = ['achieved', 'partly', 'not_achieved', 'not_assessed'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];
export const ASSESSMENT_LABELS: Record<Assessment, string> = {
  achieved: 'Uppnått',
  partly: 'Delvis uppnått',
  not_achieved: 'Ej uppnått',
  not_assessed: 'Ej bedömt',
};

/** The two sides that approve a follow-up (a joint commitment has no side of its own). */
export const SIDES = ['police', 'municipality'] as const;
export type Side = (typeof SIDES)[number];

/** A follow-up is written as a draft; the second side's approval freezes it. */
export const FOLLOW_UP_STATUSES = ['draft', 'frozen'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** What the year's report stands on: an approved (frozen) follow-up, a draft one, or live figures. */
export const REPORT_BASES = ['approved', 'draft', 'preliminary'] as const;
export type ReportBasis = (typeof REPORT_BASES)[number];

export const DECISIONS = ['continue', 'adjust', 'extend', 'new_promise'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = {
  continue: 'Fortsätt enligt plan',
  adjust: 'Justera aktiviteterna',
  extend: 'Förläng löftet',
  new_promise: 'Nytt medborgarlöfte',
};

export const TARGET_PERIODS = ['year', 'promise_period'] as const;
export type TargetPeriod = (typeof TARGET_PERIODS)[number];

/** Kinds of the collaboration's named places (issue #20). */
export const PLACE_KINDS = ['road', 'harbour', 'school', 'square', 'other'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** What a guard round or a safety walk finds. */
export const FINDING_CATEGORIES = [
  'broken_lighting',
  'vandalism',
  'graffiti',
  'littering',
  'youth_gathering',
  'speeding',
  'traffic_hazard',
  'overgrown_vegetation',
  'other',
] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

/** open → in_progress → done (with what was done) or rejected (with why); done and rejected are final. */
export const FINDING_STATUSES = ['open', 'in_progress', 'done', 'rejected'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

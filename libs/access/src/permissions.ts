/**
 * The permission catalogue: every `resource:action` Samverkan knows, with a label for people
 * (Swedish, with English). The one place a permission is declared; roles.ts says who holds which.
 */
export const PERMISSIONS = {
  // Administration
  'organisation:read': 'Se organisationer och enheter (Read organisations and units)',
  'organisation:manage': 'Hantera organisationer och enheter (Manage organisations and units)',
  'organisation:details': 'Ändra organisationens namn, kontaktuppgifter och förvaltningsrätt (Change the organisation’s name, contact and appeal court)',
  'collaboration:manage': 'Hantera samverkansområden (Manage collaborations)',
  'user:read': 'Se användare och behörigheter (Read users and memberships)',
  'user:manage': 'Skapa, ändra och avaktivera användare (Create, change and deactivate users)',
  'audit:read': 'Läsa granskningsloggen (Read the audit trail)',
  'audit:verify': 'Kontrollera granskningsloggens kedja (Verify the audit chain)',
  'reminder_rule:manage': 'Ändra påminnelseregler (Change reminder rules)',
  'operations:read': 'Se köer och misslyckade utskick (See job queues and failed e-mail)',

  // Work queues: the deadlines of the unit or organisation one answers for
  'work_queue:read': 'Se arbetskön och fristerna för sin enhet eller organisation (Read the work queue of the unit or organisation one leads)',

  // Citizen promise (medborgarlöfte)
  'promise:read': 'Se medborgarlöften och aktiviteter (Read promises and actions)',
  'promise:manage': 'Hantera medborgarlöften och åtaganden (Manage promises and commitments)',
  'promise_action:update': 'Rapportera på aktiviteter (Report progress on actions)',
  'promise_action:reassign': 'Byta ansvarig person för aktiviteter (Hand an action to another responsible person)',
  'promise:report': 'Ta fram och publicera uppföljning (Produce and publish the follow-up)',
  'finding:record': 'Registrera fynd från ronder och trygghetsvandringar (Record findings of rounds and safety walks)',
  'finding:update': 'Åtgärda fynd som enheten ansvarar för (Work on findings one’s unit is responsible for)',

  // Alcohol licence supervision (Alkohollagen 2010:1622)
  'premises:read': 'Se serveringsställen och tillstånd (Read premises and licences)',
  'premises:manage': 'Hantera serveringsställen och tillstånd (Manage premises and licences)',
  'inspection:read': 'Se tillsyn och protokoll (Read inspections and protocols)',
  'inspection:plan': 'Planera tillsyn (Plan inspections)',
  'inspection:perform': 'Genomföra tillsyn och föra protokoll (Carry out inspections)',
  'sanction:propose': 'Föreslå sanktion efter tillsyn (Propose a sanction case)',
  'sanction:decide': 'Besluta om erinran, varning, återkallelse (Decide sanctions, AL 9 kap 17–18 §)',

  // Youth cases (OSL, SoL)
  'youth_case:read': 'Läsa ungdomsärenden (Read youth cases)',
  'youth_case:create': 'Registrera ungdomsärenden (Open youth cases)',
  'youth_case:update': 'Föra anteckningar och planer i ungdomsärenden (Update youth cases)',
  'youth_case:share': 'Dela ungdomsärenden med andra enheter (Share youth cases)',
  'youth_case:disclose': 'Lämna ut uppgifter (samtycke, OSL 10 kap 18 a §) (Disclose information)',
  'youth_case:close': 'Avsluta ungdomsärenden (Close youth cases)',
  'youth_concern:report': 'Göra orosanmälan till socialtjänsten (File a report of concern, SoL 14 kap 1 §)',
  'youth_case:access_log': 'Se vem som läst och ändrat ett ärende (See a case’s access log)',
  'youth_statistics:read': 'Se aggregerad statistik om ungdomsärenden (Aggregated youth-case statistics)',
  'youth_subject:find': 'Söka ungdom på personnummer, med skäl (Find a young person by personal number, with a reason)',
  'youth_subject:reveal': 'Visa fullständigt personnummer, med skäl (Reveal the full personal number, with a reason)',
  'youth_subject:extract': 'Ta fram registerutdrag (Produce a register extract for a data-subject request)',

  // Police operations against drug sales
  'operation:read': 'Se polisiära insatser (Read operations)',
  'operation:propose': 'Föreslå insatser (Propose operations)',
  'operation:decide': 'Besluta om insatser (Decide operations)',
  'operation:report': 'Rapportera insatsresultat (Report operation outcomes)',
  'operation_summary:read': 'Se utfallssammanställningar (Read released outcome summaries)',
} as const;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

/** The resource part of a permission: 'youth_case:read' → 'youth_case'. */
export type PermissionResource = Permission extends `${infer R}:${string}` ? R : never;

/**
 * The area each resource belongs to, which decides who may hand out a role that holds it
 * (roles.ts `grantAuthority`):
 * - administration: running Samverkan itself (organisations, users, the audit trail, queues);
 * - shared: the collaboration's common work — promises, supervision, released operation
 *   summaries, youth statistics with small groups suppressed, reports of concern (SoL 14 kap 1 §);
 * - social_services: youth cases and the young people they are about, secret under OSL 26 kap 1 §;
 * - police: operations and the intelligence behind them, which never leave the police.
 * A type error here means a new resource needs its area before any role can hold it.
 */
export const RESOURCE_AREAS = {
  organisation: 'administration',
  collaboration: 'administration',
  user: 'administration',
  audit: 'administration',
  reminder_rule: 'administration',
  operations: 'administration',
  work_queue: 'shared',
  promise: 'shared',
  promise_action: 'shared',
  finding: 'shared',
  premises: 'shared',
  inspection: 'shared',
  sanction: 'shared',
  youth_concern: 'shared',
  youth_statistics: 'shared',
  operation_summary: 'shared',
  youth_case: 'social_services',
  youth_subject: 'social_services',
  operation: 'police',
} as const satisfies Record<PermissionResource, string>;

export type PermissionArea = (typeof RESOURCE_AREAS)[PermissionResource];

export function permissionArea(permission: Permission): PermissionArea {
  return RESOURCE_AREAS[splitPermission(permission)[0] as PermissionResource];
}

/** 'youth_case:read' → ['youth_case', 'read'] */
export function splitPermission(permission: Permission): [resource: string, action: string] {
  const [resource, action] = permission.split(':') as [string, string];
  return [resource, action];
}

// The pairs `npm run bench` measures (issue #19): each Samverkan list or detail request, as the
// seeded user who would make it, beside a plain Fastify + `pg` route (anchor.mjs, `/e/<i>`) issuing
// the same data SQL — the same statements with the same parameters, in the same order and
// concurrency. Left out: the principal load, the session check and the audit append, which are
// the framework's overhead being measured. Each anchor names the service method it mirrors; a
// change to that SQL is a change here too.
//
// The youth entries need strong sessions for the demo users (DEMO_STRONG_PASSWORD_SESSIONS=true).
//
// The SELECT texts the services share are imported from the build, not copied, so an anchor
// cannot drift from its endpoint; only the named parameters become positional ones.
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { root } from './lib.mjs';

const built = (path) => import(`${root}dist/apps/api/libs/${path}`);
const { SELECT_ACTIONS: ACTIONS_NAMED } = await built('promises/src/actions.service.js');
const { SELECT_INSPECTIONS } = await built('inspections/src/inspections/inspections.service.js');
const { SELECT_PREMISES } = await built('inspections/src/licensing/premises.service.js');
const { SELECT_CASE } = await built('youth/src/youth-case-access.js');
const { SELECT_EVENTS: EVENTS_NAMED } = await built('audit/src/audit.service.js');
const SELECT_ACTIONS = ACTIONS_NAMED.replace(':today', '$2');
/** SELECT_EVENTS with its labelAll / labelOrganisations bound as $5 / $6 (after the page's parameters). */
const SELECT_EVENTS = EVENTS_NAMED.replaceAll(':labelAll', '$5').replaceAll(':labelOrganisations', '$6');

/** Scope parameters the api derives from the principal (libs/access principal.ts, record-scope.ts). */
async function principal(pool, email) {
  const { rows } = await pool.query(
    `SELECT u.id AS "userId", u.organisation_id AS "organisationId",
            array_agg(DISTINCT m.unit_id) AS units,
            array_agg(DISTINCT un.organisation_id) || u.organisation_id AS orgs,
            coalesce(array_agg(DISTINCT c.id) FILTER (WHERE c.id IS NOT NULL), '{}') AS collaborations
     FROM users u JOIN memberships m ON m.user_id = u.id JOIN units un ON un.id = m.unit_id
     LEFT JOIN collaborations c ON un.organisation_id IN (c.police_organisation_id, c.municipality_organisation_id)
     WHERE u.email = $1 GROUP BY u.id`,
    [email],
  );
  if (!rows[0]) throw new Error(`no user ${email} in the bench database`);
  const p = rows[0];
  return { ...p, orgs: [...new Set(p.orgs)] };
}

/** Picks one record of each kind the users may open, and their scope parameters. */
export async function prepare(pool) {
  const [chef, alkohol, social, revisor] = await Promise.all(
    ['chef@hammaro.test', 'alkohol@hammaro.test', 'socialsekreterare@hammaro.test', 'revisor@hammaro.test'].map((email) => principal(pool, email)),
  );
  const one = async (sql, params) => (await pool.query(sql, params)).rows[0]?.id;
  return {
    chef,
    alkohol,
    social,
    revisor,
    actionId: await one(`SELECT id FROM actions WHERE collaboration_id = $1 ORDER BY due_date, id LIMIT 1`, [chef.collaborations[0]]),
    inspectionId: await one(`SELECT id FROM inspections WHERE owner_organisation_id = $1 ORDER BY planned_start DESC, id LIMIT 1`, [alkohol.organisationId]),
    premisesId: await one(`SELECT id FROM premises WHERE owner_organisation_id = $1 ORDER BY name, id LIMIT 1`, [alkohol.organisationId]),
    caseId: await one(`SELECT id FROM youth_cases WHERE owner_unit_id = ANY($1) AND status NOT IN ('purged', 'closed') ORDER BY updated_at DESC, id LIMIT 1`, [
      social.units,
    ]),
  };
}

/** A named (prepared) statement of `text`: one name per text, as the api's preparedQuery does. */
const named = (text, values) => ({ name: `sv_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`, text, values });

/** Today in Europe/Stockholm, as the api binds it for `overdue` (platform stockholmDate). */
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

/** The per-record grant lookups of scopeCondition (libs/access record-scope.ts) for one permission, $2–$7 bound by `grantParams`. */
const GRANTED = (column, effect) => `${column} = ANY(ARRAY(SELECT g.resource_id FROM record_grants g
      WHERE g.resource_type = $2 AND g.effect = '${effect}'
        AND $3 = ANY(g.actions) AND g.revoked_at IS NULL
        AND g.valid_from <= $4 AND (g.valid_until IS NULL OR g.valid_until > $4)
        AND ((g.grantee_type = 'user' AND g.grantee_id = $5)
      OR (g.grantee_type = 'unit' AND g.grantee_id = ANY($6))
      OR (g.grantee_type = 'organisation' AND g.grantee_id = ANY($7)))))`;
/** `(<role scope $1>) OR granted AND NOT denied`, as scopeCondition writes it. */
const SCOPED = (byRole, column) => `((${byRole}) OR ${GRANTED(column, 'grant')}) AND NOT ${GRANTED(column, 'deny')}`;
const grantParams = (p, type, action = 'read') => [type, action, new Date(), p.userId, p.units, p.orgs];

/** AccessService.activeGrants: the per-record check every detail makes after loading its record. */
async function activeGrants(pool, p, resourceType, resourceId) {
  return pool.query(
    `SELECT effect, actions FROM record_grants
       WHERE resource_type = $1 AND resource_id = $2 AND revoked_at IS NULL
         AND valid_from <= $3 AND (valid_until IS NULL OR valid_until > $3)
         AND ((grantee_type = 'user' AND grantee_id = $4)
           OR (grantee_type = 'unit' AND grantee_id = ANY($5::uuid[]))
           OR (grantee_type = 'organisation' AND grantee_id = ANY($6::uuid[])))`,
    [resourceType, resourceId, new Date(), p.userId, p.units, p.orgs],
  );
}

/** pageOf (libs/platform page-of.ts): the page's rows and the count, concurrently. */
async function page(pool, rows, rowParams, count, countParams) {
  // Named, as the api's lists are (libs/platform prepared-query.ts): planned once per connection.
  const [items, total] = await Promise.all([pool.query(named(rows, rowParams)), pool.query(named(count, countParams))]);
  return { items: items.rows, total: total.rows[0].total, limit: 50, offset: 0 };
}

// ---- actions (libs/promises actions.service.ts) ----------------------------------------------------

const SELECT_ACTION_WITH_HISTORY = SELECT_ACTIONS.replace('$2::date', '$1::date').replace(
  ' FROM actions a',
  `, a.collaboration_id AS "collaborationId",
         coalesce((SELECT json_agg(json_build_object(
             'occurredAt', to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
             'actor', CASE WHEN eu.id IS NULL THEN NULL ELSE json_build_object('id', eu.id, 'displayName', eu.display_name) END,
             'kind', e.kind, 'fromStatus', e.from_status, 'toStatus', e.to_status, 'progress', e.progress, 'reason', e.reason, 'note', e.note,
             'changedFields', e.changed_fields) ORDER BY e.occurred_at, e.id)
           FROM action_events e LEFT JOIN users eu ON eu.id = e.actor_user_id WHERE e.action_id = a.id), '[]') AS history
  FROM actions a`,
);

// ---- youth cases (libs/youth youth-cases.service.ts, youth-case-access.ts) -------------------------

const SELECT_CASE_LIST = `SELECT c.id, c.form, c.status, to_char(c.review_on, 'YYYY-MM-DD') AS "reviewOn",
  c.owner_organisation_id AS "ownerOrganisationId", o.name AS "ownerOrganisationName", c.coordinator_user_id AS "coordinatorUserId",
  CASE WHEN c.status = 'concern_raised' THEN to_char(coalesce(
      (SELECT d.due_on FROM deadlines d WHERE d.kind = 'youth_preliminary_assessment' AND d.resource_type = 'youth_case' AND d.resource_id = c.id),
      -- a report received before its deadline was registered (#17): 14 days from receipt
      (c.created_at AT TIME ZONE 'Europe/Stockholm')::date + 14), 'YYYY-MM-DD') END AS "assessmentDueOn",
  u.display_name AS "coordinatorName", c.created_at AS "openedAt", c.updated_at AS "updatedAt", c.version,
  s.id AS subject_id, s.owner_organisation_id AS subject_owner, s.key_id, s.pin_sealed, s.name_sealed,
  to_char(s.birth_date, 'YYYY-MM-DD') AS birth_date, s.coordination_number
  FROM youth_cases c JOIN organisations o ON o.id = c.owner_organisation_id
  LEFT JOIN youth_subjects s ON s.id = c.subject_id LEFT JOIN users u ON u.id = c.coordinator_user_id`;

const SELECT_CASE_VIEW = SELECT_CASE.replace(
  ' FROM youth_cases c',
  `, o.name AS organisation, un.name AS unit, u.display_name AS coordinator, c.duplicate_reason,
  s.owner_organisation_id AS subject_owner, s.key_id, s.pin_sealed, s.name_sealed, to_char(s.birth_date, 'YYYY-MM-DD') AS birth_date, s.coordination_number,
  coalesce((SELECT json_agg(json_build_object('userId', p.user_id, 'displayName', pu.display_name, 'organisation', po.name, 'role', p.role)
      ORDER BY p.role, pu.display_name)
    FROM youth_case_participants p JOIN users pu ON pu.id = p.user_id JOIN organisations po ON po.id = pu.organisation_id WHERE p.case_id = c.id), '[]') AS participants
  FROM youth_cases c JOIN organisations o ON o.id = c.owner_organisation_id JOIN units un ON un.id = c.owner_unit_id
  LEFT JOIN users u ON u.id = c.coordinator_user_id LEFT JOIN youth_subjects s ON s.id = c.subject_id`,
);

// ---- notifications (libs/notifications notifications.service.ts; the link: libs/access recordLinkSql) ----

/**
 * recordLinkSql's pages (libs/access record-pages.ts RECORD_PAGES), in its order: the page, its path,
 * the permission its GET checks, and whether the chef (a manager) holds it by role (collaboration scope).
 */
const LINK_PAGES = [
  ['user', '/admin/users/', 'user', 'read', false],
  ['youth_case', '/youth-cases/', 'youth_case', 'read', false],
  ['premises', '/inspections/premises/', 'premises', 'read', true],
  ['licence_holder', '/inspections/licences/holders/', 'premises', 'read', true],
  ['inspection', '/inspections/', 'inspection', 'read', true],
  ['sanction_case', '/inspections/sanctions/', 'premises', 'read', true],
  ['action', '/promise/actions/', 'promise', 'read', true],
  ['follow_up', '/promise/follow-ups/', 'promise', 'read', true],
  ['operation', '/operations/', 'operation', 'read', false],
  ['premises_tip', '/inspections/tips/', 'premises', 'manage', false],
  ['licensing_referral', '/inspections/referrals/', 'premises', 'manage', false],
];
/** The record targets of recordLinkSql (libs/access record-pages.ts RECORD_TARGETS), in its order. */
const LINK_TARGETS = `SELECT 'action'::text AS page, x.id AS target_id, cm.promise_id AS grant_id,
        x.collaboration_id AS collaboration, NULL::uuid AS organisation,
        NULL::uuid AS unit, NULL::uuid AS owner
      FROM actions x JOIN commitments cm ON cm.id = x.commitment_id WHERE n.resource_type = 'action' AND x.id = n.resource_id UNION ALL SELECT 'follow_up'::text AS page, x.id AS target_id, p.id AS grant_id,
        p.collaboration_id AS collaboration, NULL::uuid AS organisation,
        NULL::uuid AS unit, NULL::uuid AS owner
      FROM follow_ups x JOIN promises p ON p.id = x.promise_id WHERE n.resource_type = 'follow_up' AND x.id = n.resource_id UNION ALL SELECT 'inspection'::text AS page, x.id AS target_id, x.id AS grant_id,
        x.collaboration_id AS collaboration, x.owner_organisation_id AS organisation,
        NULL::uuid AS unit, NULL::uuid AS owner
      FROM inspections x WHERE n.resource_type = 'inspection' AND x.id = n.resource_id UNION ALL SELECT 'sanction_case'::text AS page, x.id AS target_id, l.premises_id AS grant_id,
        x.collaboration_id AS collaboration, x.owner_organisation_id AS organisation,
        NULL::uuid AS unit, NULL::uuid AS owner
      FROM sanction_cases x JOIN licences l ON l.id = x.licence_id WHERE n.resource_type = 'sanction_case' AND x.id = n.resource_id UNION ALL SELECT 'premises'::text AS page, p.id AS target_id, p.id AS grant_id,
        p.collaboration_id AS collaboration, p.owner_organisation_id AS organisation,
        NULL::uuid AS unit, NULL::uuid AS owner
      FROM premises p WHERE n.resource_type = 'premises' AND p.id = n.resource_id UNION ALL SELECT 'premises'::text AS page, p.id AS target_id, p.id AS grant_id,
        p.collaboration_id AS collaboration, p.owner_organisation_id AS organisation,
        NULL::uuid AS unit, NULL::uuid AS owner
      FROM restaurant_reports x JOIN licences l ON l.id = x.licence_id JOIN premises p ON p.id = l.premises_id WHERE n.resource_type = 'restaurant_report' AND x.id = n.resource_id UNION ALL SELECT 'licensing_referral'::text AS page, x.id AS target_id, x.id AS grant_id,
        NULL::uuid AS collaboration, x.owner_organisation_id AS organisation,
        NULL::uuid AS unit, NULL::uuid AS owner
      FROM licensing_referrals x WHERE n.resource_type = 'licensing_referral' AND x.id = n.resource_id UNION ALL SELECT 'premises_tip'::text AS page, x.id AS target_id, p.id AS grant_id,
        p.collaboration_id AS collaboration, p.owner_organisation_id AS organisation,
        NULL::uuid AS unit, NULL::uuid AS owner
      FROM premises_tips x JOIN premises p ON p.id = x.premises_id WHERE n.resource_type = 'premises_tip' AND x.id = n.resource_id UNION ALL SELECT 'youth_case'::text AS page, c.id AS target_id, c.id AS grant_id,
        NULL::uuid AS collaboration, c.owner_organisation_id AS organisation,
        c.owner_unit_id AS unit, c.coordinator_user_id AS owner
      FROM youth_cases c WHERE n.resource_type = 'youth_case' AND c.id = n.resource_id AND c.status <> 'purged' UNION ALL SELECT 'youth_case'::text AS page, c.id AS target_id, c.id AS grant_id,
        NULL::uuid AS collaboration, c.owner_organisation_id AS organisation,
        c.owner_unit_id AS unit, c.coordinator_user_id AS owner
      FROM youth_consents x JOIN youth_cases c ON c.id = x.case_id WHERE n.resource_type = 'youth_consent' AND x.id = n.resource_id AND c.status <> 'purged' UNION ALL SELECT 'youth_case'::text AS page, c.id AS target_id, c.id AS grant_id,
        NULL::uuid AS collaboration, c.owner_organisation_id AS organisation,
        c.owner_unit_id AS unit, c.coordinator_user_id AS owner
      FROM youth_meetings x JOIN youth_cases c ON c.id = x.case_id WHERE n.resource_type = 'youth_meeting' AND x.id = n.resource_id AND c.status <> 'purged' UNION ALL SELECT 'youth_case'::text AS page, c.id AS target_id, c.id AS grant_id,
        NULL::uuid AS collaboration, c.owner_organisation_id AS organisation,
        c.owner_unit_id AS unit, c.coordinator_user_id AS owner
      FROM youth_plan_items x JOIN youth_cases c ON c.id = x.case_id WHERE n.resource_type = 'youth_plan_item' AND x.id = n.resource_id AND c.status <> 'purged' UNION ALL SELECT 'operation'::text AS page, x.id AS target_id, x.id AS grant_id,
        x.collaboration_id AS collaboration, x.owner_organisation_id AS organisation,
        x.owner_unit_id AS unit, x.proposed_by AS owner
      FROM operations x WHERE n.resource_type = 'operation' AND x.id = n.resource_id UNION ALL SELECT 'user'::text AS page, x.id AS target_id, x.id AS grant_id,
        NULL::uuid AS collaboration, x.organisation_id AS organisation,
        NULL::uuid AS unit, x.id AS owner
      FROM users x WHERE n.resource_type = 'user' AND x.id = n.resource_id`;

/**
 * The notifications list of the chef (a manager: premises, inspections and promises by collaboration,
 * the rest only by grant), as recordLinkSql writes it: each page's role scope, then its grant and
 * deny lookups with six parameters of their own. Starts binding at $2 (after the page's user).
 */
function chefNotifications(chef) {
  const params = [chef.userId];
  const bind = (value) => `$${params.push(value)}`;
  const now = new Date();
  const cases = LINK_PAGES.map(([page, path, type, action, held]) => {
    const byRole = held ? `t.collaboration = ${bind(chef.collaborations[0])}` : 'FALSE';
    const [t, a, n, u, units, orgs] = [type, action, now, chef.userId, chef.units, chef.orgs].map(bind);
    const granted = (effect) => `t.grant_id = ANY(ARRAY(SELECT g.resource_id FROM record_grants g
      WHERE g.resource_type = ${t} AND g.effect = '${effect}'
        AND ${a} = ANY(g.actions) AND g.revoked_at IS NULL
        AND g.valid_from <= ${n} AND (g.valid_until IS NULL OR g.valid_until > ${n})
        AND ((g.grantee_type = 'user' AND g.grantee_id = ${u})
      OR (g.grantee_type = 'unit' AND g.grantee_id = ANY(${units}))
      OR (g.grantee_type = 'organisation' AND g.grantee_id = ANY(${orgs})))))`;
    return `WHEN t.page = '${page}' AND ((${byRole}) OR ${granted('grant')}) AND NOT ${granted('deny')} THEN '${path}' || t.target_id::text`;
  });
  const sql = `WITH page AS (SELECT n.id AS "id", n.created_at AS "sort0" FROM "notifications" "n" WHERE n.user_id = $1 ORDER BY n.created_at DESC, n.id DESC LIMIT 50 OFFSET 0) SELECT n.id, n.kind, n.title, n.body, n.resource_type AS "resourceType", n.resource_id AS "resourceId",
  n.created_at AS "createdAt", n.read_at AS "readAt", (SELECT CASE ${cases.join(' ')} END FROM (${LINK_TARGETS}) t LIMIT 1) AS link FROM notifications n JOIN page ON page.id = n.id ORDER BY page.sort0 DESC, n.id DESC`;
  return { sql, params };
}

/** Each entry: a Samverkan request and the same data SQL issued by a plain anchor. */
export const endpoints = [
  {
    // ActionsService.list: the page (ids by due date, then full rows) and the count, concurrently.
    name: 'GET /api/v1/actions?limit=50 (chef)',
    user: 'chef@hammaro.test',
    path: () => '/api/v1/actions?limit=50',
    anchor: (pool, { chef }) =>
      page(
        pool,
        `WITH page AS (SELECT a.id AS "id", a.due_date AS "sort0" FROM "actions" "a" WHERE (a.collaboration_id = $1) ORDER BY a.due_date ASC, a.id ASC LIMIT 50 OFFSET 0) ${SELECT_ACTIONS} JOIN page ON page.id = a.id ORDER BY page.sort0 ASC, a.id ASC`,
        [chef.collaborations[0], today()],
        `SELECT count(*)::int AS "total" FROM "actions" "a" WHERE (a.collaboration_id = $1)`,
        [chef.collaborations[0]],
      ),
  },
  {
    // ActionsService.get: the action with its history in one statement, then PromiseAccess.readable (the grant lookup).
    name: 'GET /api/v1/actions/{id} (chef)',
    user: 'chef@hammaro.test',
    path: (ctx) => `/api/v1/actions/${ctx.actionId}`,
    anchor: async (pool, { chef, actionId }) => {
      const { rows } = await pool.query(`${SELECT_ACTION_WITH_HISTORY} WHERE a.id = $2`, [today(), actionId]);
      const { collaborationId: _collaborationId, ...action } = rows[0];
      await activeGrants(pool, chef, 'promise', action.promiseId);
      return action;
    },
  },
  {
    // InspectionsService.list: organisation scope or a grant, newest first.
    name: 'GET /api/v1/inspections?limit=50 (alkohol)',
    user: 'alkohol@hammaro.test',
    path: () => '/api/v1/inspections?limit=50',
    anchor: (pool, { alkohol }) => {
      const params = [alkohol.organisationId, ...grantParams(alkohol, 'inspection')];
      const where = SCOPED('i.owner_organisation_id = $1', 'i.id');
      return page(
        pool,
        `WITH page AS (SELECT i.id AS "id", i.planned_start AS "sort0" FROM "inspections" "i" WHERE ${where} ORDER BY i.planned_start DESC, i.id ASC LIMIT 50 OFFSET 0) ${SELECT_INSPECTIONS} JOIN page ON page.id = i.id ORDER BY page.sort0 DESC, i.id ASC`,
        params,
        `SELECT count(*)::int AS "total" FROM "inspections" "i" WHERE ${where}`,
        params,
      );
    },
  },
  {
    // InspectionsService.get: the inspection, then AccessService.authorize (the grant lookup).
    name: 'GET /api/v1/inspections/{id} (alkohol)',
    user: 'alkohol@hammaro.test',
    path: (ctx) => `/api/v1/inspections/${ctx.inspectionId}`,
    anchor: async (pool, { alkohol, inspectionId }) => {
      const { rows } = await pool.query(`${SELECT_INSPECTIONS} WHERE i.id = $1`, [inspectionId]);
      await activeGrants(pool, alkohol, 'inspection', inspectionId);
      return rows[0];
    },
  },
  {
    // PremisesService.list (registerPage): organisation scope or a grant, by name.
    name: 'GET /api/v1/premises?limit=50 (alkohol)',
    user: 'alkohol@hammaro.test',
    path: () => '/api/v1/premises?limit=50',
    anchor: (pool, { alkohol }) => {
      const params = [alkohol.organisationId, ...grantParams(alkohol, 'premises')];
      const where = SCOPED('p.owner_organisation_id = $1', 'p.id');
      return page(
        pool,
        `WITH page AS (SELECT p.id AS "id", p.name AS "sort0" FROM "premises" "p" WHERE ${where} ORDER BY p.name ASC, p.id ASC LIMIT 50 OFFSET 0) ${SELECT_PREMISES} JOIN page ON page.id = p.id ORDER BY page.sort0 ASC, p.id ASC`,
        params,
        `SELECT count(*)::int AS "total" FROM "premises" "p" WHERE ${where}`,
        params,
      );
    },
  },
  {
    // PremisesService.get: the premises (registerRow), then AccessService.authorize (the grant lookup).
    name: 'GET /api/v1/premises/{id} (alkohol)',
    user: 'alkohol@hammaro.test',
    path: (ctx) => `/api/v1/premises/${ctx.premisesId}`,
    anchor: async (pool, { alkohol, premisesId }) => {
      const { rows } = await pool.query(`${SELECT_PREMISES} WHERE p.id = $1`, [premisesId]);
      await activeGrants(pool, alkohol, 'premises', premisesId);
      return rows[0];
    },
  },
  {
    // YouthCasesService.list: unit scope or a grant, not purged, most recently changed first (the api
    // also decrypts each row's name and number and appends the listing's audit event).
    name: 'GET /api/v1/youth-cases?limit=50 (socialsekreterare)',
    user: 'socialsekreterare@hammaro.test',
    path: () => '/api/v1/youth-cases?limit=50',
    anchor: (pool, { social }) => {
      const params = [social.units[0], ...grantParams(social, 'youth_case')];
      const where = `${SCOPED('c.owner_unit_id = $1', 'c.id')} AND c.status <> 'purged'`;
      return page(
        pool,
        `WITH page AS (SELECT c.id AS "id", c.updated_at AS "sort0" FROM "youth_cases" "c" WHERE ${where} ORDER BY c.updated_at DESC, c.id ASC LIMIT 50 OFFSET 0) ${SELECT_CASE_LIST} JOIN page ON page.id = c.id ORDER BY page.sort0 DESC, c.id ASC`,
        params,
        `SELECT count(*)::int AS "total" FROM "youth_cases" "c" WHERE ${where}`,
        params,
      );
    },
  },
  {
    // YouthCasesService.view: the case, its names, its sealed subject (decrypted by the api) and its
    // participants in one statement, then YouthCaseAccess.accessTo (the grant lookup).
    name: 'GET /api/v1/youth-cases/{id} (socialsekreterare)',
    user: 'socialsekreterare@hammaro.test',
    path: (ctx) => `/api/v1/youth-cases/${ctx.caseId}`,
    anchor: async (pool, { social, caseId }) => {
      const { rows } = await pool.query(`${SELECT_CASE_VIEW} WHERE c.id = $1`, [caseId]);
      await activeGrants(pool, social, 'youth_case', caseId);
      return rows[0];
    },
  },
  {
    // NotificationsService.list: the user's inbox, newest first, each row with its link (recordLinkSql).
    name: 'GET /api/v1/notifications?limit=50 (chef)',
    user: 'chef@hammaro.test',
    path: () => '/api/v1/notifications?limit=50',
    anchor: (pool, { chef }) => {
      const { sql, params } = chefNotifications(chef);
      return page(pool, sql, params, `SELECT count(*)::int AS "total" FROM "notifications" "n" WHERE n.user_id = $1`, [chef.userId]);
    },
  },
  {
    // NotificationsService.unreadCount: the badge every screen shows.
    name: 'GET /api/v1/notifications/unread-count (chef)',
    user: 'chef@hammaro.test',
    path: () => '/api/v1/notifications/unread-count',
    anchor: async (pool, { chef }) => {
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [chef.userId]);
      return { unread: rows[0].n };
    },
  },
  {
    // AuditService.list (ofOrganisations): an auditor's organisation as actor or subject, newest
    // first, as a union of ordered index scans; the count as "actor" plus "subject and not actor"
    // (the api then appends the audit.read event).
    name: 'GET /api/v1/audit-events?limit=50 (revisor)',
    user: 'revisor@hammaro.test',
    path: () => '/api/v1/audit-events?limit=50',
    anchor: (pool, { revisor }) => {
      const org = revisor.organisationId;
      const branch = (column, select, tail) => `(SELECT ${select} FROM audit_events e WHERE e.${column} = $X::uuid${tail})`;
      const branches = (n, select, tail = '') =>
        [branch('actor_organisation_id', select, tail), branch('subject_organisation_id', select, tail)].join(' UNION ').replaceAll('$X', `$${n}`);
      return page(
        pool,
        `WITH page AS (SELECT id, occurred_at AS sort0 FROM (${branches(4, 'e.id, e.occurred_at', ' ORDER BY e.occurred_at DESC, e.id DESC LIMIT $1')}) scoped ORDER BY occurred_at DESC, id DESC LIMIT $2 OFFSET $3)
         ${SELECT_EVENTS} JOIN page ON page.id = e.id ORDER BY page.sort0 DESC, e.id DESC`,
        [50, 50, 0, org, false, [org]],
        `SELECT ((SELECT count(*) FROM audit_events e WHERE e.actor_organisation_id = ANY($1::uuid[]))
      + (SELECT count(*) FROM audit_events e WHERE e.subject_organisation_id = ANY($1::uuid[])
           AND (e.actor_organisation_id IS NULL OR NOT e.actor_organisation_id = ANY($1::uuid[]))))::int AS total`,
        [[org]],
      );
    },
  },
];

/**
 * Who answers for a deadline — one definition for reminders and the morning digest:
 * the responsible person; else everyone in the responsible unit; else the supervisors
 * (SUPERVISOR_ROLES) of the responsible organisation. Only active users with a current membership.
 *
 * `deadlines` is SQL selecting the deadline rows considered (`SELECT * FROM deadlines WHERE …`);
 * `now` and `supervisorRoles` are the placeholders of the clock's now and the supervisor roles.
 * The result has the columns `deadline_id` and `user_id`.
 */
export function answerersSql(deadlines: string, now: string, supervisorRoles: string): string {
  return `
  WITH d AS (${deadlines}),
  member AS (
    SELECT DISTINCT m.user_id, un.organisation_id, m.unit_id, m.role
    FROM memberships m JOIN units un ON un.id = m.unit_id JOIN users u ON u.id = m.user_id AND u.is_active
    WHERE m.valid_from <= ${now} AND (m.valid_until IS NULL OR m.valid_until > ${now}))
  SELECT d.id AS deadline_id, u.id AS user_id FROM d JOIN users u ON u.id = d.responsible_user_id AND u.is_active
  UNION
  SELECT d.id, member.user_id FROM d JOIN member ON d.responsible_user_id IS NULL AND member.unit_id = d.responsible_unit_id
  UNION
  SELECT d.id, member.user_id FROM d JOIN member ON d.responsible_user_id IS NULL AND d.responsible_unit_id IS NULL
    AND member.organisation_id = d.responsible_organisation_id AND member.role = ANY(${supervisorRoles}::text[])`;
}

/** Supervisors of the responsible unit; if it has none, those of the responsible organisation: who an overdue deadline escalates to. */
export function supervisorsSql(deadlines: string, now: string, supervisorRoles: string): string {
  return `
  WITH d AS (${deadlines}),
  supervisor AS (
    SELECT DISTINCT m.user_id, m.unit_id, un.organisation_id
    FROM memberships m JOIN units un ON un.id = m.unit_id JOIN users u ON u.id = m.user_id AND u.is_active
    WHERE m.role = ANY(${supervisorRoles}::text[]) AND m.valid_from <= ${now} AND (m.valid_until IS NULL OR m.valid_until > ${now})),
  in_unit AS (SELECT d.id AS deadline_id, s.user_id FROM supervisor s JOIN d ON s.unit_id = d.responsible_unit_id)
  SELECT deadline_id, user_id FROM in_unit
  UNION
  SELECT d.id, s.user_id FROM supervisor s JOIN d ON s.organisation_id = d.responsible_organisation_id
  WHERE NOT EXISTS (SELECT 1 FROM in_unit WHERE in_unit.deadline_id = d.id)`;
}

// The pairs `npm run bench` measures: each Samverkan request beside a plain Fastify + `pg` route
// issuing the same data SQL (issue #19: authenticated lists at ≥ 0.5× their anchor).
// A minimal stub with one entry, the actions list; helper "sql" owns this file and extends it.

/** Prepares per-run context (ids to use) from the bench database. */
export async function prepare(pool) {
  const { rows } = await pool.query(`
    SELECT u.id AS "userId", array_agg(DISTINCT c.id) AS "collaborationIds"
    FROM users u JOIN collaborations c ON u.organisation_id IN (c.police_organisation_id, c.municipality_organisation_id)
    WHERE u.email = 'chef@hammaro.test' GROUP BY u.id`);
  return { chef: rows[0] };
}

/** Each entry: a Samverkan request and the same data SQL issued by a plain anchor. */
export const endpoints = [
  {
    name: 'GET /api/v1/actions?limit=50 (chef)',
    user: 'chef@hammaro.test',
    path: () => '/api/v1/actions?limit=50',
    anchor: async (pool, ctx) => {
      const scope = ctx.chef.collaborationIds;
      const [items, count] = await Promise.all([
        pool.query(
          `SELECT a.id, a.commitment_id AS "commitmentId", c.promise_id AS "promiseId", c.problem_area_id AS "problemAreaId",
                  c.party, a.title, a.description,
                  json_build_object('id', o.id, 'name', o.name) AS "responsibleOrganisation",
                  CASE WHEN un.id IS NULL THEN NULL ELSE json_build_object('id', un.id, 'name', un.name) END AS "responsibleUnit",
                  CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'displayName', u.display_name) END AS "responsibleUser",
                  to_char(a.start_date, 'YYYY-MM-DD') AS "startDate", to_char(a.due_date, 'YYYY-MM-DD') AS "dueDate",
                  a.status, a.status_reason AS "statusReason", a.progress, a.weight::float8 AS weight, a.completed_at AS "completedAt",
                  (a.status NOT IN ('done', 'cancelled') AND a.due_date < current_date) AS overdue, a.version
           FROM actions a
           JOIN commitments c ON c.id = a.commitment_id
           JOIN organisations o ON o.id = a.responsible_organisation_id
           LEFT JOIN units un ON un.id = a.responsible_unit_id
           LEFT JOIN users u ON u.id = a.responsible_user_id
           WHERE a.collaboration_id = ANY($1::uuid[])
           ORDER BY a.due_date, a.id LIMIT 50`,
          [scope],
        ),
        pool.query(`SELECT count(*)::int AS total FROM actions a WHERE a.collaboration_id = ANY($1::uuid[])`, [scope]),
      ]);
      return { items: items.rows, total: count.rows[0].total, limit: 50, offset: 0 };
    },
  },
];

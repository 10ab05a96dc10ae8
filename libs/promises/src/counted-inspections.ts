/**
 * Which inspections count, in one place — for the supervision plan ("performed"), the promise's
 * commitment on inspections (dashboard, follow-ups, report, public page) and the statistics:
 * an inspection counts once it was performed (performed_at is set: performed, and every later step —
 * report sent, response received, escalated, closed). An attempted visit (nobody there) and a
 * cancelled one never count. An inspection counts on the date of its planned start in Stockholm,
 * so in the plan of that year.
 *
 * Rows: id, collaboration_id, premises_id, type, counted_on (date). Filter it, never re-derive it.
 */
export const COUNTED_INSPECTIONS_SQL = `
  SELECT i.id, i.collaboration_id, i.premises_id, i.type, (i.planned_start AT TIME ZONE 'Europe/Stockholm')::date AS counted_on
  FROM inspections i WHERE i.performed_at IS NOT NULL`;

/** The activity kind whose commitment is measured by the counted inspections rather than by activities. */
export const INSPECTION_ACTIVITY_KIND = 'licensed_premises_inspection';

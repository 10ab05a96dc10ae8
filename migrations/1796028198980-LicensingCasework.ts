import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #17, licensing casework.
 *
 * (a) Tips about premises are read, acknowledged and booked from: `premises_tips` gains who
 * acknowledged it and when, and `origin` (a tip recorded with a police referral from an operation is
 * `referral`: the referral is acknowledged on its own list, which acknowledges its tip too).
 * Existing referral tips are marked; tips already behind an acknowledged referral are acknowledged.
 *
 * (b) An inspection booked from a tip (or the referral that recorded it) names it: `inspections.tip_id`.
 *
 * (c) Two inspections of the same premises at overlapping times are refused, race-safely, like the
 * inspector clash: an exclusion constraint over the planned time of every inspection not cancelled.
 *
 * (d) The hearing of a sanction case (kommunicering, FL 25 §) has a response deadline and the
 * holder's answer: `response_due_on`, `response_received_on`, `response`. Cases already heard get the
 * default 14 days from the hearing as their deadline.
 */
export class LicensingCasework1796028198980 implements MigrationInterface {
  name = 'LicensingCasework1796028198980';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE premises_tips
        ADD COLUMN origin text NOT NULL DEFAULT 'direct' CHECK (origin IN ('direct', 'referral')),
        ADD COLUMN acknowledged_by uuid REFERENCES users (id),
        ADD COLUMN acknowledged_at timestamptz,
        ADD COLUMN acknowledgement text`);
    await q.query(`
      UPDATE premises_tips t SET origin = 'referral', acknowledged_by = r.acknowledged_by, acknowledged_at = r.acknowledged_at,
        acknowledgement = r.acknowledgement
      FROM licensing_referrals r WHERE r.tip_id = t.id`);
    // The licensing officers' list: their premises' direct tips, unacknowledged first, newest first.
    await q.query(`CREATE INDEX premises_tips_open_idx ON premises_tips (origin, (acknowledged_at IS NOT NULL), created_at DESC)`);
    await q.query(`CREATE INDEX licensing_referrals_open_idx ON licensing_referrals (owner_organisation_id, (acknowledged_at IS NOT NULL), sent_at DESC)`);
    await q.query(`CREATE INDEX licensing_referrals_tip_idx ON licensing_referrals (tip_id)`);

    await q.query(`ALTER TABLE inspections ADD COLUMN tip_id uuid REFERENCES premises_tips (id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX inspections_tip_idx ON inspections (tip_id) WHERE tip_id IS NOT NULL`);
    await q.query(`
      ALTER TABLE inspections ADD CONSTRAINT inspections_no_premises_clash
        EXCLUDE USING gist (premises_id WITH =, tstzrange(planned_start, planned_end) WITH &&) WHERE (status <> 'cancelled')`);

    await q.query(`
      ALTER TABLE sanction_cases
        ADD COLUMN response_due_on date,
        ADD COLUMN response_received_on date,
        ADD COLUMN response text,
        ADD CONSTRAINT sanction_cases_response_after_hearing CHECK (
          (response_due_on IS NULL OR (heard_on IS NOT NULL AND response_due_on >= heard_on))
          AND (response_received_on IS NULL OR (heard_on IS NOT NULL AND response_received_on >= heard_on AND response IS NOT NULL)))`);
    await q.query(`UPDATE sanction_cases SET response_due_on = heard_on + 14 WHERE heard_on IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE sanction_cases DROP CONSTRAINT sanction_cases_response_after_hearing,
        DROP COLUMN response, DROP COLUMN response_received_on, DROP COLUMN response_due_on`);
    await q.query(`ALTER TABLE inspections DROP CONSTRAINT inspections_no_premises_clash`);
    await q.query(`DROP INDEX inspections_tip_idx`);
    await q.query(`ALTER TABLE inspections DROP COLUMN tip_id`);
    await q.query(`DROP INDEX licensing_referrals_tip_idx`);
    await q.query(`DROP INDEX licensing_referrals_open_idx`);
    await q.query(`DROP INDEX premises_tips_open_idx`);
    await q.query(`ALTER TABLE premises_tips DROP COLUMN acknowledgement, DROP COLUMN acknowledged_at, DROP COLUMN acknowledged_by, DROP COLUMN origin`);
  }
}

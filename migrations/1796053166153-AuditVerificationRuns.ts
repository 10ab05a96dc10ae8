import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #19: verifying the audit chain in one statement took 220 s at 5 million events, past the
 * api's 30 s statement timeout. The worker now verifies it in pages, and this table holds each run
 * and its checkpoint (the last verified event and its hash), written after every page: a stopped
 * run resumes there, an incremental run starts where the last completed run ended, and the api
 * answers with what is stored. At most one unfinished run per kind (the partial unique index), so a
 * second request for a full check while one waits or runs is refused instead of queued twice.
 */
export class AuditVerificationRuns1796053166153 implements MigrationInterface {
  name = 'AuditVerificationRuns1796053166153';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_verification_runs (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind            text NOT NULL CHECK (kind IN ('full', 'incremental')),
        status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed')),
        requested_by    uuid,
        requested_at    timestamptz NOT NULL,
        started_at      timestamptz,
        checkpoint_at   timestamptz,
        finished_at     timestamptz,
        from_event_id   bigint NOT NULL DEFAULT 0,
        from_hash       text NOT NULL DEFAULT '',
        base_events     bigint NOT NULL DEFAULT 0,
        until_event_id  bigint,
        total_events    bigint,
        last_event_id   bigint NOT NULL DEFAULT 0,
        last_hash       text NOT NULL DEFAULT '',
        checked_events  bigint NOT NULL DEFAULT 0,
        valid           boolean,
        broken_event_id bigint,
        break_kind      text CHECK (break_kind IN ('contents', 'link', 'anchor')),
        reason          text,
        anchors         jsonb,
        CHECK ((status = 'completed') = (finished_at IS NOT NULL AND valid IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX audit_verification_runs_unfinished_idx ON audit_verification_runs (kind) WHERE status <> 'completed'`);
    await q.query(`CREATE INDEX audit_verification_runs_completed_idx ON audit_verification_runs (finished_at DESC) WHERE status = 'completed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_verification_runs`);
  }
}

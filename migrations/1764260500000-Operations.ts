import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Police operations against drug and alcohol sales. The operation, its intelligence (sealed with
 * FieldCipher), participants (per-record grants) and outcome stay inside the police; only the
 * released summary (period, area in general terms, counts) reaches the collaboration, and a
 * referral carries what was observed at licensed premises to the municipality's licensing officers.
 */
export class Operations1764260500000 implements MigrationInterface {
  name = 'Operations1764260500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE operations (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collaboration_id      uuid NOT NULL REFERENCES collaborations (id),
        owner_organisation_id uuid NOT NULL REFERENCES organisations (id),
        owner_unit_id         uuid NOT NULL REFERENCES units (id),
        title                 text NOT NULL,
        area                  text NOT NULL,
        places                jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(places) = 'array'),
        premises_ids          uuid[] NOT NULL DEFAULT '{}',
        commitment_id         uuid REFERENCES commitments (id),
        planned_start         timestamptz NOT NULL,
        planned_end           timestamptz NOT NULL,
        -- The intelligence basis (text and reference), sealed: commanders only.
        intelligence_sealed   bytea NOT NULL,
        intelligence_key_id   text NOT NULL,
        status                text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'decided', 'executing', 'completed',
                                'outcome_reported', 'cancelled')),
        status_reason         text,
        decided_by            uuid REFERENCES users (id),
        decided_at            timestamptz,
        decision_conditions   text,
        proposed_by           uuid NOT NULL REFERENCES users (id),
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        version               integer NOT NULL DEFAULT 1,
        CONSTRAINT operations_window_check CHECK (planned_end > planned_start),
        CONSTRAINT operations_cancel_reason CHECK (status <> 'cancelled' OR status_reason IS NOT NULL),
        CONSTRAINT operations_decision_check CHECK (status IN ('proposed', 'cancelled') OR decided_by IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX operations_organisation_idx ON operations (owner_organisation_id, planned_start DESC)`);
    await q.query(`CREATE INDEX operations_unit_idx ON operations (owner_unit_id)`);
    await q.query(`CREATE INDEX operations_proposer_idx ON operations (proposed_by)`);
    await q.query(`CREATE TRIGGER operations_updated_at BEFORE UPDATE ON operations FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
    await q.query(`
      CREATE TABLE operation_participants (
        operation_id uuid NOT NULL REFERENCES operations (id) ON DELETE CASCADE,
        grantee_type text NOT NULL CHECK (grantee_type IN ('user', 'unit')),
        grantee_id   uuid NOT NULL,
        grant_id     uuid NOT NULL,
        PRIMARY KEY (operation_id, grantee_type, grantee_id)
      )`);
    await q.query(`
      CREATE TABLE operation_outcomes (
        operation_id    uuid PRIMARY KEY REFERENCES operations (id) ON DELETE CASCADE,
        seizures        jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(seizures) = 'array'),
        arrests         integer NOT NULL DEFAULT 0 CHECK (arrests >= 0),
        reports_filed   integer NOT NULL DEFAULT 0 CHECK (reports_filed >= 0),
        persons_checked integer NOT NULL DEFAULT 0 CHECK (persons_checked >= 0),
        places_checked  integer NOT NULL DEFAULT 0 CHECK (places_checked >= 0),
        notes           text NOT NULL DEFAULT '',
        reported_by     uuid NOT NULL REFERENCES users (id),
        reported_at     timestamptz NOT NULL,
        version         integer NOT NULL DEFAULT 1
      )`);
    await q.query(`
      CREATE TABLE operation_summaries (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id     uuid NOT NULL UNIQUE REFERENCES operations (id),
        collaboration_id uuid NOT NULL REFERENCES collaborations (id),
        period_start     date NOT NULL,
        period_end       date NOT NULL,
        area             text NOT NULL,
        counts           jsonb NOT NULL,
        activity_id      uuid REFERENCES activities (id) ON DELETE SET NULL,
        released_by      uuid NOT NULL REFERENCES users (id),
        released_at      timestamptz NOT NULL,
        CONSTRAINT operation_summaries_period_check CHECK (period_end >= period_start)
      )`);
    await q.query(`CREATE INDEX operation_summaries_collaboration_idx ON operation_summaries (collaboration_id, period_start DESC)`);
    await q.query(`
      CREATE TABLE licensing_referrals (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Internal link for the police's own follow-up; never shown to licensing.
        operation_id          uuid NOT NULL REFERENCES operations (id),
        premises_id           uuid NOT NULL REFERENCES premises (id),
        owner_organisation_id uuid NOT NULL REFERENCES organisations (id),
        from_organisation_id  uuid NOT NULL REFERENCES organisations (id),
        observed_on           date NOT NULL,
        observation           text NOT NULL CHECK (length(trim(observation)) > 0),
        tip_id                uuid REFERENCES premises_tips (id) ON DELETE SET NULL,
        sent_by               uuid NOT NULL REFERENCES users (id),
        sent_at               timestamptz NOT NULL,
        acknowledged_by       uuid REFERENCES users (id),
        acknowledged_at       timestamptz,
        acknowledgement       text
      )`);
    await q.query(`CREATE INDEX licensing_referrals_owner_idx ON licensing_referrals (owner_organisation_id, sent_at DESC)`);
    await q.query(`CREATE INDEX licensing_referrals_operation_idx ON licensing_referrals (operation_id)`);
    await q.query(`
      INSERT INTO reminder_rules (deadline_kind, key, anchor, offset_value, offset_unit, recipient) VALUES
        ('licensing_referral', 'at-due', 'at', 0, 'days', 'responsible'),
        ('licensing_referral', 'escalate-3wd', 'after', 3, 'working_days', 'manager')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM reminder_rules WHERE deadline_kind = 'licensing_referral'`);
    for (const table of ['licensing_referrals', 'operation_summaries', 'operation_outcomes', 'operation_participants', 'operations']) await q.query(`DROP TABLE ${table}`);
  }
}

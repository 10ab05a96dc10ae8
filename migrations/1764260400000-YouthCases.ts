import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Youth cases shared between social services and police (OSL, SoL, GDPR art. 10). The subject's
 * personal number and name are stored only encrypted (AES-256-GCM, key id per row) with a keyed
 * hash for exact look-up. Consents, disclosures and grants decide who outside the owning
 * organisation sees what; retention purges a closed case to a tombstone without personal data.
 */
export class YouthCases1764260400000 implements MigrationInterface {
  name = 'YouthCases1764260400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE youth_subjects (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_organisation_id uuid NOT NULL REFERENCES organisations (id),
        key_id                text NOT NULL,
        pin_sealed            bytea NOT NULL,
        name_sealed           bytea NOT NULL,
        -- HMAC-SHA256 of the canonical number: exact look-up without the number itself.
        pin_lookup            text NOT NULL,
        birth_date            date NOT NULL,
        coordination_number   boolean NOT NULL DEFAULT false,
        created_by            uuid REFERENCES users (id),
        created_at            timestamptz NOT NULL DEFAULT now(),
        version               integer NOT NULL DEFAULT 1,
        CONSTRAINT youth_subjects_lookup_key UNIQUE (owner_organisation_id, pin_lookup)
      )`);
    await q.query(`
      CREATE TABLE youth_cases (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_id            uuid REFERENCES youth_subjects (id),
        form                  text NOT NULL CHECK (form IN ('sspf', 'sig', 'report_of_concern', 'other')),
        collaboration_id      uuid NOT NULL REFERENCES collaborations (id),
        owner_organisation_id uuid NOT NULL REFERENCES organisations (id),
        owner_unit_id         uuid NOT NULL REFERENCES units (id),
        coordinator_user_id   uuid REFERENCES users (id),
        status                text NOT NULL DEFAULT 'concern_raised' CHECK (status IN ('concern_raised', 'assessment',
                                'awaiting_consent', 'mapping', 'plan_active', 'follow_up', 'closed', 'purged')),
        risk_factors          text[] NOT NULL DEFAULT '{}',
        review_on             date,
        retention_class       text NOT NULL,
        last_entry_at         timestamptz NOT NULL DEFAULT now(),
        closed_on             date,
        purge_on              date,
        purged_at             timestamptz,
        -- What remains after purging: counts and dates, no personal data.
        tombstone             jsonb,
        created_by            uuid REFERENCES users (id),
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        version               integer NOT NULL DEFAULT 1,
        CONSTRAINT youth_cases_subject_check CHECK ((status = 'purged') = (subject_id IS NULL))
      )`);
    await q.query(`CREATE INDEX youth_cases_unit_idx ON youth_cases (owner_unit_id, status)`);
    await q.query(`CREATE INDEX youth_cases_organisation_idx ON youth_cases (owner_organisation_id, status)`);
    await q.query(`CREATE INDEX youth_cases_subject_idx ON youth_cases (subject_id)`);
    await q.query(`CREATE INDEX youth_cases_coordinator_idx ON youth_cases (coordinator_user_id)`);
    await q.query(`CREATE INDEX youth_cases_purge_idx ON youth_cases (purge_on) WHERE status = 'closed'`);
    await q.query(`CREATE TRIGGER youth_cases_updated_at BEFORE UPDATE ON youth_cases FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
    await q.query(`
      CREATE TABLE youth_case_participants (
        case_id         uuid NOT NULL REFERENCES youth_cases (id) ON DELETE CASCADE,
        user_id         uuid NOT NULL REFERENCES users (id),
        role            text NOT NULL CHECK (role IN ('coordinator', 'contact')),
        added_by        uuid REFERENCES users (id),
        added_at        timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, user_id)
      )`);
    await q.query(`CREATE INDEX youth_case_participants_user_idx ON youth_case_participants (user_id)`);
    await q.query(`
      CREATE TABLE youth_consents (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id            uuid NOT NULL REFERENCES youth_cases (id) ON DELETE CASCADE,
        signers            jsonb NOT NULL CHECK (jsonb_typeof(signers) = 'array'),
        organisation_ids   uuid[] NOT NULL,
        categories         text[] NOT NULL,
        signed_on          date NOT NULL,
        valid_from         date NOT NULL,
        valid_until        date NOT NULL,
        withdrawn_at       timestamptz,
        withdrawn_by       uuid REFERENCES users (id),
        withdrawal_reason  text,
        -- Set when the participants were told the consent ran out (the worker does it once).
        expiry_notified_at timestamptz,
        -- The per-record grants this consent gives (one per organisation), revoked on withdrawal.
        grant_ids          uuid[] NOT NULL DEFAULT '{}',
        recorded_by        uuid NOT NULL REFERENCES users (id),
        created_at         timestamptz NOT NULL DEFAULT now(),
        version            integer NOT NULL DEFAULT 1,
        -- GDPR art. 10: consent never covers criminal-offence data.
        CONSTRAINT youth_consents_no_offences CHECK (NOT ('offences' = ANY (categories))),
        CONSTRAINT youth_consents_period_check CHECK (valid_until > valid_from)
      )`);
    await q.query(`CREATE INDEX youth_consents_case_idx ON youth_consents (case_id)`);
    await q.query(`CREATE INDEX youth_consents_expiry_idx ON youth_consents (valid_until) WHERE withdrawn_at IS NULL AND expiry_notified_at IS NULL`);
    await q.query(`
      CREATE TABLE youth_disclosures (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id              uuid NOT NULL REFERENCES youth_cases (id) ON DELETE CASCADE,
        ground               text NOT NULL CHECK (ground IN ('consent', 'osl_10_18a', 'sol_14_1_report_of_concern')),
        from_organisation_id uuid NOT NULL REFERENCES organisations (id),
        to_organisation_id   uuid NOT NULL REFERENCES organisations (id),
        categories           text[] NOT NULL CHECK (cardinality(categories) > 0),
        justification        text NOT NULL CHECK (length(trim(justification)) > 0),
        criteria             jsonb,
        consent_id           uuid REFERENCES youth_consents (id) ON DELETE SET NULL,
        access_until         timestamptz,
        grant_id             uuid,
        decided_by           uuid NOT NULL REFERENCES users (id),
        decided_at           timestamptz NOT NULL,
        CONSTRAINT youth_disclosures_consent_no_offences CHECK (ground <> 'consent' OR NOT ('offences' = ANY (categories)))
      )`);
    await q.query(`CREATE INDEX youth_disclosures_case_idx ON youth_disclosures (case_id, decided_at DESC)`);
    await q.query(`CREATE INDEX youth_disclosures_recipient_idx ON youth_disclosures (to_organisation_id, access_until)`);
    await q.query(`
      CREATE TABLE youth_entries (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id     uuid NOT NULL REFERENCES youth_cases (id) ON DELETE CASCADE,
        kind        text NOT NULL CHECK (kind IN ('journal', 'meeting_minutes')),
        category    text NOT NULL,
        visibility  text NOT NULL CHECK (visibility IN ('owner', 'shared')),
        occurred_on date NOT NULL,
        body        text NOT NULL,
        author_id   uuid REFERENCES users (id),
        created_at  timestamptz NOT NULL DEFAULT now(),
        version     integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX youth_entries_case_idx ON youth_entries (case_id, occurred_on DESC, created_at DESC)`);
    await q.query(`
      CREATE TABLE youth_plan_items (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id           uuid NOT NULL REFERENCES youth_cases (id) ON DELETE CASCADE,
        goal              text NOT NULL,
        task              text NOT NULL,
        owner_user_id     uuid REFERENCES users (id),
        owner_description text NOT NULL DEFAULT '',
        due_on            date NOT NULL,
        status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
        created_by        uuid REFERENCES users (id),
        created_at        timestamptz NOT NULL DEFAULT now(),
        version           integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX youth_plan_items_case_idx ON youth_plan_items (case_id, due_on)`);
    await q.query(`
      CREATE TABLE youth_meetings (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id          uuid NOT NULL REFERENCES youth_cases (id) ON DELETE CASCADE,
        kind             text NOT NULL CHECK (kind IN ('network', 'follow_up')),
        planned_at       timestamptz NOT NULL,
        attendees        text NOT NULL DEFAULT '',
        held_on          date,
        minutes_entry_id uuid REFERENCES youth_entries (id) ON DELETE SET NULL,
        created_by       uuid REFERENCES users (id),
        created_at       timestamptz NOT NULL DEFAULT now(),
        version          integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX youth_meetings_case_idx ON youth_meetings (case_id, planned_at)`);
    // Default reminders for the deadlines of youth cases (editable at /api/v1/reminder-rules).
    await q.query(`
      INSERT INTO reminder_rules (deadline_kind, key, anchor, offset_value, offset_unit, recipient) VALUES
        ('youth_plan_item', 'before-3d', 'before', 3, 'days', 'responsible'),
        ('youth_plan_item', 'at-due', 'at', 0, 'days', 'responsible'),
        ('youth_plan_item', 'escalate-2wd', 'after', 2, 'working_days', 'manager'),
        ('youth_case_review', 'before-7d', 'before', 7, 'days', 'responsible'),
        ('youth_case_review', 'escalate-5wd', 'after', 5, 'working_days', 'manager'),
        ('youth_meeting', 'before-1d', 'before', 1, 'days', 'responsible'),
        ('youth_consent_expiry', 'before-14d', 'before', 14, 'days', 'responsible')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM reminder_rules WHERE deadline_kind LIKE 'youth_%'`);
    for (const table of ['youth_meetings', 'youth_plan_items', 'youth_entries', 'youth_disclosures', 'youth_consents', 'youth_case_participants', 'youth_cases', 'youth_subjects']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}

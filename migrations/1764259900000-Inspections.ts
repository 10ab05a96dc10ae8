import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inspections of licensed premises (tillsyn): who inspects when (an inspector cannot be booked
 * twice at overlapping times — enforced by an exclusion constraint), the status path from planned
 * to closed, versioned checklist templates and the findings per item, and re-inspection links.
 * Commitments learn which activity kind other modules report under them.
 */
export class Inspections1764259900000 implements MigrationInterface {
  name = 'Inspections1764259900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`ALTER TABLE commitments ADD COLUMN activity_kind text`);
    await q.query(`
      CREATE TABLE checklist_templates (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_organisation_id uuid NOT NULL REFERENCES organisations (id),
        name                  text NOT NULL,
        version               integer NOT NULL,
        items                 jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array'),
        created_at            timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT checklist_templates_version_key UNIQUE (owner_organisation_id, name, version)
      )`);
    await q.query(`
      CREATE TABLE inspections (
        id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        premises_id            uuid NOT NULL REFERENCES premises (id),
        licence_id             uuid REFERENCES licences (id),
        collaboration_id       uuid NOT NULL REFERENCES collaborations (id),
        owner_organisation_id  uuid NOT NULL REFERENCES organisations (id),
        type                   text NOT NULL CHECK (type IN ('external', 'internal', 'coordinated', 'preventive')),
        planned_start          timestamptz NOT NULL,
        planned_end            timestamptz NOT NULL,
        status                 text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'performed', 'attempted',
                                 'report_sent', 'response_received', 'closed', 'escalated', 'cancelled')),
        status_reason          text,
        performed_at           timestamptz,
        -- Set when nobody was there: the visit was tried, but does not count as performed.
        attempted_at           timestamptz,
        report_sent_at         timestamptz,
        response_received_at   timestamptz,
        previous_inspection_id uuid REFERENCES inspections (id),
        checklist_template_id  uuid REFERENCES checklist_templates (id),
        created_by             uuid REFERENCES users (id),
        created_at             timestamptz NOT NULL DEFAULT now(),
        updated_at             timestamptz NOT NULL DEFAULT now(),
        version                integer NOT NULL DEFAULT 1,
        CONSTRAINT inspections_time_check CHECK (planned_end > planned_start),
        CONSTRAINT inspections_reason_check CHECK (status <> 'cancelled' OR status_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX inspections_collaboration_idx ON inspections (collaboration_id, planned_start DESC)`);
    await q.query(`CREATE INDEX inspections_premises_idx ON inspections (premises_id, planned_start DESC)`);
    await q.query(`CREATE INDEX inspections_status_idx ON inspections (status, planned_start)`);
    await q.query(`CREATE INDEX inspections_previous_idx ON inspections (previous_inspection_id)`);
    await q.query(`
      CREATE TABLE inspection_inspectors (
        inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
        user_id       uuid NOT NULL REFERENCES users (id),
        during        tstzrange NOT NULL,
        -- Only bookings of inspections still planned block the inspector's calendar.
        active        boolean NOT NULL DEFAULT true,
        PRIMARY KEY (inspection_id, user_id),
        CONSTRAINT inspection_inspectors_no_double_booking EXCLUDE USING gist (user_id WITH =, during WITH &&) WHERE (active)
      )`);
    await q.query(`CREATE INDEX inspection_inspectors_user_idx ON inspection_inspectors (user_id)`);
    await q.query(`
      CREATE TABLE inspection_findings (
        inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
        item_key      text NOT NULL,
        result        text NOT NULL CHECK (result IN ('ok', 'remark', 'not_applicable', 'not_checked')),
        note          text NOT NULL DEFAULT '',
        PRIMARY KEY (inspection_id, item_key)
      )`);
    await q.query(`CREATE TRIGGER inspections_updated_at BEFORE UPDATE ON inspections FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['inspection_findings', 'inspection_inspectors', 'inspections', 'checklist_templates']) await q.query(`DROP TABLE ${table}`);
    await q.query(`ALTER TABLE commitments DROP COLUMN activity_kind`);
    await q.query(`DROP EXTENSION IF EXISTS btree_gist`);
  }
}

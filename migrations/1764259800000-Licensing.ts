import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Licensed premises under Alkohollagen (2010:1622): licence holders, premises (serveringsställen),
 * serving licences (serveringstillstånd) and their serving managers (serveringsansvariga).
 * Records are owned by the municipality that grants the licences and belong to a collaboration.
 */
export class Licensing1764259800000 implements MigrationInterface {
  name = 'Licensing1764259800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE licence_holders (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_organisation_id uuid NOT NULL REFERENCES organisations (id),
        name                  text NOT NULL,
        org_number            text NOT NULL CHECK (org_number ~ '^\\d{6}-\\d{4}$'),
        contact_name          text NOT NULL DEFAULT '',
        contact_email         text NOT NULL DEFAULT '',
        contact_phone         text NOT NULL DEFAULT '',
        address               text NOT NULL DEFAULT '',
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        version               integer NOT NULL DEFAULT 1,
        CONSTRAINT licence_holders_org_number_key UNIQUE (owner_organisation_id, org_number)
      )`);
    await q.query(`CREATE INDEX licence_holders_name_idx ON licence_holders (owner_organisation_id, name)`);
    await q.query(`
      CREATE TABLE premises (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collaboration_id      uuid NOT NULL REFERENCES collaborations (id),
        owner_organisation_id uuid NOT NULL REFERENCES organisations (id),
        name                  text NOT NULL,
        kind                  text NOT NULL CHECK (kind IN ('restaurant', 'bar', 'nightclub', 'hotel', 'event_venue',
                                'pub', 'cafe', 'sports_venue', 'other')),
        address               text NOT NULL,
        postal_code           text NOT NULL DEFAULT '',
        city                  text NOT NULL DEFAULT '',
        latitude              numeric CHECK (latitude BETWEEN -90 AND 90),
        longitude             numeric CHECK (longitude BETWEEN -180 AND 180),
        capacity              integer CHECK (capacity > 0),
        has_own_kitchen       boolean NOT NULL DEFAULT false,
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        version               integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX premises_collaboration_idx ON premises (collaboration_id, name)`);
    await q.query(`CREATE INDEX premises_owner_idx ON premises (owner_organisation_id, name)`);
    await q.query(`
      CREATE TABLE licences (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        holder_id             uuid NOT NULL REFERENCES licence_holders (id),
        premises_id           uuid NOT NULL REFERENCES premises (id),
        collaboration_id      uuid NOT NULL REFERENCES collaborations (id),
        owner_organisation_id uuid NOT NULL REFERENCES organisations (id),
        type                  text NOT NULL CHECK (type IN ('permanent', 'temporary', 'catering', 'shared_serving_area')),
        audience              text NOT NULL CHECK (audience IN ('public', 'private')),
        drink_categories      text[] NOT NULL CHECK (cardinality(drink_categories) > 0
                                AND drink_categories <@ ARRAY['spirits', 'wine', 'strong_beer', 'other_fermented']),
        -- {"mon": {"from": "11:00", "to": "01:00"}, …}; a time past midnight belongs to the evening before.
        serving_hours         jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(serving_hours) = 'object'),
        serving_areas         jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(serving_areas) = 'array'),
        conditions            text NOT NULL DEFAULT '',
        valid_from            date NOT NULL,
        valid_until           date,
        status                text NOT NULL DEFAULT 'active'
                              CHECK (status IN ('active', 'suspended', 'revoked', 'surrendered', 'expired')),
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        version               integer NOT NULL DEFAULT 1,
        CONSTRAINT licences_period_check CHECK (valid_until IS NULL OR valid_until >= valid_from)
      )`);
    await q.query(`CREATE INDEX licences_premises_idx ON licences (premises_id)`);
    await q.query(`CREATE INDEX licences_holder_idx ON licences (holder_id)`);
    await q.query(`CREATE INDEX licences_collaboration_status_idx ON licences (collaboration_id, status)`);
    await q.query(`CREATE INDEX licences_owner_idx ON licences (owner_organisation_id, status)`);
    await q.query(`
      CREATE TABLE serving_managers (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        licence_id  uuid NOT NULL REFERENCES licences (id) ON DELETE CASCADE,
        name        text NOT NULL,
        birth_date  date NOT NULL,
        notified_on date NOT NULL,
        -- AL 8 kap 14 §: a serving manager is at least 20 years old.
        CONSTRAINT serving_managers_age_check CHECK (birth_date <= notified_on - interval '20 years')
      )`);
    await q.query(`CREATE INDEX serving_managers_licence_idx ON serving_managers (licence_id)`);
    for (const table of ['licence_holders', 'premises', 'licences']) {
      await q.query(`CREATE TRIGGER ${table}_updated_at BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['serving_managers', 'licences', 'premises', 'licence_holders']) await q.query(`DROP TABLE ${table}`);
  }
}

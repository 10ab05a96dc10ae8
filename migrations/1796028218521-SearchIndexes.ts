import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #17, search in the header. The search box finds records by part of a name or title,
 * whatever the case and accents ("cafe" finds "Kafé Bryggan" only by its letters, "lovnas" finds
 * "Lövnäs"): `search_fold(text)` lowers and strips accents (unaccent with its dictionary named, so
 * the function is immutable and can be indexed), and a trigram index on the folded text backs
 * `search_fold(column) LIKE search_fold('%…%')` on each table the search reads. Organisation
 * numbers are matched exactly (licence holders, and premises through their holders' licences)
 * through licence_holders_org_number_idx (migration LicenceDecisions).
 * Youth cases are found by the number shown for them (UÄ- and the first hex digits of the id),
 * a range of the primary key, so they need no index of their own.
 */
export class SearchIndexes1796028218521 implements MigrationInterface {
  name = 'SearchIndexes1796028218521';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public`);
    await q.query(`
      CREATE FUNCTION search_fold(value text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$`);
    await q.query(`CREATE INDEX premises_name_search_idx ON premises USING gin (search_fold(name) gin_trgm_ops)`);
    await q.query(`CREATE INDEX licence_holders_name_search_idx ON licence_holders USING gin (search_fold(name) gin_trgm_ops)`);
    await q.query(`CREATE INDEX actions_title_search_idx ON actions USING gin (search_fold(title) gin_trgm_ops)`);
    await q.query(`CREATE INDEX commitments_text_search_idx ON commitments USING gin (search_fold(text) gin_trgm_ops)`);
    await q.query(`CREATE INDEX operations_title_search_idx ON operations USING gin (search_fold(title) gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of [
      'operations_title_search_idx',
      'commitments_text_search_idx',
      'actions_title_search_idx',
      'licence_holders_name_search_idx',
      'premises_name_search_idx',
    ])
      await q.query(`DROP INDEX ${index}`);
    await q.query(`DROP FUNCTION search_fold(text)`);
    await q.query(`DROP EXTENSION IF EXISTS unaccent`);
  }
}

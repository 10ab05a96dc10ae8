import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #20, the map: a released operation summary may name one of the collaboration's places as
 * its general area (only the commander who releases it sets it; the map draws a wide circle around
 * the place, never the operation's own positions, which are not stored at all).
 *
 * The map asks for what lies inside a box (south-west to north-east). Positions stay plain
 * latitude/longitude; a GiST index on the point expression `point(longitude, latitude)` serves
 * `<@ box(...)` in both dimensions at once, where a B-tree on (latitude, longitude) narrows by
 * latitude alone and reads every longitude of that band (EXPLAIN in apps/api/test/map.e2e-spec.ts).
 * No PostGIS: the built-in point and box types suffice for a box at this scale.
 */
export class MapPositions1796065191021 implements MigrationInterface {
  name = 'MapPositions1796065191021';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE operation_summaries ADD COLUMN place_id uuid REFERENCES places (id)`);
    await q.query(`CREATE INDEX operation_summaries_place_idx ON operation_summaries (place_id) WHERE place_id IS NOT NULL`);
    for (const table of ['premises', 'places', 'findings']) {
      await q.query(
        `CREATE INDEX ${table}_position_idx ON ${table} USING gist (point(longitude::float8, latitude::float8)) WHERE latitude IS NOT NULL`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['premises', 'places', 'findings']) await q.query(`DROP INDEX ${table}_position_idx`);
    await q.query(`ALTER TABLE operation_summaries DROP COLUMN place_id`);
  }
}

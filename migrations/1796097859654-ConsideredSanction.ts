import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sanction a case considers (erinran, varning or återkallelse), which the hearing letter tells
 * the holder (kommunicering, FL 25 §). Null: the case names none yet, and the letter gives the
 * ladder of AL 9 kap. 17–18 §§.
 */
export class ConsideredSanction1796097859654 implements MigrationInterface {
  name = 'ConsideredSanction1796097859654';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE sanction_cases ADD COLUMN considered_sanction text CHECK (considered_sanction IN ('erinran', 'varning', 'aterkallelse'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sanction_cases DROP COLUMN considered_sanction`);
  }
}

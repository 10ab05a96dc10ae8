import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #20: the next promise is started from the current one. It records what it follows (one
 * successor per promise), and each open action carried over links both ways: the new action to the
 * one it continues, the old action to where it continues (then final in its own promise, so the
 * earlier period's figures stay what they were). Partial indexes serve the foreign keys' checks
 * when an action is deleted, without indexing the many actions that carry nothing.
 */
export class PromiseSuccession1796064114134 implements MigrationInterface {
  name = 'PromiseSuccession1796064114134';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE promises ADD COLUMN predecessor_id uuid UNIQUE REFERENCES promises (id) ON DELETE SET NULL`);
    await q.query(`
      ALTER TABLE actions
        ADD COLUMN carried_from_id uuid REFERENCES actions (id) ON DELETE SET NULL,
        ADD COLUMN carried_to_id uuid REFERENCES actions (id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX actions_carried_from_idx ON actions (carried_from_id) WHERE carried_from_id IS NOT NULL`);
    await q.query(`CREATE INDEX actions_carried_to_idx ON actions (carried_to_id) WHERE carried_to_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE actions DROP COLUMN carried_from_id, DROP COLUMN carried_to_id`);
    await q.query(`ALTER TABLE promises DROP COLUMN predecessor_id`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #19: the lists at national scale (1 M actions, 50 000 inspections, 5 M audit events). Each
 * index serves a list's scope and its sort, ending in the id that breaks ties, so a page is read in
 * index order and stops after the page, and a count over the scope is an index-only scan:
 * - actions of one collaboration by due date (GET /actions; the scope is the collaboration);
 * - inspections of the owning municipality, newest first (a licensing officer's organisation scope;
 *   with the per-record grants a BitmapOr with the primary key);
 * - audit events of an organisation, as actor and as subject, newest first (an auditor's scope);
 *   each carries the other organisation column, so "actor, or subject and not actor" is counted
 *   from the indexes alone; they replace the two indexes without the id;
 * - a user's notifications, newest first; replaces the one without the id.
 */
export class ListIndexesAtScale1796043481500 implements MigrationInterface {
  name = 'ListIndexesAtScale1796043481500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX actions_collaboration_due_idx ON actions (collaboration_id, due_date, id)`);
    await q.query(`CREATE INDEX inspections_owner_planned_idx ON inspections (owner_organisation_id, planned_start DESC, id)`);
    await q.query(`DROP INDEX audit_events_actor_org_idx`);
    await q.query(`CREATE INDEX audit_events_actor_org_idx ON audit_events (actor_organisation_id, occurred_at DESC, id DESC) INCLUDE (subject_organisation_id)`);
    await q.query(`DROP INDEX audit_events_subject_org_idx`);
    await q.query(`CREATE INDEX audit_events_subject_org_idx ON audit_events (subject_organisation_id, occurred_at DESC, id DESC) INCLUDE (actor_organisation_id)`);
    await q.query(`DROP INDEX notifications_user_idx`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_user_idx`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
    await q.query(`DROP INDEX audit_events_subject_org_idx`);
    await q.query(`CREATE INDEX audit_events_subject_org_idx ON audit_events (subject_organisation_id, occurred_at DESC)`);
    await q.query(`DROP INDEX audit_events_actor_org_idx`);
    await q.query(`CREATE INDEX audit_events_actor_org_idx ON audit_events (actor_organisation_id, occurred_at DESC)`);
    await q.query(`DROP INDEX inspections_owner_planned_idx`);
    await q.query(`DROP INDEX actions_collaboration_due_idx`);
  }
}

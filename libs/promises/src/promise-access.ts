import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type OwnershipColumns, type Principal, type RecordOwnership } from '@samverkan/access';
import type { DataSource } from 'typeorm';
import type { Party } from './vocabulary.js';

/** Where a promise keeps its ownership, for scopeCondition. */
export const PROMISE_COLUMNS: OwnershipColumns = { id: 'p.id', collaborationId: 'p.collaboration_id' };
export interface CommitmentFacts {
  id: string;
  promiseId: string;
  collaborationId: string;
  party: Party;
  promiseStatus: string;
}

/**
 * Loads the ownership facts of promise records and asks AccessService: outside the caller's
 * collaborations a record does not exist (404); inside, a forbidden change is a 403.
 * The permission resource for all of them is `promise` (read/manage/report) and `promise_action`.
 */
@Injectable()
export class PromiseAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async promise(principal: Principal, id: string): Promise<{ id: string; collaborationId: string; status: string; version: number }> {
    const [row] = await this.dataSource.query(`SELECT id, collaboration_id AS "collaborationId", status, version FROM promises WHERE id = $1`, [id]);
    if (!row) throw new NotFoundException(`No promise with id ${id}.`);
    await this.access.authorize(principal, 'promise', 'read', { id: row.id, collaborationId: row.collaborationId });
    return row;
  }

  async commitment(principal: Principal, id: string, promiseId?: string): Promise<CommitmentFacts> {
    const [row] = await this.dataSource.query(
      `SELECT c.id, c.promise_id AS "promiseId", p.collaboration_id AS "collaborationId", c.party, p.status AS "promiseStatus"
       FROM commitments c JOIN promises p ON p.id = c.promise_id WHERE c.id = $1`,
      [id],
    );
    if (!row || (promiseId && row.promiseId !== promiseId)) throw new NotFoundException(`No commitment with id ${id}.`);
    await this.access.authorize(principal, 'promise', 'read', { id: row.promiseId, collaborationId: row.collaborationId });
    return row;
  }

  /**
   * Reading an action needs promise:read in its collaboration; changing it, promise_action:update on
   * it; handing it to another responsible person (`'reassign'`), that or promise_action:reassign
   * (a manager who answers for the organisation's work, #17).
   */
  async action(principal: Principal, id: string, change: boolean | 'reassign'): Promise<ActionOwnership> {
    const [row] = await this.dataSource.query(
      `SELECT a.id, a.collaboration_id AS "collaborationId", a.responsible_organisation_id AS "organisationId",
              a.responsible_unit_id AS "unitId", a.responsible_user_id AS "ownerUserId", c.party, a.version,
              a.status, c.promise_id AS "promiseId"
       FROM actions a JOIN commitments c ON c.id = a.commitment_id WHERE a.id = $1`,
      [id],
    );
    if (!row) throw new NotFoundException(`No action with id ${id}.`);
    await this.readable(principal, row);
    if (change === 'reassign' && !(await this.access.can(principal, 'promise_action:update', row))) {
      await this.access.assertAllowed(principal, 'promise_action:reassign', row);
    } else if (change) await this.access.assertAllowed(principal, 'promise_action:update', row);
    return row;
  }

  /** Reading an action is reading its promise, in the action's collaboration; 404 otherwise. */
  async readable(principal: Principal, action: { promiseId: string; collaborationId: string }): Promise<void> {
    await this.access.authorize(principal, 'promise', 'read', { id: action.promiseId, collaborationId: action.collaborationId });
  }

  async activity(principal: Principal, id: string, change: boolean): Promise<ActivityOwnership> {
    const [row] = await this.dataSource.query(
      `SELECT ac.id, ac.collaboration_id AS "collaborationId", ac.owner_organisation_id AS "organisationId",
              ac.owner_unit_id AS "unitId", ac.created_by AS "ownerUserId", c.party, ac.version, c.promise_id AS "promiseId"
       FROM activities ac JOIN commitments c ON c.id = ac.commitment_id WHERE ac.id = $1`,
      [id],
    );
    if (!row) throw new NotFoundException(`No activity with id ${id}.`);
    await this.access.authorize(principal, 'promise', 'read', { id: row.promiseId, collaborationId: row.collaborationId });
    if (change) await this.access.assertAllowed(principal, 'promise_action:update', row);
    return row;
  }
}

export interface ActionOwnership extends RecordOwnership {
  id: string;
  collaborationId: string;
  party: Party;
  version: number;
  status: string;
  promiseId: string;
}

export interface ActivityOwnership extends RecordOwnership {
  id: string;
  collaborationId: string;
  party: Party;
  version: number;
  promiseId: string;
}

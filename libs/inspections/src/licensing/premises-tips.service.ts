import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { Clock } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { TipSource } from './licence-rules.js';
import type { PremisesTipView } from './licensing.dto.js';
import { PremisesService } from './premises.service.js';

/** A tip or complaint about premises: when it came in, from whom, what it says. */
export interface PremisesTipInput {
  receivedOn: string;
  source: TipSource;
  summary: string;
}

/**
 * Tips and complaints about premises (from the public, the police, the municipality), which raise
 * the premises' risk score in the next supervision plan. Licensing owns premises_tips: a tip from
 * another lib (a police referral) is recorded here, in that lib's transaction.
 */
@Injectable()
export class PremisesTipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly premises: PremisesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A tip from someone who may read the premises (404 for anyone else). */
  async add(principal: Principal, premisesId: string, input: PremisesTipInput): Promise<PremisesTipView> {
    await this.premises.get(principal, premisesId);
    return this.dataSource.transaction((manager) => this.record(manager, principal, premisesId, input));
  }

  /**
   * Records a tip in the caller's transaction and audits it. The caller has established that the
   * principal may tell licensing about these premises.
   */
  async record(manager: EntityManager, principal: Pick<Principal, 'userId'>, premisesId: string, input: PremisesTipInput): Promise<PremisesTipView> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO premises_tips (premises_id, received_on, source, summary, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [premisesId, input.receivedOn, input.source, input.summary.trim(), principal.userId],
    );
    await this.audit.record(
      { action: 'premises.tip', resourceType: 'premises', resourceId: premisesId, details: { tipId: row.id, source: input.source } },
      manager,
    );
    return { id: row.id, recordedAt: this.clock.now().toISOString() };
  }
}

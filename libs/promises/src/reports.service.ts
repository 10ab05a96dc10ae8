import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { Clock, invalidField, stockholmDate } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { FiguresService } from './figures.service.js';
import { FollowUpsService, suggest, windowOf } from './follow-ups.service.js';
import { PromiseAccess } from './promise-access.js';
import type { FollowUpReportView, FollowUpView } from './follow-ups.views.js';

/** The year's report: the approved follow-up when there is one, otherwise the live figures. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: PromiseAccess,
    private readonly followUps: FollowUpsService,
    private readonly figures: FiguresService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async followUpReport(principal: Principal, promiseId: string, year: number, format: string): Promise<FollowUpReportView> {
    await this.records.promise(principal, promiseId);
    const head = await this.head(promiseId);
    if (year < Number(head.periodStart.slice(0, 4)) || year > Number(head.periodEnd.slice(0, 4))) {
      throw invalidField('year', 'promise.year_outside_period', { periodStart: head.periodStart, periodEnd: head.periodEnd });
    }
    const followUp = await this.followUps.forYear(promiseId, year);
    // Reports go to the municipal board and beyond: exporting one is recorded.
    await this.audit.record({ action: 'promise.report_export', resourceType: 'promise', resourceId: promiseId, details: { year, format } });
    if (followUp) return this.fromFollowUp(head, followUp);
    const window = windowOf({ year, half: null, period_start: head.periodStart, period_end: head.periodEnd });
    const commitments = await this.figures.commitments(promiseId, window, stockholmDate(this.clock.now()));
    return {
      promise: head,
      year,
      window,
      basis: 'preliminary',
      conclusion: '',
      decision: null,
      approvals: [],
      progress: this.figures.promiseProgress(commitments),
      commitments: commitments.map((c) => ({ ...c, assessment: suggest(c), narrative: '' })),
      findings: await this.figures.findings(promiseId, window),
    };
  }

  /** The report of one follow-up (a year or a half-year), for the issued document; the caller has checked access. */
  async ofFollowUp(followUpId: string): Promise<FollowUpReportView> {
    const followUp = await this.followUps.view(followUpId);
    return this.fromFollowUp(await this.head(followUp.promiseId), followUp);
  }

  private async fromFollowUp(head: FollowUpReportView['promise'], followUp: FollowUpView): Promise<FollowUpReportView> {
    return {
      promise: head,
      year: followUp.year,
      window: followUp.window,
      basis: followUp.status === 'frozen' ? 'approved' : 'draft',
      conclusion: followUp.conclusion,
      decision: followUp.decision,
      approvals: followUp.approvals.map((a) => ({ side: a.side, name: a.user.displayName, approvedAt: a.approvedAt })),
      progress: followUp.progress,
      commitments: followUp.items,
      findings: await this.figures.findings(head.id, followUp.window),
    };
  }

  private async head(promiseId: string): Promise<FollowUpReportView['promise']> {
    const [promise] = await this.dataSource.query<{ id: string; title: string; collaboration: string; period_start: string; period_end: string }[]>(
      `SELECT p.id, p.title, co.name AS collaboration, to_char(p.period_start, 'YYYY-MM-DD') AS period_start,
              to_char(p.period_end, 'YYYY-MM-DD') AS period_end
       FROM promises p JOIN collaborations co ON co.id = p.collaboration_id WHERE p.id = $1`,
      [promiseId],
    );
    if (!promise) throw new NotFoundException(`No promise with id ${promiseId}.`);
    return { id: promise.id, title: promise.title, collaboration: promise.collaboration, periodStart: promise.period_start, periodEnd: promise.period_end };
  }
}

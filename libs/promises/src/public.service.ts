import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, type Page, type PageQuery, pageOf, stockholmDate } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { FiguresService } from './figures.service.js';
import { windowOf } from './follow-ups.service.js';
import { promiseEnded, shownPromiseStatus } from './promise-rules.js';
import type { PublicPartyView, PublicPromiseSummaryView, PublicPromiseView } from './follow-ups.views.js';
import {
  ASSESSMENT_LABELS,
  type Assessment,
  DECISION_LABELS,
  type Decision,
  PARTY_LABELS,
  PROMISE_STATUS_LABELS,
  type Party,
  type PromiseStatus,
} from './vocabulary.js';

/**
 * What the citizens see (Brå: feedback to citizens is the weakest part of the work): the published
 * promise, targets, actuals and completed actions as counts and titles. Built from its own
 * queries so that nothing personal or restricted can slip in — no people, units, places, notes,
 * and nothing that is not published.
 */
@Injectable()
export class PublicService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly figures: FiguresService,
    private readonly clock: Clock,
  ) {}

  /**
   * The public index (issue #20): every published promise, newest period first, with what a
   * citizen needs to pick one — title, period, status and the parties' names. Nothing else.
   */
  async list(query: PageQuery): Promise<Page<PublicPromiseSummaryView>> {
    const qb = this.dataSource.createQueryBuilder().from('promises', 'p').where('p.published');
    const page = await pageOf<Omit<PublicPromiseSummaryView, 'status'> & { status: PromiseStatus }>(
      this.dataSource,
      qb,
      {
        alias: 'p',
        orderBy: [['p.period_start', 'DESC']],
        idOrder: 'ASC',
        select: `SELECT p.id, p.title, co.name AS collaboration, to_char(p.period_start, 'YYYY-MM-DD') AS "periodStart",
                        to_char(p.period_end, 'YYYY-MM-DD') AS "periodEnd", p.status, ARRAY[mo.name, po.name] AS parties
                 FROM promises p JOIN collaborations co ON co.id = p.collaboration_id
                 JOIN organisations mo ON mo.id = co.municipality_organisation_id
                 JOIN organisations po ON po.id = co.police_organisation_id`,
      },
      query,
    );
    const today = stockholmDate(this.clock.now());
    return { ...page, items: page.items.map((p) => ({ ...p, status: PROMISE_STATUS_LABELS[shownPromiseStatus(p.status, p.periodEnd, today)] })) };
  }

  async promise(id: string): Promise<PublicPromiseView> {
    const [promise] = await this.dataSource.query<
      { title: string; summary: string; collaboration: string; period_start: string; period_end: string; status: PromiseStatus; parties: PublicPartyView[] }[]
    >(
      // The parties by name with the organisation's own contact (switchboard, e-mail, web), never a person's.
      `SELECT p.title, p.summary, co.name AS collaboration, to_char(p.period_start, 'YYYY-MM-DD') AS period_start,
              to_char(p.period_end, 'YYYY-MM-DD') AS period_end, p.status,
              json_build_array(
                json_build_object('party', $2::text, 'name', mo.name, 'phone', mo.contact_phone, 'email', mo.contact_email, 'url', mo.contact_url),
                json_build_object('party', $3::text, 'name', po.name, 'phone', po.contact_phone, 'email', po.contact_email, 'url', po.contact_url)
              ) AS parties
       FROM promises p JOIN collaborations co ON co.id = p.collaboration_id
       JOIN organisations mo ON mo.id = co.municipality_organisation_id
       JOIN organisations po ON po.id = co.police_organisation_id
       WHERE p.id = $1 AND p.published`,
      [id, PARTY_LABELS.municipality, PARTY_LABELS.police],
    );
    if (!promise) throw new NotFoundException(`No published promise with id ${id}.`);
    const today = stockholmDate(this.clock.now());
    const to = today < promise.period_end ? today : promise.period_end;
    // Like with like: a whole-period target against the outcome since the start, a yearly target
    // against the outcome of one year (this year, or the last year of an ended promise).
    const commitments = await this.figures.commitments(id, { from: promise.period_start, to }, today, { completedTitles: true });
    const year = Number(to.slice(0, 4));
    const yearWindow = windowOf({ year, half: null, period_start: promise.period_start, period_end: promise.period_end });
    const ofYear = new Map(
      (await this.figures.commitments(id, { from: yearWindow.from, to: to < yearWindow.to ? to : yearWindow.to }, today)).map((c) => [c.id, c]),
    );
    const ended = promiseEnded(promise.period_end, today);
    const areas = await this.dataSource.query<{ id: string; title: string; description: string }[]>(
      'SELECT id, title, description FROM problem_areas WHERE promise_id = $1 ORDER BY position',
      [id],
    );
    const followUps = await this.dataSource.query<
      { year: number; conclusion: string; decision: Decision | null; assessments: { commitment: string; assessment: Assessment }[] }[]
    >(
      `SELECT f.year, f.conclusion, f.decision,
              coalesce((SELECT json_agg(json_build_object('commitment', c.text, 'assessment', i.assessment) ORDER BY c.position)
                        FROM follow_up_items i JOIN commitments c ON c.id = i.commitment_id WHERE i.follow_up_id = f.id), '[]') AS assessments
       FROM follow_ups f WHERE f.promise_id = $1 AND f.status = 'frozen' AND f.half IS NULL ORDER BY f.year`,
      [id],
    );
    // Counted when asked, not frozen with a follow-up: what has been found and fixed under the promise
    // since it began, including what its rounds still find and fix after the period has ended.
    const findings = await this.figures.findings(id, { from: promise.period_start, to: today });
    return {
      title: promise.title,
      summary: promise.summary,
      collaboration: promise.collaboration,
      parties: promise.parties,
      periodStart: promise.period_start,
      periodEnd: promise.period_end,
      status: PROMISE_STATUS_LABELS[shownPromiseStatus(promise.status, promise.period_end, today)],
      ended,
      progress: roundOrNull(this.figures.promiseProgress(commitments)),
      problemAreas: areas.map((area) => ({
        title: area.title,
        description: area.description,
        commitments: commitments
          .filter((c) => c.problemArea.id === area.id)
          .map((c) => {
            const yearly = c.target?.period === 'year' ? (ofYear.get(c.id) ?? c) : null;
            return {
              party: PARTY_LABELS[c.party as Party],
              text: c.text,
              target: c.target && {
                value: c.target.value,
                unit: c.target.unit,
                per: c.target.period === 'year' ? ('år' as const) : ('löftesperioden' as const),
              },
              actual: yearly ? yearly.actual : c.actual,
              actualYear: yearly ? year : null,
              progress: roundOrNull(yearly ? yearly.progress : c.progress),
              completedActions: c.actions.done,
              completedActionTitles: c.actions.completedTitles,
              openActions: c.actions.open,
            };
          }),
      })),
      followUps: followUps.map((f) => ({
        year: f.year,
        conclusion: f.conclusion,
        decision: f.decision ? DECISION_LABELS[f.decision] : null,
        assessments: f.assessments.map((a) => ({ commitment: a.commitment, assessment: ASSESSMENT_LABELS[a.assessment] })),
      })),
      findings: findings.map((f) => ({ problemArea: f.problemAreaTitle, raised: f.raised, fixed: f.fixed })),
      updatedOn: today,
    };
  }
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}

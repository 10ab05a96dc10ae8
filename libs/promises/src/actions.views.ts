import { ApiProperty } from '@nestjs/swagger';
import { CommitmentFiguresView, PromiseOrganisationRef, PromiseUnitRef, PromiseUserRef, PromiseWindowView } from './promises.views.js';
import { ACTION_EVENT_KINDS, ACTION_STATUSES, type ActionEventKind, type ActionStatus, PARTIES, type Party } from './vocabulary.js';

/** What the action routes (and the dashboard) answer; the services return these types. */

/** An åtgärd: who does what by when, its status and progress. */
export class ActionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  commitmentId!: string;

  @ApiProperty({ format: 'uuid' })
  promiseId!: string;

  @ApiProperty({ format: 'uuid' })
  problemAreaId!: string;

  @ApiProperty({ enum: PARTIES, enumName: 'PromiseParty', description: 'The party of the action’s commitment' })
  party!: Party;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: () => PromiseOrganisationRef })
  responsibleOrganisation!: PromiseOrganisationRef;

  @ApiProperty({ type: () => PromiseUnitRef, nullable: true })
  responsibleUnit!: PromiseUnitRef | null;

  @ApiProperty({ type: () => PromiseUserRef, nullable: true })
  responsibleUser!: PromiseUserRef | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  startDate!: string | null;

  @ApiProperty({ type: String, format: 'date' })
  dueDate!: string;

  @ApiProperty({ enum: ACTION_STATUSES, enumName: 'ActionStatus' })
  status!: ActionStatus;

  @ApiProperty({ type: String, nullable: true, description: 'Why it is blocked, cancelled or reopened' })
  statusReason!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100 })
  progress!: number;

  @ApiProperty({ type: Number })
  weight!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: string | null;

  @ApiProperty({ description: 'Open and past its due date (Europe/Stockholm)' })
  overdue!: boolean;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The action of the previous promise this one continues' })
  carriedFromId!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The action of the next promise that continues this one; set, this action is final in its own promise',
  })
  carriedToId!: string | null;

  @ApiProperty({ type: 'integer', description: 'Send back as If-Match when changing the action' })
  version!: number;
}

/** One entry of an action's history. */
export class ActionEventView {
  @ApiProperty({ type: String, format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ type: () => PromiseUserRef, nullable: true })
  actor!: PromiseUserRef | null;

  @ApiProperty({ enum: ACTION_EVENT_KINDS, enumName: 'ActionEventKind' })
  kind!: ActionEventKind;

  @ApiProperty({ enum: ACTION_STATUSES, enumName: 'ActionStatus', nullable: true })
  fromStatus!: ActionStatus | null;

  @ApiProperty({ enum: ACTION_STATUSES, enumName: 'ActionStatus', nullable: true })
  toStatus!: ActionStatus | null;

  @ApiProperty({ type: 'integer', nullable: true })
  progress!: number | null;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;

  @ApiProperty({ type: [String], nullable: true })
  changedFields!: string[] | null;
}

/** One action with its history, oldest first. */
export class ActionWithHistoryView extends ActionView {
  @ApiProperty({ type: [ActionEventView] })
  history!: ActionEventView[];
}

/** The actions in each status. */
export class ActionStatusCountsView {
  @ApiProperty({ type: 'integer' })
  planned!: number;

  @ApiProperty({ type: 'integer' })
  in_progress!: number;

  @ApiProperty({ type: 'integer' })
  blocked!: number;

  @ApiProperty({ type: 'integer' })
  done!: number;

  @ApiProperty({ type: 'integer' })
  cancelled!: number;
}

/** A party's actions, counted. */
export class PartyActionCountsView {
  @ApiProperty({ enum: PARTIES, enumName: 'PromiseParty' })
  party!: Party;

  @ApiProperty({ type: 'integer' })
  total!: number;

  @ApiProperty({ type: 'integer' })
  done!: number;

  @ApiProperty({ type: 'integer' })
  overdue!: number;
}

/** A problem area's actions, counted. */
export class ProblemAreaActionCountsView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: 'integer' })
  total!: number;

  @ApiProperty({ type: 'integer' })
  done!: number;

  @ApiProperty({ type: 'integer' })
  overdue!: number;
}

/** The first actions of a kind (at most 50) and how many there are in all. */
export class ActionSampleView {
  @ApiProperty({ type: [ActionView] })
  items!: ActionView[];

  @ApiProperty({ type: 'integer' })
  total!: number;
}

/** One commitment's target against actual in one year. */
export class YearCommitmentFiguresView {
  @ApiProperty({ format: 'uuid', description: 'The commitment' })
  id!: string;

  @ApiProperty({ type: Number, nullable: true })
  target!: number | null;

  @ApiProperty({ type: Number })
  actual!: number;

  @ApiProperty({ type: Number, nullable: true })
  progress!: number | null;
}

/** A calendar year of the promise (within its period), as that year's follow-up counts it. */
export class YearFiguresView {
  @ApiProperty({ type: 'integer' })
  year!: number;

  @ApiProperty({ type: () => PromiseWindowView })
  window!: PromiseWindowView;

  @ApiProperty({ type: [YearCommitmentFiguresView] })
  commitments!: YearCommitmentFiguresView[];
}

/** Lägesbild: where the promise stands today. */
export class ActionDashboardView {
  @ApiProperty({ format: 'uuid' })
  promiseId!: string;

  @ApiProperty({ type: String, format: 'date', description: 'Today in Europe/Stockholm' })
  today!: string;

  @ApiProperty({ type: () => PromiseWindowView, description: 'From the promise’s start to today (or its end)' })
  window!: PromiseWindowView;

  @ApiProperty({ type: () => ActionStatusCountsView })
  byStatus!: ActionStatusCountsView;

  @ApiProperty({ type: [PartyActionCountsView] })
  byParty!: PartyActionCountsView[];

  @ApiProperty({ type: [ProblemAreaActionCountsView] })
  byProblemArea!: ProblemAreaActionCountsView[];

  @ApiProperty({ type: () => ActionSampleView })
  overdue!: ActionSampleView;

  @ApiProperty({ type: () => ActionSampleView })
  dueNext14Days!: ActionSampleView;

  @ApiProperty({ type: [CommitmentFiguresView] })
  commitments!: CommitmentFiguresView[];

  @ApiProperty({ type: Number, nullable: true, description: 'Weighted progress of the whole promise, 0–100' })
  progress!: number | null;

  @ApiProperty({ type: [YearFiguresView], description: 'Each calendar year of the promise up to this one' })
  byYear!: YearFiguresView[];
}

import { ApiProperty } from '@nestjs/swagger';
import {
  ACTIVITY_KINDS,
  type ActivityKind,
  PARTIES,
  type Party,
  PROMISE_STATUSES,
  type PromiseStatus,
  TARGET_PERIODS,
  type TargetPeriod,
} from './vocabulary.js';

/*
 * What the promise routes answer: the classes are both the services' return types and the OpenAPI
 * schemas (and through them the web client's types), so the two cannot drift apart.
 */

/** An organisation named in an answer. */
export class PromiseOrganisationRef {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;
}

/** A unit named in an answer. */
export class PromiseUnitRef {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;
}

/** A person named in an answer (the name people see, nothing more). */
export class PromiseUserRef {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  displayName!: string;
}

/** A span of calendar dates, both ends included. */
export class PromiseWindowView {
  @ApiProperty({ type: String, format: 'date', example: '2021-01-01' })
  from!: string;

  @ApiProperty({ type: String, format: 'date', example: '2021-12-31' })
  to!: string;
}

export class ProblemAreaView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: 'integer', description: 'Order within the promise, from 1' })
  position!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;
}

/** A medborgarlöfte with its problem areas in order. */
export class PromiseView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  collaborationId!: string;

  @ApiProperty()
  collaborationName!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  summary!: string;

  @ApiProperty({ type: String, format: 'date' })
  periodStart!: string;

  @ApiProperty({ type: String, format: 'date' })
  periodEnd!: string;

  @ApiProperty({ enum: PROMISE_STATUSES, enumName: 'PromiseStatus', description: 'The status last set' })
  status!: PromiseStatus;

  @ApiProperty({
    enum: PROMISE_STATUSES,
    enumName: 'PromiseStatus',
    description: 'The status to show: closed once the period has ended while the promise was in force (shownPromiseStatus)',
  })
  shownStatus!: PromiseStatus;

  @ApiProperty({ description: 'Whether the promise period has ended: its figures are the final result' })
  ended!: boolean;

  @ApiProperty({ description: 'Shown on the public page' })
  published!: boolean;

  @ApiProperty({ type: 'integer', description: 'Send back as If-Match when changing the promise' })
  version!: number;

  @ApiProperty({ type: [ProblemAreaView] })
  problemAreas!: ProblemAreaView[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The promise this one was started from' })
  predecessorId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The next promise, started from this one' })
  successorId!: string | null;
}

/** A commitment's numeric target. */
export class CommitmentTargetView {
  @ApiProperty({ type: Number })
  value!: number;

  @ApiProperty()
  unit!: string;

  @ApiProperty({ enum: TARGET_PERIODS, enumName: 'TargetPeriod' })
  period!: TargetPeriod;

  @ApiProperty({ type: String, nullable: true, description: 'The activity metric summed; null counts activities' })
  metric!: string | null;
}

/** An åtagande: what one party (or both) commits to under a problem area. */
export class CommitmentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  promiseId!: string;

  @ApiProperty({ format: 'uuid' })
  problemAreaId!: string;

  @ApiProperty()
  problemAreaTitle!: string;

  @ApiProperty({ enum: PARTIES, enumName: 'PromiseParty' })
  party!: Party;

  @ApiProperty({ type: 'integer' })
  position!: number;

  @ApiProperty()
  text!: string;

  @ApiProperty({ type: () => CommitmentTargetView, nullable: true, description: 'null: progress is measured by the actions' })
  target!: CommitmentTargetView | null;

  @ApiProperty({ type: Number, description: 'Weight in the promise’s progress' })
  weight!: number;

  @ApiProperty({ enum: ACTIVITY_KINDS, enumName: 'ActivityKind', nullable: true, description: 'The kind of activity that counts towards it' })
  activityKind!: ActivityKind | null;

  @ApiProperty({ type: 'integer', description: 'Send back as If-Match when changing the commitment' })
  version!: number;
}

/** The problem area a commitment's figures belong to. */
export class FiguresProblemAreaView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: 'integer' })
  position!: number;
}

/** A commitment's target, and what it comes to over the window looked at. */
export class FiguresTargetView extends CommitmentTargetView {
  @ApiProperty({ type: Number, description: 'The target over the window (a yearly target scaled to its years)' })
  forWindow!: number;
}

/** A commitment's actions, counted (all time; overdue as of today). */
export class CommitmentActionCountsView {
  @ApiProperty({ type: 'integer' })
  total!: number;

  @ApiProperty({ type: 'integer' })
  done!: number;

  @ApiProperty({ type: 'integer' })
  open!: number;

  @ApiProperty({ type: 'integer' })
  overdue!: number;

  @ApiProperty({ type: 'integer' })
  cancelled!: number;

  @ApiProperty({ type: [String], description: 'Titles of the done actions, only where asked for (else empty)' })
  completedTitles!: string[];
}

/** Target against actual for one commitment over a window of dates, with its progress. */
export class CommitmentFiguresView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: PARTIES, enumName: 'PromiseParty' })
  party!: Party;

  @ApiProperty({ type: () => FiguresProblemAreaView })
  problemArea!: FiguresProblemAreaView;

  @ApiProperty()
  text!: string;

  @ApiProperty({ type: Number })
  weight!: number;

  @ApiProperty({ type: () => FiguresTargetView, nullable: true })
  target!: FiguresTargetView | null;

  @ApiProperty({ type: Number, description: 'Activities counted, or the target metric summed, over the window' })
  actual!: number;

  @ApiProperty({ type: 'integer', description: 'Activities recorded over the window' })
  activities!: number;

  @ApiProperty({ type: () => CommitmentActionCountsView })
  actions!: CommitmentActionCountsView;

  @ApiProperty({ type: Number, nullable: true, description: '0–100; null when there is neither a target nor any action to measure by' })
  progress!: number | null;
}

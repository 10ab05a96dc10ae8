import { ApiProperty } from '@nestjs/swagger';
import { CommitmentFiguresView, PromiseUserRef, PromiseWindowView } from './promises.views.js';
import {
  ASSESSMENTS,
  type Assessment,
  DECISIONS,
  type Decision,
  FOLLOW_UP_STATUSES,
  type FollowUpStatus,
  REPORT_BASES,
  type ReportBasis,
  type Side,
  SIDES,
} from './vocabulary.js';

/** What the follow-up routes, the year's report and the public page answer; the services return these types. */

/** A commitment's figures with the assessment and comment given to them. */
export class CommitmentOutcomeView extends CommitmentFiguresView {
  @ApiProperty({ enum: ASSESSMENTS, enumName: 'FollowUpAssessment' })
  assessment!: Assessment;

  @ApiProperty()
  narrative!: string;
}

/** A commitment in a follow-up. A frozen follow-up shows the figures approved, not today's. */
export class FollowUpItemView extends CommitmentOutcomeView {
  @ApiProperty({
    enum: ASSESSMENTS,
    enumName: 'FollowUpAssessment',
    description: 'What the figures alone suggest (achieved ≥ 100 %, partly ≥ 50 %); people decide',
  })
  suggestedAssessment!: Assessment;
}

export class FollowUpApprovalView {
  @ApiProperty({ enum: SIDES, enumName: 'ApprovalSide' })
  side!: Side;

  @ApiProperty({ type: () => PromiseUserRef })
  user!: PromiseUserRef;

  @ApiProperty({ type: String, format: 'date-time' })
  approvedAt!: string;
}

/** The follow-up (uppföljning) of a year or half-year. */
export class FollowUpView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  promiseId!: string;

  @ApiProperty()
  promiseTitle!: string;

  @ApiProperty()
  collaborationName!: string;

  @ApiProperty({ type: 'integer' })
  year!: number;

  @ApiProperty({ type: 'integer', enum: [1, 2], nullable: true, description: 'The half-year; null for the whole year' })
  half!: 1 | 2 | null;

  @ApiProperty({ type: () => PromiseWindowView })
  window!: PromiseWindowView;

  @ApiProperty({ enum: FOLLOW_UP_STATUSES, enumName: 'FollowUpStatus' })
  status!: FollowUpStatus;

  @ApiProperty()
  conclusion!: string;

  @ApiProperty({ enum: DECISIONS, enumName: 'FollowUpDecision', nullable: true })
  decision!: Decision | null;

  @ApiProperty({ type: [FollowUpApprovalView], description: 'In the order given; two freeze the follow-up' })
  approvals!: FollowUpApprovalView[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  frozenAt!: string | null;

  @ApiProperty({ type: 'integer', description: 'Send back as If-Match when changing the follow-up' })
  version!: number;

  @ApiProperty({ type: [FollowUpItemView] })
  items!: FollowUpItemView[];

  @ApiProperty({ type: Number, nullable: true, description: 'Weighted progress over the items, 0–100' })
  progress!: number | null;
}

/** The promise a report is about. */
export class ReportPromiseView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ description: 'The collaboration’s name' })
  collaboration!: string;

  @ApiProperty({ type: String, format: 'date' })
  periodStart!: string;

  @ApiProperty({ type: String, format: 'date' })
  periodEnd!: string;
}

export class ReportApprovalView {
  @ApiProperty({ enum: SIDES, enumName: 'ApprovalSide' })
  side!: Side;

  @ApiProperty({ description: 'Who approved' })
  name!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  approvedAt!: string;
}

/** Findings of rounds and walks in a problem area over the report's window (issue #20). */
export class FindingCountsView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null: findings not placed under a problem area' })
  problemAreaId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  problemAreaTitle!: string | null;

  @ApiProperty({ type: 'integer', description: 'Findings recorded in the window (Europe/Stockholm dates)' })
  raised!: number;

  @ApiProperty({ type: 'integer', description: 'Findings marked done in the window, whenever they were recorded' })
  fixed!: number;
}

/** The year's follow-up report, as given to kommunstyrelsen. */
export class FollowUpReportView {
  @ApiProperty({ type: () => ReportPromiseView })
  promise!: ReportPromiseView;

  @ApiProperty({ type: 'integer' })
  year!: number;

  @ApiProperty({ type: () => PromiseWindowView })
  window!: PromiseWindowView;

  @ApiProperty({
    enum: REPORT_BASES,
    enumName: 'ReportBasis',
    description: '`approved` when the year’s follow-up is frozen, `draft` when one is being written, `preliminary` otherwise',
  })
  basis!: ReportBasis;

  @ApiProperty()
  conclusion!: string;

  @ApiProperty({ enum: DECISIONS, enumName: 'FollowUpDecision', nullable: true })
  decision!: Decision | null;

  @ApiProperty({ type: [ReportApprovalView] })
  approvals!: ReportApprovalView[];

  @ApiProperty({ type: Number, nullable: true })
  progress!: number | null;

  @ApiProperty({ type: [CommitmentOutcomeView] })
  commitments!: CommitmentOutcomeView[];

  @ApiProperty({ type: [FindingCountsView], description: 'Live counts per problem area, also when the follow-up is approved (not frozen with it)' })
  findings!: FindingCountsView[];
}

/*
 * The public page: only what citizens may see, with the labels (party, status, assessment,
 * decision) already in Swedish.
 */

export class PublicPromiseTargetView {
  @ApiProperty({ type: Number })
  value!: number;

  @ApiProperty()
  unit!: string;

  @ApiProperty({ enum: ['år', 'löftesperioden'], description: 'Per year or over the whole promise period' })
  per!: 'år' | 'löftesperioden';
}

export class PublicPromiseCommitmentView {
  @ApiProperty({ description: 'The party, as a Swedish label', example: 'Polisen' })
  party!: string;

  @ApiProperty()
  text!: string;

  @ApiProperty({ type: () => PublicPromiseTargetView, nullable: true })
  target!: PublicPromiseTargetView | null;

  @ApiProperty({
    type: Number,
    description: 'The outcome the target is compared with: that year’s (actualYear) for a yearly target, since the start for a whole-period one',
  })
  actual!: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The year of the outcome for a yearly target; null when it is the outcome since the start' })
  actualYear!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Whole percent, 0–100' })
  progress!: number | null;

  @ApiProperty({ type: 'integer' })
  completedActions!: number;

  @ApiProperty({ type: [String] })
  completedActionTitles!: string[];

  @ApiProperty({ type: 'integer' })
  openActions!: number;
}

export class PublicPromiseAreaView {
  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: [PublicPromiseCommitmentView] })
  commitments!: PublicPromiseCommitmentView[];
}

/** Findings of rounds and walks under a problem area, as counts only (no place, person or text). */
export class PublicFindingCountsView {
  @ApiProperty({ type: String, nullable: true, description: 'The problem area’s title; null for findings under no area' })
  problemArea!: string | null;

  @ApiProperty({ type: 'integer', description: 'Findings recorded since the promise began' })
  raised!: number;

  @ApiProperty({ type: 'integer', description: 'Findings dealt with (done) since the promise began' })
  fixed!: number;
}

export class PublicPromiseAssessmentView {
  @ApiProperty({ description: 'The commitment’s text' })
  commitment!: string;

  @ApiProperty({ description: 'The assessment, as a Swedish label', example: 'Uppnått' })
  assessment!: string;
}

export class PublicPromiseFollowUpView {
  @ApiProperty({ type: 'integer' })
  year!: number;

  @ApiProperty()
  conclusion!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The decision, as a Swedish label' })
  decision!: string | null;

  @ApiProperty({ type: [PublicPromiseAssessmentView] })
  assessments!: PublicPromiseAssessmentView[];
}

/** A party to the promise with how citizens reach the organisation (never a person). */
export class PublicPartyView {
  @ApiProperty({ description: 'The party, as a Swedish label', example: 'Kommunen' })
  party!: string;

  @ApiProperty({ example: 'Hammarö kommun' })
  name!: string;

  @ApiProperty({ type: String, nullable: true, example: '054-51 50 00' })
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'kommunen@hammaro.se' })
  email!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'https://www.hammaro.se' })
  url!: string | null;
}

/** One line of the public index of published promises: the promise as a report names it, its status and parties. */
export class PublicPromiseSummaryView extends ReportPromiseView {
  @ApiProperty({ description: 'The status, as a Swedish label (Avslutat once the period has ended)', example: 'Pågående' })
  status!: string;

  @ApiProperty({ type: [String], description: 'The parties’ organisation names', example: ['Hammarö kommun', 'Lokalpolisområde Karlstad'] })
  parties!: string[];
}

/** A published promise as citizens see it: no people, units, places or notes. */
export class PublicPromiseView {
  @ApiProperty()
  title!: string;

  @ApiProperty()
  summary!: string;

  @ApiProperty({ description: 'The collaboration’s name' })
  collaboration!: string;

  @ApiProperty({ type: [PublicPartyView], description: 'The municipality and the police area, with their contact' })
  parties!: PublicPartyView[];

  @ApiProperty({ type: String, format: 'date' })
  periodStart!: string;

  @ApiProperty({ type: String, format: 'date' })
  periodEnd!: string;

  @ApiProperty({ description: 'The status, as a Swedish label (Avslutat once the period has ended)', example: 'Pågående' })
  status!: string;

  @ApiProperty({ description: 'Whether the promise period has ended: its figures are the final result' })
  ended!: boolean;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The promise’s fulfilment over its period so far (the final result once ended), whole percent' })
  progress!: number | null;

  @ApiProperty({ type: [PublicPromiseAreaView] })
  problemAreas!: PublicPromiseAreaView[];

  @ApiProperty({
    type: [PublicFindingCountsView],
    description: 'Findings raised and fixed per problem area over the period so far, counted live (issue #20); counts only',
  })
  findings!: PublicFindingCountsView[];

  @ApiProperty({ type: [PublicPromiseFollowUpView], description: 'The approved yearly follow-ups, oldest first' })
  followUps!: PublicPromiseFollowUpView[];

  @ApiProperty({ type: String, format: 'date' })
  updatedOn!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { RISK_FACTORS, type RiskFactorName } from './risk-model.js';

export class GeneratePlanRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() collaborationId!: string;
  @ApiProperty({ example: 2023 }) @IsInt() @Min(2000) @Max(2100) year!: number;
}

export class PlansQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() collaborationId!: string;
}

export class PlanItemRequest {
  @ApiProperty() @IsInt() @Min(0) @Max(52) plannedVisits!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class StatisticsQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() collaborationId!: string;
  @ApiProperty({ example: 2022 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiPropertyOptional({ enum: ['json', 'csv'] }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}

// ---- answers ---------------------------------------------------------------------------------

/** One factor of a risk score: its points and why (in Swedish, for the inspector). */
export class PremisesRiskFactorView {
  @ApiProperty({ enum: RISK_FACTORS, enumName: 'PremisesRiskFactor' }) factor!: RiskFactorName;
  @ApiProperty({ type: 'integer' }) points!: number;
  @ApiProperty({ example: 'servering till 02:00' }) because!: string;
}

/** A supervision plan in the list of a collaboration's plans. */
export class SupervisionPlanSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: 'integer', description: 'Premises in the plan' }) premises!: number;
  @ApiProperty({ type: 'integer', description: 'Visits planned over all premises' }) plannedVisits!: number;
}

/** One premises in the plan: its risk, the visits planned and those carried out that year. */
export class SupervisionPlanItemView {
  @ApiProperty({ format: 'uuid' }) premisesId!: string;
  @ApiProperty() premisesName!: string;
  @ApiProperty({ type: 'integer' }) riskScore!: number;
  @ApiProperty({ type: () => [PremisesRiskFactorView] }) riskFactors!: PremisesRiskFactorView[];
  @ApiProperty({ type: 'integer' }) plannedVisits!: number;
  @ApiProperty({ description: 'Empty when none' }) note!: string;
  @ApiProperty({ type: 'integer', description: 'Inspections of the premises that count that year (performed; not attempted or cancelled)' })
  performedVisits!: number;
}

/** Plan against actual: performed is every inspection that counts that year (performed; not attempted or cancelled), as the promise counts it. */
export class SupervisionPlanTotalsView {
  @ApiProperty({ type: 'integer' }) planned!: number;
  @ApiProperty({ type: 'integer' }) performed!: number;
  @ApiProperty({ type: 'integer' }) premises!: number;
}

/** The year's supervision plan (tillsynsplan) of a collaboration. */
export class SupervisionPlanView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) collaborationId!: string;
  @ApiProperty({ format: 'uuid' }) ownerOrganisationId!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ type: () => [SupervisionPlanItemView], description: 'Highest risk first' }) items!: SupervisionPlanItemView[];
  @ApiProperty({ type: () => SupervisionPlanTotalsView }) totals!: SupervisionPlanTotalsView;
}

/** Visits carried out that year, by type of inspection. */
export class VisitsByTypeView {
  @ApiProperty({ type: 'integer' }) external!: number;
  @ApiProperty({ type: 'integer' }) internal!: number;
  @ApiProperty({ type: 'integer' }) coordinated!: number;
  @ApiProperty({ type: 'integer' }) preventive!: number;
}

/** Sanction decisions made that year, by decision. */
export class SanctionDecisionCountsView {
  @ApiProperty({ type: 'integer' }) erinran!: number;
  @ApiProperty({ type: 'integer' }) varning!: number;
  @ApiProperty({ type: 'integer' }) aterkallelse!: number;
  @ApiProperty({ type: 'integer' }) no_action!: number;
}

/** The year's supervision figures for the municipal board and the county administrative board. */
export class SupervisionStatisticsView {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: () => VisitsByTypeView }) visitsByType!: VisitsByTypeView;
  @ApiProperty({ type: 'integer', description: 'All visits carried out (an attempted visit is not one)' }) visitsPerformed!: number;
  @ApiProperty({ type: 'integer', description: 'Visits where nobody was there' }) attemptedVisits!: number;
  @ApiProperty({ type: 'integer' }) remarks!: number;
  @ApiProperty({ type: () => SanctionDecisionCountsView }) decisions!: SanctionDecisionCountsView;
  @ApiProperty({ type: () => SupervisionPlanTotalsView, nullable: true, description: 'Null when the year has no plan' })
  plan!: SupervisionPlanTotalsView | null;
}

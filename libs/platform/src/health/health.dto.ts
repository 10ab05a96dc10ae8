import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SystemPingResult } from '../system/system-ping.js';

export const DEPENDENCY_STATUSES = ['up', 'down'] as const;
export type DependencyStatus = (typeof DEPENDENCY_STATUSES)[number];

/** One dependency's check: up or down, where it was looked for, and why it is down. */
export class DependencyCheck {
  @ApiProperty({ enum: DEPENDENCY_STATUSES, enumName: 'DependencyStatus' }) status!: DependencyStatus;
  @ApiPropertyOptional({ description: 'Where the dependency was looked for (no credentials)' }) target?: string;
  @ApiPropertyOptional() error?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'Migrations: how many are applied' }) applied?: number;
  @ApiPropertyOptional({ type: [String], description: 'Migrations: the names of those not applied' }) pending?: string[];
}

export class ReadinessChecks {
  @ApiProperty({ type: () => DependencyCheck }) database!: DependencyCheck;
  @ApiProperty({ type: () => DependencyCheck }) migrations!: DependencyCheck;
  @ApiProperty({ type: () => DependencyCheck }) redis!: DependencyCheck;
}

/** GET /health: the process runs. */
export class LivenessView {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ example: '1.4.0' }) version!: string;
  @ApiProperty({ type: 'integer' }) uptimeSeconds!: number;
}

/** GET /health/ready: every dependency is up. */
export class ReadinessView {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ type: () => ReadinessChecks }) checks!: ReadinessChecks;
}

/** GET /health/worker: a worker answered a ping through the queue. */
export class WorkerPingView {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ type: 'integer', description: 'From sending the job to the answer' }) roundTripMs!: number;
  @ApiProperty({ type: () => SystemPingResult }) worker!: SystemPingResult;
}

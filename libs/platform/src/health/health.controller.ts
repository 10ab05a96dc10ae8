import { Controller, Get, Query, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ProblemException } from '../errors/problem.js';
import { ApiOk } from '../openapi/responses.js';
import { ACCESS_METADATA, Public, type RouteAccess } from '../http/route-access.js';
import { SystemPingService } from '../system/system-ping.service.js';
import { ReadinessView, WorkerPingView } from './health.dto.js';
import { HealthService } from './health.service.js';

class WorkerPingQuery {
  @ApiPropertyOptional({ description: 'How long to wait for a worker (ms)', minimum: 100, maximum: 10_000, default: 5_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(10_000)
  timeoutMs: number = 5_000;
}

@ApiTags('health')
@Public()
@Controller({ path: 'health', version: '1' })
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly pings: SystemPingService,
  ) {}

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis reachable, all migrations applied' })
  @ApiOk(ReadinessView, 'Ready')
  @ApiServiceUnavailableResponse({ description: 'Not ready; `checks` names the dependency that failed' })
  async ready(): Promise<ReadinessView> {
    const { ready, checks } = await this.health.readiness();
    if (!ready) {
      const failed = Object.entries(checks)
        .filter(([, c]) => c.status === 'down')
        .map(([name]) => name);
      throw new ProblemException('health.not_ready', { failed }, { checks });
    }
    return { status: 'ok', checks };
  }

  /**
   * Each call puts a job on the queue, so it is for operators only (operations:read, the
   * permission of /admin/queues), not for anyone on the network (#15). It answers within its
   * timeout whatever state Redis is in.
   */
  @Get('worker')
  @SetMetadata(ACCESS_METADATA, { kind: 'permission', permission: 'operations:read' } satisfies RouteAccess)
  @ApiBearerAuth()
  @ApiUnauthorizedResponse({ description: 'Not signed in' })
  @ApiForbiddenResponse({ description: 'Requires the permission operations:read' })
  @ApiOperation({ summary: 'Queue round trip: a system.ping job answered by a worker (operators only)' })
  @ApiOk(WorkerPingView)
  @ApiServiceUnavailableResponse({ description: 'No worker answered in time, or Redis is unreachable' })
  async worker(@Query() query: WorkerPingQuery): Promise<WorkerPingView> {
    const started = performance.now();
    try {
      const answer = await this.pings.ping(query.timeoutMs);
      return { status: 'ok', roundTripMs: Math.round(performance.now() - started), worker: answer };
    } catch (error) {
      throw new ProblemException(
        'health.worker_unavailable',
        { timeoutMs: query.timeoutMs },
        { reason: error instanceof Error ? error.message : String(error) },
      );
    }
  }
}

import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { AppConfig, createValidationPipe, ProblemException, RateLimiter } from '@samverkan/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LOGIN_RATE_WINDOW_SECONDS } from './auth-policy.js';
import { LoginRequest } from './auth.dto.js';

/**
 * In front of the local strategy: a per-address rate limit, then the same body validation as
 * every other route (guards run before pipes, so it is applied here), then the password check.
 */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  private readonly validation = createValidationPipe();

  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const limit = await this.limiter.hit(`login:${request.ip}`, this.config.LOGIN_RATE_LIMIT_PER_MINUTE, LOGIN_RATE_WINDOW_SECONDS);
    if (!limit.allowed) {
      void http.getResponse<FastifyReply>().header('retry-after', String(limit.retryAfterSeconds));
      throw new ProblemException('auth.rate_limited', { retryAfterSeconds: limit.retryAfterSeconds });
    }
    await this.validation.transform(request.body, { type: 'body', metatype: LoginRequest });
    return (await super.canActivate(context)) as boolean;
  }
}

import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Public, RequirePermission } from '@samverkan/access';
import { ApiCreated, ApiOk, ApiPage, AppConfig, etagOf, IfMatchVersion, ProblemException, RateLimiter, UuidPipe } from '@samverkan/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LOGIN_RATE_WINDOW_SECONDS } from '../auth/auth-policy.js';
import { TokenResponse } from '../auth/auth.dto.js';
import { IdentityProvidersService } from './identity-providers.service.js';
import {
  CreateIdentityProviderRequest,
  IdentityProviderListQuery,
  IdentityProviderView,
  OidcCallbackRequest,
  OidcProviderOption,
  OidcStartRequest,
  OidcStartResponse,
  UpdateIdentityProviderRequest,
} from './oidc.dto.js';
import { OidcService } from './oidc.service.js';

const IF_MATCH = { name: 'If-Match', required: true, description: 'The version (ETag) you last read' };

/** Sign-in through the organisation's identity provider (OpenID Connect, issue #18). */
@ApiTags('auth')
@Controller({ path: 'auth/oidc', version: '1' })
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  @Get('providers')
  @Public()
  @ApiOperation({ summary: 'Inloggning via organisationen (Identity providers offered on the sign-in page)' })
  @ApiOk([OidcProviderOption])
  providers(): Promise<OidcProviderOption[]> {
    return this.oidc.listActive();
  }

  @Post(':providerId/start')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Börja logga in (Start signing in): the provider’s authorization URL with state, nonce and PKCE' })
  @ApiOk(OidcStartResponse)
  @ApiTooManyRequestsResponse({ description: 'Too many sign-ins started from this address' })
  async start(
    @Req() request: FastifyRequest,
    @Param('providerId', UuidPipe) providerId: string,
    @Body() body: OidcStartRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OidcStartResponse> {
    // Each start stores an attempt: limited per address like password sign-in (its own count).
    const limit = await this.limiter.hit(`oidc-start:${request.ip}`, this.config.LOGIN_RATE_LIMIT_PER_MINUTE, LOGIN_RATE_WINDOW_SECONDS);
    if (!limit.allowed) {
      void reply.header('retry-after', String(limit.retryAfterSeconds));
      throw new ProblemException('auth.rate_limited', { retryAfterSeconds: limit.retryAfterSeconds });
    }
    return this.oidc.start(providerId, body?.invitationToken);
  }

  @Post('callback')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Svaret från leverantören (The provider’s answer): exchanges the code and signs in',
    description: 'Refusals: oidc.state_unknown, oidc.provider_refused, oidc.id_token_invalid, oidc.nonce_mismatch, oidc.claim_missing, oidc.no_account.',
  })
  @ApiOk(TokenResponse)
  callback(@Req() request: FastifyRequest, @Body() body: OidcCallbackRequest): Promise<TokenResponse> {
    return this.oidc.callback(body, { userAgent: request.headers['user-agent'] ?? null, ip: request.ip });
  }
}

/** The organisations' identity providers, configured by a system administrator. */
@ApiTags('identity-providers')
@Controller({ path: 'identity-providers', version: '1' })
export class IdentityProvidersController {
  constructor(private readonly providers: IdentityProvidersService) {}

  @Get()
  @RequirePermission('organisation:manage')
  @ApiOperation({ summary: 'Identitetsleverantörer (Identity providers), by name' })
  @ApiPage(IdentityProviderView)
  list(@Query() query: IdentityProviderListQuery) {
    return this.providers.list(query);
  }

  @Get(':id')
  @RequirePermission('organisation:manage')
  @ApiOperation({ summary: 'En identitetsleverantör (One identity provider); the secret is never shown' })
  @ApiOk(IdentityProviderView)
  async get(@Param('id', UuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const provider = await this.providers.get(id);
    void reply.header('etag', etagOf(provider.version));
    return provider;
  }

  @Post()
  @RequirePermission('organisation:manage')
  @ApiOperation({ summary: 'Lägg till identitetsleverantör (Add an identity provider to an organisation)' })
  @ApiCreated(IdentityProviderView)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateIdentityProviderRequest) {
    return this.providers.create(principal, body);
  }

  @Patch(':id')
  @RequirePermission('organisation:manage')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Ändra identitetsleverantör (Change an identity provider); a left-out secret stays' })
  @ApiOk(IdentityProviderView)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdateIdentityProviderRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const provider = await this.providers.update(principal, id, version, body);
    void reply.header('etag', etagOf(provider.version));
    return provider;
  }
}

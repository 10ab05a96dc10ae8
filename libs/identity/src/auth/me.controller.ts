import { Controller, Get, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ALL_PERMISSIONS,
  Authenticated,
  CurrentPrincipal,
  effectivePermissions,
  isStrongSession,
  type Principal,
  ROLES,
  strongPermissionsOf,
} from '@samverkan/access';
import { ApiOk, AppConfig } from '@samverkan/platform';
import { CollaborationsService } from '../organisations/collaborations.service.js';
import { MeView } from './auth.dto.js';

@ApiTags('auth')
@Controller({ path: 'me', version: '1' })
export class MeController {
  constructor(
    private readonly collaborations: CollaborationsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Jag (Me): the signed-in user, memberships, collaborations and effective permissions' })
  @ApiOk(MeView)
  async me(@CurrentPrincipal() principal: Principal): Promise<MeView> {
    const collaborationIds = [...new Set(principal.memberships.flatMap((m) => m.collaborationIds))];
    // Every request through the api's guard carries its session (access-token.authenticator.ts loads it with the principal).
    const session = principal.session;
    if (!session) throw new UnauthorizedException();
    return {
      user: {
        id: principal.userId,
        email: principal.email,
        displayName: principal.displayName,
        organisationId: principal.organisationId,
      },
      session: {
        id: session.id,
        method: session.method,
        strong: isStrongSession(session),
        strongAt: session.strongAt?.toISOString() ?? null,
      },
      memberships: principal.memberships.map((m) => ({
        id: m.membershipId,
        role: m.role,
        roleLabel: ROLES[m.role].label,
        unit: { id: m.unitId, name: m.unitName },
        organisation: { id: m.organisationId, name: m.organisationName, kind: m.organisationKind },
      })),
      collaborations: await this.collaborations.byIds(collaborationIds),
      /** Each permission held, with the widest scope through which it is held. */
      permissions: effectivePermissions(principal, ALL_PERMISSIONS),
      /** Those of them that need a strong session (HSLF-FS 2016:40 4 kap 4 §, brottsdatalagen 3 kap 8 §). */
      strongPermissions: strongPermissionsOf(principal),
      stepUpMaxAgeMinutes: this.config.STEP_UP_MAX_AGE_MINUTES,
    };
  }
}

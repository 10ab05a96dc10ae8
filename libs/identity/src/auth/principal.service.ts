import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthMethod, OrganisationKind, Principal, RoleName } from '@samverkan/access';
import { isRoleName } from '@samverkan/access';
import { Clock } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { PrincipalCache } from './principal-cache.js';

interface PrincipalRow {
  id: string;
  email: string;
  display_name: string;
  organisation_id: string;
  token_version: number;
  membership_id: string | null;
  role: string | null;
  unit_id: string | null;
  unit_name: string | null;
  org_id: string | null;
  org_name: string | null;
  org_kind: OrganisationKind | null;
  collaboration_ids: string[];
  session_method: AuthMethod | null;
  session_acr: string | null;
  session_strong_at: Date | null;
  next_change: Date | null;
}

/**
 * Loads the signed-in user with their memberships valid now, in one query; for a request, through
 * the PrincipalCache, which is emptied by every change of what the principal holds, so a
 * deactivation or an ended membership takes effect on the very next call, in every process.
 */
@Injectable()
export class PrincipalService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly cache: PrincipalCache,
  ) {}

  /**
   * The active user's principal, or null if the user is gone or inactive or, given the access
   * token's version and session, the version is stale or the session ended (signed out, ended by
   * an admin, its refresh token replayed). With a token the principal carries its session: how it
   * was authenticated and when last strongly (#18).
   */
  async load(userId: string, token?: { tokenVersion: number; sessionId: string }): Promise<Principal | null> {
    if (!token) return (await this.query(userId))?.principal ?? null;
    // The epochs are read before the principal, so a change committed in between is seen next time.
    const epochs = await this.cache.epochs(userId);
    const key = `${userId}|${token.sessionId}|${token.tokenVersion}`;
    const cached = epochs === undefined ? undefined : this.cache.get(key, epochs);
    if (cached) return cached;
    const loaded = await this.query(userId, token);
    if (loaded && epochs !== undefined) this.cache.set(key, epochs, loaded.principal, loaded.nextChange);
    return loaded?.principal ?? null;
  }

  /** The principal from PostgreSQL, and when its memberships next start or end (cached no longer). */
  private async query(userId: string, token?: { tokenVersion: number; sessionId: string }): Promise<{ principal: Principal; nextChange: Date | null } | null> {
    // The session must be live (not signed out, ended by an admin, replayed or deactivated): it is
    // joined on its primary key in the same statement, so checking it costs no extra round trip.
    const session = token ? 'JOIN auth_sessions s ON s.id = $4 AND s.user_id = u.id AND s.ended_at IS NULL' : '';
    const rows = await this.dataSource.query<PrincipalRow[]>(
      `SELECT u.id, u.email, u.display_name, u.organisation_id, u.token_version,
              m.id AS membership_id, m.role, un.id AS unit_id, un.name AS unit_name,
              o.id AS org_id, o.name AS org_name, o.kind AS org_kind,
              coalesce(array_agg(c.id ORDER BY c.name) FILTER (WHERE c.id IS NOT NULL), '{}') AS collaboration_ids,
              (SELECT min(b.at) FROM memberships x CROSS JOIN LATERAL (VALUES (x.valid_from), (x.valid_until)) b(at)
                WHERE x.user_id = u.id AND b.at > $2) AS next_change,
              ${token ? 's.method AS session_method, s.acr AS session_acr, s.strong_at AS session_strong_at' : 'NULL AS session_method, NULL AS session_acr, NULL AS session_strong_at'}
       FROM users u
       ${session}
       LEFT JOIN memberships m ON m.user_id = u.id AND m.valid_from <= $2 AND (m.valid_until IS NULL OR m.valid_until > $2)
       LEFT JOIN units un ON un.id = m.unit_id
       LEFT JOIN organisations o ON o.id = un.organisation_id
       LEFT JOIN collaborations c ON c.police_organisation_id = o.id OR c.municipality_organisation_id = o.id
         OR EXISTS (SELECT 1 FROM collaboration_partners cp WHERE cp.collaboration_id = c.id AND cp.organisation_id = o.id)
       WHERE u.id = $1 AND u.is_active ${token ? 'AND u.token_version = $3' : ''}
       GROUP BY u.id, m.id, un.id, o.id${token ? ', s.id' : ''}
       ORDER BY m.valid_from, m.id`,
      token ? [userId, this.clock.now(), token.tokenVersion, token.sessionId] : [userId, this.clock.now()],
    );
    const first = rows[0];
    if (!first) return null;
    const principal: Principal = {
      userId: first.id,
      email: first.email,
      displayName: first.display_name,
      organisationId: first.organisation_id,
      memberships: rows
        .filter((r) => r.membership_id && r.role && isRoleName(r.role))
        .map((r) => ({
          membershipId: r.membership_id!,
          role: r.role as RoleName,
          unitId: r.unit_id!,
          unitName: r.unit_name!,
          organisationId: r.org_id!,
          organisationName: r.org_name!,
          organisationKind: r.org_kind!,
          collaborationIds: r.collaboration_ids,
        })),
      ...(token && first.session_method
        ? { session: { id: token.sessionId, method: first.session_method, acr: first.session_acr, strongAt: first.session_strong_at } }
        : {}),
    };
    return { principal, nextChange: first.next_change };
  }

  /** The token version an access token for this user must carry. */
  async tokenVersion(userId: string): Promise<number | undefined> {
    const [row] = await this.dataSource.query<{ token_version: number }[]>('SELECT token_version FROM users WHERE id = $1', [userId]);
    return row?.token_version;
  }
}

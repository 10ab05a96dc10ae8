import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ROLES, type Principal, type RoleName } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { AppConfig, assertVersionMatched, Clock, FieldCipher, invalidField, type Page, pageOf, ProblemException } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { issuerAllowed, type MatchOn } from './oidc-rules.js';
import type { CreateIdentityProviderRequest, IdentityProviderListQuery, IdentityProviderView, UpdateIdentityProviderRequest } from './oidc.dto.js';

/** A provider row as the sign-in flow needs it, with the secret opened. */
export interface IdentityProviderConfig {
  id: string;
  organisationId: string;
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  userClaim: string;
  matchOn: MatchOn;
  strongAcrValues: string[];
  jitAllowed: boolean;
  jitRole: RoleName | null;
  jitUnitId: string | null;
  version: number;
}

const SECRET_FIELD = 'identity_providers.client_secret';

const VIEW_SELECT = `
  SELECT p.id, p.organisation_id AS "organisationId", o.name AS "organisationName", p.display_name AS "displayName",
         p.issuer, p.client_id AS "clientId", p.scopes, p.user_claim AS "userClaim", p.match_on AS "matchOn",
         p.strong_acr_values AS "strongAcrValues", p.jit_allowed AS "jitAllowed", p.jit_role AS "jitRole",
         p.jit_unit_id AS "jitUnitId", p.is_active AS "isActive", p.version
  FROM identity_providers p JOIN organisations o ON o.id = p.organisation_id`;

/**
 * The organisations' identity providers (issue #18), configured by a system administrator
 * (`organisation:manage`, held only by system_admin with scope all). The client secret is sealed
 * with FieldCipher and never leaves the api.
 */
@Injectable()
export class IdentityProvidersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  list(query: IdentityProviderListQuery): Promise<Page<IdentityProviderView>> {
    const filtered = this.dataSource.createQueryBuilder().from('identity_providers', 'p');
    return pageOf<IdentityProviderView>(this.dataSource, filtered, { alias: 'p', orderBy: [['p.display_name', 'ASC']], select: VIEW_SELECT }, query);
  }

  async get(id: string): Promise<IdentityProviderView> {
    const [row] = await this.dataSource.query<IdentityProviderView[]>(`${VIEW_SELECT} WHERE p.id = $1`, [id]);
    if (!row) throw new NotFoundException(`No identity provider ${id}.`);
    return row;
  }

  async create(_principal: Principal, request: CreateIdentityProviderRequest): Promise<IdentityProviderView> {
    const [organisation] = await this.dataSource.query<{ id: string; kind: string }[]>('SELECT id, kind FROM organisations WHERE id = $1', [
      request.organisationId,
    ]);
    if (!organisation) throw invalidField('organisationId', 'reference.not_found', { resource: 'organisation' });
    this.checkIssuer(request.issuer);
    const jit = { jitAllowed: request.jitAllowed ?? false, jitRole: request.jitRole ?? null, jitUnitId: request.jitUnitId ?? null };
    await this.checkJit(organisation.id, organisation.kind, jit);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.assertNameFree(organisation.id, request.displayName);
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO identity_providers (organisation_id, display_name, issuer, client_id, client_secret, client_secret_key_id, scopes,
           user_claim, match_on, strong_acr_values, jit_allowed, jit_role, jit_unit_id, is_active)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          organisation.id,
          request.displayName.trim(),
          request.issuer,
          request.clientId,
          this.cipher.encrypt(SECRET_FIELD, request.clientSecret),
          this.cipher.keyId,
          request.scopes ?? 'openid email profile',
          request.userClaim ?? 'email',
          request.matchOn ?? 'email',
          request.strongAcrValues ?? [],
          jit.jitAllowed,
          jit.jitRole,
          jit.jitUnitId,
          request.isActive ?? true,
        ],
      );
      await this.audit.record(
        { action: 'identity_provider.create', resourceType: 'identity_provider', resourceId: row.id, subjectOrganisationId: organisation.id },
        manager,
      );
      return row.id;
    });
    return this.get(id);
  }

  async update(_principal: Principal, id: string, version: number, request: UpdateIdentityProviderRequest): Promise<IdentityProviderView> {
    const before = await this.get(id);
    if (request.issuer) this.checkIssuer(request.issuer);
    const [{ kind }] = await this.dataSource.query<{ kind: string }[]>('SELECT kind FROM organisations WHERE id = $1', [before.organisationId]);
    const jit = {
      jitAllowed: request.jitAllowed ?? before.jitAllowed,
      jitRole: request.jitRole === undefined ? before.jitRole : request.jitRole,
      jitUnitId: request.jitUnitId === undefined ? before.jitUnitId : request.jitUnitId,
    };
    await this.checkJit(before.organisationId, kind, jit);
    const displayName = request.displayName?.trim() ?? before.displayName;
    if (displayName !== before.displayName) await this.assertNameFree(before.organisationId, displayName);
    const changed = Object.keys(request).filter((key) => (request as Record<string, unknown>)[key] !== undefined);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query(
        `UPDATE identity_providers SET display_name = $3, issuer = $4, client_id = $5,
           client_secret = COALESCE($6, client_secret), client_secret_key_id = CASE WHEN $6::bytea IS NULL THEN client_secret_key_id ELSE $7 END,
           scopes = $8, user_claim = $9, match_on = $10, strong_acr_values = $11, jit_allowed = $12, jit_role = $13, jit_unit_id = $14,
           is_active = $15, updated_at = $16, version = version + 1
         WHERE id = $1 AND version = $2`,
        [
          id,
          version,
          displayName,
          request.issuer ?? before.issuer,
          request.clientId ?? before.clientId,
          request.clientSecret ? this.cipher.encrypt(SECRET_FIELD, request.clientSecret) : null,
          this.cipher.keyId,
          request.scopes ?? before.scopes,
          request.userClaim ?? before.userClaim,
          request.matchOn ?? before.matchOn,
          request.strongAcrValues ?? before.strongAcrValues,
          jit.jitAllowed,
          jit.jitRole,
          jit.jitUnitId,
          request.isActive ?? before.isActive,
          this.clock.now(),
        ],
      );
      assertVersionMatched(updated, before.version);
      // The secret is named among the changed fields, never its value.
      await this.audit.record(
        {
          action: 'identity_provider.update',
          resourceType: 'identity_provider',
          resourceId: id,
          subjectOrganisationId: before.organisationId,
          changedFields: changed,
        },
        manager,
      );
    });
    return this.get(id);
  }

  /** An active provider with its secret opened, for the sign-in flow; undefined when unknown or switched off. */
  async activeConfig(id: string): Promise<IdentityProviderConfig | undefined> {
    const [row] = await this.dataSource.query<(Omit<IdentityProviderConfig, 'clientSecret'> & { sealed: Buffer; keyId: string })[]>(
      `SELECT id, organisation_id AS "organisationId", display_name AS "displayName", issuer, client_id AS "clientId",
              client_secret AS sealed, client_secret_key_id AS "keyId", scopes, user_claim AS "userClaim", match_on AS "matchOn",
              strong_acr_values AS "strongAcrValues", jit_allowed AS "jitAllowed", jit_role AS "jitRole", jit_unit_id AS "jitUnitId", version
       FROM identity_providers WHERE id = $1 AND is_active`,
      [id],
    );
    if (!row) return undefined;
    const { sealed, keyId, ...rest } = row;
    return { ...rest, clientSecret: this.cipher.decrypt(SECRET_FIELD, sealed, keyId) };
  }

  private checkIssuer(issuer: string): void {
    if (!URL.canParse(issuer)) throw invalidField('issuer', 'field.url');
    if (!issuerAllowed(issuer, this.config.NODE_ENV === 'production')) throw invalidField('issuer', 'identity_provider.issuer_https');
  }

  private async assertNameFree(organisationId: string, displayName: string): Promise<void> {
    const [taken] = await this.dataSource.query('SELECT 1 FROM identity_providers WHERE organisation_id = $1 AND display_name = $2', [
      organisationId,
      displayName.trim(),
    ]);
    if (taken) throw new ProblemException('identity_provider.name_taken', { name: displayName.trim() });
  }

  /** Just-in-time accounts need a role the organisation's kind may hold, in a unit of that organisation. */
  private async checkJit(organisationId: string, kind: string, jit: { jitAllowed: boolean; jitRole: RoleName | null; jitUnitId: string | null }) {
    if (!jit.jitAllowed) return;
    if (!jit.jitRole) throw invalidField('jitRole', 'field.required');
    if (!jit.jitUnitId) throw invalidField('jitUnitId', 'field.required');
    if (!(ROLES[jit.jitRole].organisationKinds as readonly string[]).includes(kind)) {
      throw invalidField('jitRole', 'role.organisation_kind', { role: jit.jitRole, organisationKind: kind });
    }
    const [unit] = await this.dataSource.query('SELECT 1 FROM units WHERE id = $1 AND organisation_id = $2', [jit.jitUnitId, organisationId]);
    if (!unit) throw invalidField('jitUnitId', 'reference.not_found', { resource: 'unit' });
  }
}

import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthMethod, Principal } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { AppConfig, Clock, FieldCipher, invalidField, ProblemException, StaleVersionProblem, updateReturning } from '@samverkan/platform';
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import type { DataSource, EntityManager } from 'typeorm';
import { AuthService } from '../auth/auth.service.js';
import { PrincipalCache } from '../auth/principal-cache.js';
import { type TokenPair, TokenService } from '../auth/token.service.js';
import type { MfaRequiredResponse, MfaStatusView, PasskeyOptionsView, PasskeyView, RecoveryCodesView, TotpEnrolmentView } from './mfa.dto.js';
import {
  MFA_CHALLENGE_MINUTES,
  mayChangeFactors,
  newRecoveryCode,
  normaliseRecoveryCode,
  normaliseTotpCode,
  RECOVERY_CODE_COUNT,
  relyingParty,
  type SecondFactor,
  secondFactors,
  sha256Hex,
  TOTP_PERIOD_SECONDS,
  TOTP_TOLERANCE_SECONDS,
} from './mfa-rules.js';

type ChallengePurpose = 'login' | 'passkey_login' | 'passkey_register' | 'step_up';

interface ChallengeRow {
  user_id: string | null;
  session_id: string | null;
  webauthn_challenge: string | null;
  expires_at: Date;
  used_at: Date | null;
}

interface PasskeyRow {
  id: string;
  user_id: string;
  credential_id: string;
  public_key: Buffer;
  counter: string;
  transports: string[];
}

interface UserRow {
  id: string;
  organisation_id: string;
  email: string;
  display_name: string;
  is_active: boolean;
  locked_until: Date | null;
  token_version: number;
}

/** What a sign-in step knows about the request, for the session it starts. */
export interface RequestMeta {
  userAgent: string | null;
  ip: string;
}

const SEALED_FIELD = 'user_totp.secret';
const ISSUER = 'Samverkan';

/** A refusal decided inside a transaction, thrown after it commits (so counted failures stay counted). */
type Outcome<T> = { ok: T } | { refuse: ProblemException; failedUser?: UserRow };

/**
 * Second factors for local accounts (issue #18): TOTP (RFC 6238) with recovery codes and passkeys
 * (WebAuthn Level 2), the sign-in step after the password, passwordless passkey sign-in and the
 * step-up of a running session. A password with one of them is strong authentication
 * (HSLF-FS 2016:40 4 kap 4 §). Owns user_totp, user_recovery_codes, user_passkeys, mfa_challenges.
 */
@Injectable()
export class MfaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly tokens: TokenService,
    private readonly auth: AuthService,
    private readonly principals: PrincipalCache,
  ) {}

  // ---- status and enrolment (the signed-in user's own) ----

  async status(userId: string): Promise<MfaStatusView> {
    const [row] = await this.dataSource.query<{ totp: boolean; codes: number }[]>(
      `SELECT EXISTS (SELECT 1 FROM user_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL) AS totp,
              (SELECT count(*)::int FROM user_recovery_codes WHERE user_id = $1 AND used_at IS NULL) AS codes`,
      [userId],
    );
    return { totpEnabled: row.totp, recoveryCodesLeft: row.codes, passkeys: await this.passkeys(userId) };
  }

  /** A new TOTP key, not active until confirmed with a code from the app. */
  async startTotp(principal: Principal): Promise<TotpEnrolmentView> {
    await this.assertMayChangeFactors(principal);
    const secret = generateSecret();
    const sealed = this.cipher.encrypt(SEALED_FIELD, secret);
    const rows = await this.dataSource.query<{ user_id: string }[]>(
      `INSERT INTO user_totp (user_id, secret_sealed, key_id, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed, key_id = EXCLUDED.key_id,
         created_at = EXCLUDED.created_at, last_used_step = NULL
       WHERE user_totp.confirmed_at IS NULL RETURNING user_id`,
      [principal.userId, sealed, this.cipher.keyId, this.clock.now()],
    );
    if (rows.length === 0) throw new ProblemException('mfa.totp_already_enabled');
    await this.audit.record({ action: 'mfa.totp_start', actor: actorOf(principal), resourceType: 'user', resourceId: principal.userId });
    return { secret, otpauthUri: generateURI({ issuer: ISSUER, label: principal.email, secret }) };
  }

  /** Confirms the key with a code from the app and answers the recovery codes, shown this once. */
  async confirmTotp(principal: Principal, code: string): Promise<RecoveryCodesView> {
    return this.dataSource.transaction(async (manager) => {
      const step = await this.checkTotp(manager, principal.userId, code, false);
      if (step === 'none') throw new ProblemException('mfa.totp_already_enabled');
      if (step === null) throw invalidField('code', 'mfa.code_wrong');
      await manager.query(`UPDATE user_totp SET confirmed_at = $2 WHERE user_id = $1`, [principal.userId, this.clock.now()]);
      const codes = await this.replaceRecoveryCodes(manager, principal.userId);
      await this.audit.record({ action: 'mfa.totp_confirm', actor: actorOf(principal), resourceType: 'user', resourceId: principal.userId }, manager);
      return { codes };
    });
  }

  /** Turns TOTP off (and its recovery codes), after a current code. */
  async disableTotp(principal: Principal, code: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const step = await this.checkTotp(manager, principal.userId, code, true);
      if (step === 'none') throw new ProblemException('mfa.totp_not_enabled');
      if (step === null) throw invalidField('code', 'mfa.code_wrong');
      await manager.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [principal.userId]);
      await manager.query(`DELETE FROM user_totp WHERE user_id = $1`, [principal.userId]);
      await this.audit.record({ action: 'mfa.totp_disable', actor: actorOf(principal), resourceType: 'user', resourceId: principal.userId }, manager);
    });
  }

  /** New recovery codes (the old ones stop working), after a current code. */
  async regenerateRecoveryCodes(principal: Principal, code: string): Promise<RecoveryCodesView> {
    return this.dataSource.transaction(async (manager) => {
      const step = await this.checkTotp(manager, principal.userId, code, true);
      if (step === 'none') throw new ProblemException('mfa.totp_not_enabled');
      if (step === null) throw invalidField('code', 'mfa.code_wrong');
      const codes = await this.replaceRecoveryCodes(manager, principal.userId);
      await this.audit.record(
        { action: 'mfa.recovery_codes_regenerate', actor: actorOf(principal), resourceType: 'user', resourceId: principal.userId },
        manager,
      );
      return { codes };
    });
  }

  async passkeyRegistrationOptions(principal: Principal): Promise<PasskeyOptionsView> {
    await this.assertMayChangeFactors(principal);
    const { rpId } = relyingParty(this.config);
    const existing = await this.dataSource.query<{ credential_id: string; transports: string[] }[]>(
      `SELECT credential_id, transports FROM user_passkeys WHERE user_id = $1`,
      [principal.userId],
    );
    const options = await generateRegistrationOptions({
      rpName: ISSUER,
      rpID: rpId,
      userName: principal.email,
      userDisplayName: principal.displayName,
      userID: new TextEncoder().encode(principal.userId),
      attestationType: 'none',
      excludeCredentials: existing.map((p) => ({ id: p.credential_id, transports: p.transports })),
      // A discoverable credential, so it also signs in without a password (/auth/passkey/*).
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    });
    const challenge = await this.newChallenge(this.dataSource.manager, 'passkey_register', principal.userId, principal.session?.id ?? null, options.challenge);
    return { challenge, options: options as unknown as Record<string, unknown> };
  }

  async registerPasskey(principal: Principal, challenge: string, name: string, response: Record<string, unknown>): Promise<PasskeyView> {
    const { origin, rpId } = relyingParty(this.config);
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome<PasskeyView>> => {
      const row = await this.takeChallenge(manager, challenge, 'passkey_register');
      if (!row || row.user_id !== principal.userId) return { refuse: new ProblemException('mfa.challenge_invalid') };
      const verified = await verifyRegistrationResponse({
        response: response as unknown as RegistrationResponseJSON,
        expectedChallenge: row.webauthn_challenge ?? '',
        expectedOrigin: origin,
        expectedRPID: rpId,
        requireUserVerification: true,
      }).catch(() => ({ verified: false as const }));
      if (!verified.verified) throw invalidField('response', 'mfa.passkey_not_verified');
      const { credential } = verified.registrationInfo;
      const [created] = await manager.query<PasskeyDbView[]>(
        `INSERT INTO user_passkeys (user_id, credential_id, public_key, counter, transports, name, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (credential_id) DO NOTHING
         RETURNING ${PASSKEY_COLUMNS}`,
        [principal.userId, credential.id, Buffer.from(credential.publicKey), credential.counter, credential.transports ?? [], name.trim(), this.clock.now()],
      );
      if (!created) throw invalidField('response', 'mfa.passkey_not_verified');
      await this.audit.record(
        { action: 'mfa.passkey_add', actor: actorOf(principal), resourceType: 'user', resourceId: principal.userId, details: { passkeyId: created.id } },
        manager,
      );
      return { ok: passkeyView(created) };
    });
    if ('refuse' in outcome) throw outcome.refuse;
    return outcome.ok;
  }

  async renamePasskey(principal: Principal, id: string, version: number, name: string): Promise<PasskeyView> {
    return this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query<{ version: number }[]>(`SELECT version FROM user_passkeys WHERE id = $1 AND user_id = $2`, [id, principal.userId]);
      if (!current) throw new ProblemException('http.not_found');
      const [row] = await updateReturning<PasskeyDbView>(
        manager,
        `UPDATE user_passkeys SET name = $4, version = version + 1 WHERE id = $1 AND user_id = $2 AND version = $3 RETURNING ${PASSKEY_COLUMNS}`,
        [id, principal.userId, version, name.trim()],
      );
      if (!row) throw new StaleVersionProblem(current.version);
      await this.audit.record(
        { action: 'mfa.passkey_rename', actor: actorOf(principal), resourceType: 'user', resourceId: principal.userId, details: { passkeyId: id } },
        manager,
      );
      return passkeyView(row);
    });
  }

  async removePasskey(principal: Principal, id: string): Promise<void> {
    await this.assertMayChangeFactors(principal);
    await this.dataSource.transaction(async (manager) => {
      const removed = await updateReturning<{ id: string }>(manager, `DELETE FROM user_passkeys WHERE id = $1 AND user_id = $2 RETURNING id`, [
        id,
        principal.userId,
      ]);
      if (removed.length === 0) throw new ProblemException('http.not_found');
      await this.audit.record(
        { action: 'mfa.passkey_remove', actor: actorOf(principal), resourceType: 'user', resourceId: principal.userId, details: { passkeyId: id } },
        manager,
      );
    });
  }

  // ---- sign-in ----

  /** After a correct password: the second step when the user has a second factor, else null. */
  async loginChallenge(userId: string): Promise<MfaRequiredResponse | null> {
    const [row] = await this.dataSource.query<{ totp: boolean; passkeys: number }[]>(
      `SELECT EXISTS (SELECT 1 FROM user_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL) AS totp,
              (SELECT count(*)::int FROM user_passkeys WHERE user_id = $1) AS passkeys`,
      [userId],
    );
    const methods = secondFactors(row.totp, row.passkeys);
    if (methods.length === 0) return null;
    const passkeyOptions = methods.includes('passkey') ? await this.assertionOptions(userId) : null;
    const challenge = await this.newChallenge(this.dataSource.manager, 'login', userId, null, passkeyOptions?.challenge ?? null);
    return { mfaRequired: true, challenge, methods, passkeyOptions: passkeyOptions as unknown as Record<string, unknown> | null };
  }

  /** The second step with a TOTP code or a recovery code; a wrong one counts toward the lockout. */
  async completeWithCode(challenge: string, input: { code?: string; recoveryCode?: string }, meta: RequestMeta): Promise<TokenPair> {
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome<TokenPair>> => {
      const row = await this.peekChallenge(manager, challenge, 'login');
      const user = row?.user_id ? await this.usableUser(manager, row.user_id) : undefined;
      if (!row || !user) return { refuse: new ProblemException('mfa.challenge_invalid') };
      let method: AuthMethod | undefined;
      if (input.code) {
        const step = await this.checkTotp(manager, user.id, input.code, true);
        if (typeof step === 'number') method = 'password_totp';
      } else if (input.recoveryCode) {
        const used = await updateReturning<{ id: string }>(
          manager,
          `UPDATE user_recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
          [user.id, sha256Hex(normaliseRecoveryCode(input.recoveryCode)), this.clock.now()],
        );
        if (used.length > 0) method = 'password_recovery_code';
      }
      if (!method) return { refuse: new ProblemException('mfa.code_invalid'), failedUser: user };
      return { ok: await this.finishSignIn(manager, challenge, user, method, method === 'password_totp' ? ['pwd', 'otp'] : ['pwd', 'mfa'], false, meta) };
    });
    return this.settle(outcome);
  }

  /** The second step with a passkey of the user the challenge is bound to. */
  async completeWithPasskey(challenge: string, response: Record<string, unknown>, meta: RequestMeta): Promise<TokenPair> {
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome<TokenPair>> => {
      const row = await this.peekChallenge(manager, challenge, 'login');
      const user = row?.user_id ? await this.usableUser(manager, row.user_id) : undefined;
      if (!row || !user || !row.webauthn_challenge) return { refuse: new ProblemException('mfa.challenge_invalid') };
      const ok = await this.verifyAssertion(manager, response, row.webauthn_challenge, user.id);
      if (!ok) return { refuse: new ProblemException('mfa.passkey_invalid'), failedUser: user };
      return { ok: await this.finishSignIn(manager, challenge, user, 'passkey', ['pwd', 'hwk'], false, meta) };
    });
    return this.settle(outcome);
  }

  /** Passwordless sign-in: options for a discoverable credential (any of the site's passkeys). */
  async passwordlessOptions(): Promise<PasskeyOptionsView> {
    const options = await generateAuthenticationOptions({ rpID: relyingParty(this.config).rpId, userVerification: 'required' });
    const challenge = await this.newChallenge(this.dataSource.manager, 'passkey_login', null, null, options.challenge);
    return { challenge, options: options as unknown as Record<string, unknown> };
  }

  /** Passwordless sign-in: the passkey names its user; user verification on the device makes it two factors. */
  async passwordlessVerify(challenge: string, response: Record<string, unknown>, meta: RequestMeta): Promise<TokenPair> {
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome<TokenPair>> => {
      const row = await this.peekChallenge(manager, challenge, 'passkey_login');
      if (!row?.webauthn_challenge) return { refuse: new ProblemException('mfa.challenge_invalid') };
      const credentialId = typeof response.id === 'string' ? response.id : '';
      const [owner] = await manager.query<{ user_id: string }[]>(`SELECT user_id FROM user_passkeys WHERE credential_id = $1`, [credentialId]);
      const user = owner ? await this.usableUser(manager, owner.user_id) : undefined;
      if (!user) return { refuse: new ProblemException('mfa.passkey_invalid') };
      const ok = await this.verifyAssertion(manager, response, row.webauthn_challenge, user.id);
      if (!ok) return { refuse: new ProblemException('mfa.passkey_invalid'), failedUser: user };
      return { ok: await this.finishSignIn(manager, challenge, user, 'passkey', ['hwk', 'user'], true, meta) };
    });
    return this.settle(outcome);
  }

  // ---- step-up ----

  async stepUpOptions(principal: Principal): Promise<PasskeyOptionsView> {
    const options = await this.assertionOptions(principal.userId);
    if (!options) throw new ProblemException('mfa.no_second_factor');
    const challenge = await this.newChallenge(this.dataSource.manager, 'step_up', principal.userId, principal.session?.id ?? null, options.challenge);
    return { challenge, options: options as unknown as Record<string, unknown> };
  }

  /** Strong authentication again within the current session: a TOTP code or a passkey; sets strong_at. */
  async stepUp(principal: Principal, input: { code?: string; challenge?: string; response?: Record<string, unknown> }): Promise<{ strongAt: string }> {
    const session = principal.session;
    if (!session) throw new ProblemException('http.unauthorized');
    const actor = actorOf(principal);
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome<Date> | { field: 'code' | 'response' }> => {
      const now = this.clock.now();
      if (input.challenge && input.response) {
        const row = await this.peekChallenge(manager, input.challenge, 'step_up');
        if (!row?.webauthn_challenge || row.user_id !== principal.userId || row.session_id !== session.id)
          return { refuse: new ProblemException('mfa.challenge_invalid') };
        if (!(await this.verifyAssertion(manager, input.response, row.webauthn_challenge, principal.userId))) return { field: 'response' };
        await this.markUsed(manager, input.challenge);
      } else {
        const step = await this.checkTotp(manager, principal.userId, input.code ?? '', true);
        if (step === 'none') return { refuse: new ProblemException('mfa.no_second_factor') };
        if (step === null) return { field: 'code' };
      }
      await manager.query(`UPDATE auth_sessions SET strong_at = $2 WHERE id = $1 AND ended_at IS NULL`, [session.id, now]);
      await this.principals.changed(manager, principal.userId);
      await this.audit.record(
        { action: 'auth.step_up', actor, resourceType: 'user', resourceId: principal.userId, details: { sessionId: session.id } },
        manager,
      );
      return { ok: now };
    });
    if ('field' in outcome) {
      await this.audit.record({ action: 'auth.step_up', outcome: 'failure', actor, resourceType: 'user', resourceId: principal.userId });
      await this.auth.recordFailure(principal.userId, actor, this.clock.now(), 'wrong_second_factor');
      throw invalidField(outcome.field, outcome.field === 'code' ? 'mfa.code_wrong' : 'mfa.passkey_not_verified');
    }
    if ('refuse' in outcome) throw outcome.refuse;
    return { strongAt: outcome.ok.toISOString() };
  }

  // ---- internals ----

  /** Refuses a change of factors when the account has one and the session was not strong lately (mfa-rules.ts). */
  private async assertMayChangeFactors(principal: Principal): Promise<void> {
    const [row] = await this.dataSource.query<{ has: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM user_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL)
           OR EXISTS (SELECT 1 FROM user_passkeys WHERE user_id = $1) AS has`,
      [principal.userId],
    );
    if (!mayChangeFactors(row.has, principal.session, this.config.STEP_UP_MAX_AGE_MINUTES, this.clock.now())) {
      throw new ProblemException('mfa.recent_strong_required');
    }
  }

  private async settle(outcome: Outcome<TokenPair>): Promise<TokenPair> {
    if ('ok' in outcome) return outcome.ok;
    if (outcome.failedUser) {
      await this.auth.recordFailure(
        outcome.failedUser.id,
        { userId: outcome.failedUser.id, organisationId: outcome.failedUser.organisation_id },
        this.clock.now(),
        'wrong_second_factor',
      );
    }
    throw outcome.refuse;
  }

  private async finishSignIn(
    manager: EntityManager,
    challenge: string,
    user: UserRow,
    method: AuthMethod,
    amr: string[],
    passwordless: boolean,
    meta: RequestMeta,
  ): Promise<TokenPair> {
    await this.markUsed(manager, challenge);
    await manager.query(`UPDATE users SET failed_login_count = 0, failed_login_window_start = NULL, last_login_at = $2 WHERE id = $1`, [
      user.id,
      this.clock.now(),
    ]);
    await this.audit.record(
      {
        action: passwordless ? 'auth.passkey_login' : 'auth.mfa_login',
        actor: { userId: user.id, organisationId: user.organisation_id },
        resourceType: 'user',
        resourceId: user.id,
        details: { method },
      },
      manager,
    );
    // A password with a second factor, or a passkey with user verification, is strong (HSLF-FS 2016:40 4 kap 4 §).
    return this.tokens.issue(user.id, user.token_version, { method, strong: true, amr, userAgent: meta.userAgent, ip: meta.ip }, manager);
  }

  /** The user, unless deactivated or locked out (then the step fails like a wrong password would). */
  private async usableUser(manager: EntityManager, userId: string): Promise<UserRow | undefined> {
    const [user] = await manager.query<UserRow[]>(
      `SELECT id, organisation_id, email, display_name, is_active, locked_until, token_version FROM users WHERE id = $1`,
      [userId],
    );
    if (!user || !user.is_active || (user.locked_until && user.locked_until > this.clock.now())) return undefined;
    return user;
  }

  /**
   * Checks a TOTP code: the time step it matched (recorded, so the same code never works twice),
   * null when wrong, 'none' when the user has no key (confirmed or, with `confirmed` false, pending).
   */
  private async checkTotp(manager: EntityManager, userId: string, input: string, confirmed: boolean): Promise<number | null | 'none'> {
    const [row] = await manager.query<{ secret_sealed: Buffer; key_id: string; last_used_step: string | null }[]>(
      `SELECT secret_sealed, key_id, last_used_step FROM user_totp WHERE user_id = $1 AND (confirmed_at IS NOT NULL) = $2 FOR UPDATE`,
      [userId, confirmed],
    );
    if (!row) return 'none';
    const code = normaliseTotpCode(input);
    if (!code) return null;
    const secret = this.cipher.decrypt(SEALED_FIELD, row.secret_sealed, row.key_id);
    const result = await verifyTotp({
      secret,
      token: code,
      period: TOTP_PERIOD_SECONDS,
      epoch: Math.floor(this.clock.now().getTime() / 1000),
      epochTolerance: TOTP_TOLERANCE_SECONDS,
      ...(row.last_used_step !== null ? { afterTimeStep: Number(row.last_used_step) } : {}),
    }).catch(() => ({ valid: false as const }));
    if (!result.valid) return null;
    const step = 'timeStep' in result ? result.timeStep : Math.floor(this.clock.now().getTime() / 1000 / TOTP_PERIOD_SECONDS);
    await manager.query(`UPDATE user_totp SET last_used_step = $2 WHERE user_id = $1`, [userId, step]);
    return step;
  }

  private async replaceRecoveryCodes(manager: EntityManager, userId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => newRecoveryCode());
    await manager.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [userId]);
    await manager.query(`INSERT INTO user_recovery_codes (user_id, code_hash, created_at) SELECT $1, unnest($2::text[]), $3`, [
      userId,
      codes.map((code) => sha256Hex(normaliseRecoveryCode(code))),
      this.clock.now(),
    ]);
    return codes;
  }

  private async assertionOptions(userId: string) {
    const passkeys = await this.dataSource.query<{ credential_id: string; transports: string[] }[]>(
      `SELECT credential_id, transports FROM user_passkeys WHERE user_id = $1`,
      [userId],
    );
    if (passkeys.length === 0) return null;
    return generateAuthenticationOptions({
      rpID: relyingParty(this.config).rpId,
      allowCredentials: passkeys.map((p) => ({ id: p.credential_id, transports: p.transports })),
      userVerification: 'preferred',
    });
  }

  /** Verifies an assertion by one of the user's passkeys against the expected challenge; moves its counter. */
  private async verifyAssertion(manager: EntityManager, response: Record<string, unknown>, expectedChallenge: string, userId: string): Promise<boolean> {
    const credentialId = typeof response.id === 'string' ? response.id : '';
    const [passkey] = await manager.query<PasskeyRow[]>(
      `SELECT id, user_id, credential_id, public_key, counter, transports FROM user_passkeys WHERE credential_id = $1 AND user_id = $2 FOR UPDATE`,
      [credentialId, userId],
    );
    if (!passkey) return false;
    const { origin, rpId } = relyingParty(this.config);
    const result = await verifyAuthenticationResponse({
      response: response as unknown as AuthenticationResponseJSON,
      expectedChallenge,
      expectedOrigin: origin,
      expectedRPID: rpId,
      credential: {
        id: passkey.credential_id,
        publicKey: new Uint8Array(passkey.public_key),
        counter: Number(passkey.counter),
        transports: passkey.transports,
      },
      requireUserVerification: false,
    }).catch(() => ({ verified: false as const, authenticationInfo: undefined }));
    if (!result.verified || !result.authenticationInfo) return false;
    await manager.query(`UPDATE user_passkeys SET counter = $2, last_used_at = $3 WHERE id = $1`, [
      passkey.id,
      result.authenticationInfo.newCounter,
      this.clock.now(),
    ]);
    return true;
  }

  private async passkeys(userId: string): Promise<PasskeyView[]> {
    const rows = await this.dataSource.query<PasskeyDbView[]>(`SELECT ${PASSKEY_COLUMNS} FROM user_passkeys WHERE user_id = $1 ORDER BY created_at, id`, [
      userId,
    ]);
    return rows.map(passkeyView);
  }

  /** A challenge token for the client; only its hash is stored. */
  private async newChallenge(
    manager: EntityManager,
    purpose: ChallengePurpose,
    userId: string | null,
    sessionId: string | null,
    webauthnChallenge: string | null,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    // Expired challenges of the same user go when a new one is made; they could never be used anyway.
    await manager.query(`DELETE FROM mfa_challenges WHERE expires_at < $1 AND (user_id = $2 OR user_id IS NULL)`, [now, userId]);
    await manager.query(
      `INSERT INTO mfa_challenges (token_hash, purpose, user_id, session_id, webauthn_challenge, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [sha256Hex(token), purpose, userId, sessionId, webauthnChallenge, new Date(now.getTime() + MFA_CHALLENGE_MINUTES * 60_000), now],
    );
    return token;
  }

  /** The live challenge (locked), or undefined when unknown, of another purpose, used or expired. */
  private async peekChallenge(manager: EntityManager, token: string, purpose: ChallengePurpose): Promise<ChallengeRow | undefined> {
    const [row] = await manager.query<ChallengeRow[]>(
      `SELECT user_id, session_id, webauthn_challenge, expires_at, used_at FROM mfa_challenges WHERE token_hash = $1 AND purpose = $2 FOR UPDATE`,
      [sha256Hex(token), purpose],
    );
    if (!row || row.used_at || row.expires_at <= this.clock.now()) return undefined;
    return row;
  }

  /** Peeks and marks used at once: for ceremonies where a failure needs a new challenge anyway. */
  private async takeChallenge(manager: EntityManager, token: string, purpose: ChallengePurpose): Promise<ChallengeRow | undefined> {
    const row = await this.peekChallenge(manager, token, purpose);
    if (row) await this.markUsed(manager, token);
    return row;
  }

  private async markUsed(manager: EntityManager, token: string): Promise<void> {
    await manager.query(`UPDATE mfa_challenges SET used_at = $2 WHERE token_hash = $1`, [sha256Hex(token), this.clock.now()]);
  }
}

interface PasskeyDbView {
  id: string;
  name: string;
  version: number;
  created_at: Date;
  last_used_at: Date | null;
}

const PASSKEY_COLUMNS = 'id, name, version, created_at, last_used_at';

const passkeyView = (row: PasskeyDbView): PasskeyView => ({
  id: row.id,
  name: row.name,
  version: row.version,
  createdAt: row.created_at.toISOString(),
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
});

const actorOf = (principal: Principal) => ({ userId: principal.userId, organisationId: principal.organisationId });

export type { SecondFactor };

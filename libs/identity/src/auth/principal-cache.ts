import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Principal } from '@samverkan/access';
import { afterCommit, AppConfig, Clock, REDIS } from '@samverkan/platform';
import type { Redis } from 'ioredis';
import type { EntityManager } from 'typeorm';

/** Every principal at once: for changes that reach many users (an organisation, unit or collaboration). */
export const EVERY_PRINCIPAL = '*';

// One hash tag, so that a Redis Cluster keeps the user's epoch and the global one in one slot (MGET).
const userKey = (userId: string) => `{principal}:u:${userId}`;
const EVERYONE_KEY = '{principal}:all';
// An epoch nobody bumps for a day may go: a reader then sees it missing, which differs from the
// value it cached with, and reloads once.
const EPOCH_TTL_SECONDS = 24 * 3600;
const MAX_ENTRIES = 10_000;
const RETRY_MS = 1_000;

interface Entry {
  principal: Principal;
  epochs: string;
  expiresAt: number;
}

/**
 * The principals this process loaded, kept while nothing they hold has changed (#19: the principal
 * query was the largest part of an authenticated request). Revocation stays immediate in every
 * process: each write that changes what a principal holds (a user, a membership, a session, a step-up,
 * a unit, organisation or collaboration) replaces the user's epoch in Redis after it commits, awaited
 * before the request answers (`changed`, the one place); every request reads the user's and the global
 * epoch (one MGET) and uses its cached principal only if both are as when it was loaded.
 *
 * Backstops: an entry lives at most PRINCIPAL_CACHE_TTL_MS, and never past the next valid_from or
 * valid_until of the user's memberships. With Redis unreachable there is no cache (PostgreSQL answers
 * every request); a bump that failed is owed, and this process reads PostgreSQL until it has bumped
 * the global epoch, so no process keeps what it missed. Epochs are random, never counted, so a Redis
 * that lost its data cannot come back with an old value.
 */
@Injectable()
export class PrincipalCache implements OnApplicationShutdown {
  private readonly logger = new Logger(PrincipalCache.name);
  private readonly entries = new Map<string, Entry>();
  private owed = false;
  private retry?: NodeJS.Timeout;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private get enabled(): boolean {
    return this.config.PRINCIPAL_CACHE_TTL_MS > 0;
  }

  /** The user's and the global epoch now, or undefined when Redis cannot say (then nothing is cached). */
  async epochs(userId: string): Promise<string | undefined> {
    if (!this.enabled || this.owed || this.redis.status !== 'ready') return undefined;
    try {
      const [user, everyone] = await this.redis.mget(userKey(userId), EVERYONE_KEY);
      return `${user ?? '-'}|${everyone ?? '-'}`;
    } catch {
      // Bumps may be passing this process by: nothing it holds can be trusted afterwards.
      this.entries.clear();
      return undefined;
    }
  }

  get(key: string, epochs: string): Principal | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.epochs === epochs && this.clock.now().getTime() < entry.expiresAt) return entry.principal;
    this.entries.delete(key);
    return undefined;
  }

  /** Keeps the principal loaded under `epochs` (read before it was loaded) until `nextChange` at the latest. */
  set(key: string, epochs: string, principal: Principal, nextChange: Date | null): void {
    const now = this.clock.now().getTime();
    const expiresAt = Math.min(now + this.config.PRINCIPAL_CACHE_TTL_MS, nextChange?.getTime() ?? Infinity);
    if (expiresAt <= now) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { principal: freeze(principal), epochs, expiresAt });
  }

  /**
   * The one place a change to what principals hold is announced: after the manager's transaction
   * commits (at once without one), the users' epochs (or the global one) are replaced, awaited before
   * the caller goes on. Call it in the transaction that changes users, memberships, auth_sessions,
   * units, organisations or collaborations.
   */
  async changed(manager: EntityManager, users: string | readonly string[]): Promise<void> {
    for (const user of typeof users === 'string' ? [users] : users) {
      await afterCommit(manager, 'principal-epochs', user, (ids) => this.bump(ids));
    }
  }

  /** Replaces the epochs of these users (EVERY_PRINCIPAL: of everyone); never throws. */
  async bump(users: readonly string[]): Promise<void> {
    const everyone = users.includes(EVERY_PRINCIPAL);
    // This process forgets at once, whatever Redis says.
    if (everyone) this.entries.clear();
    else for (const key of this.entries.keys()) if (users.includes(key.slice(0, key.indexOf('|')))) this.entries.delete(key);
    const keys = everyone ? [EVERYONE_KEY] : [...new Set(users)].map(userKey);
    try {
      const batch = this.redis.multi();
      for (const key of keys) batch.set(key, randomUUID(), 'EX', EPOCH_TTL_SECONDS);
      const results = await batch.exec();
      const failed = results?.find(([error]) => error)?.[0];
      if (!results || failed) throw failed ?? new Error('transaction discarded');
    } catch (error) {
      this.logger.error(`could not announce a principal change (${(error as Error).message}); reading PostgreSQL until it is announced to all`);
      this.owe();
    }
  }

  /** Until the global epoch is replaced, other processes may hold what this one could not revoke. */
  private owe(): void {
    this.owed = true;
    this.entries.clear();
    if (this.retry) return;
    const attempt = async () => {
      try {
        await this.redis.set(EVERYONE_KEY, randomUUID(), 'EX', EPOCH_TTL_SECONDS);
        this.owed = false;
        this.retry = undefined;
        this.logger.log('principal changes announced again');
      } catch {
        this.retry = setTimeout(() => void attempt(), RETRY_MS);
        this.retry.unref();
      }
    };
    this.retry = setTimeout(() => void attempt(), RETRY_MS);
    this.retry.unref();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.retry);
  }
}

/** Shared by every request that hits the cache: nobody may change it. */
function freeze(principal: Principal): Principal {
  for (const membership of principal.memberships) Object.freeze(membership.collaborationIds);
  principal.memberships.forEach((m) => Object.freeze(m));
  Object.freeze(principal.memberships);
  if (principal.session) Object.freeze(principal.session);
  return Object.freeze(principal);
}

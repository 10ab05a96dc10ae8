import { Injectable } from '@nestjs/common';
import { AppConfig, invalidField } from '@samverkan/platform';
import argon2 from 'argon2';
import { type PasswordOwner, passwordProblem } from './password-rules.js';

/**
 * argon2id at OWASP's recommended configuration (Password Storage Cheat Sheet: m = 19 MiB, t = 2,
 * p = 1). The library's default (64 MiB, 3 passes, 4 lanes) made each sign-in take 64 MiB outside
 * the heap: four at once (libuv's thread pool) put an api process 256 MB over its memory limit, and
 * one put it over the 250 MB goal of #19. Older hashes keep their own parameters (they are in the
 * hash) and are re-hashed at the next successful sign-in (PasswordService.needsRehash).
 */
const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2);
}

@Injectable()
export class PasswordService {
  private dummyHash?: Promise<string>;

  constructor(private readonly config: AppConfig) {}

  /**
   * Refuses, as a 400 on `field`, a new password that is too simple, common or published (the
   * demo password, also as configured in SEED_PASSWORD), or built from the owner's name or address
   * (password-rules.ts). Call it wherever a password is set or changed through the api.
   */
  assertAcceptable(password: string, owner: PasswordOwner, field = 'password'): void {
    const problem = passwordProblem(password, owner, [this.config.SEED_PASSWORD]);
    if (!problem) return;
    throw invalidField(
      field,
      problem === 'too_simple' ? 'password.too_simple' : problem === 'too_common' ? 'password.too_common' : 'password.contains_personal_data',
    );
  }

  hash(password: string): Promise<string> {
    return hashPassword(password);
  }

  verify(hash: string, password: string): Promise<boolean> {
    return argon2.verify(hash, password).catch(() => false);
  }

  /** Whether a hash was made with other parameters than today's (ARGON2), so it should be replaced. */
  needsRehash(hash: string): boolean {
    try {
      return argon2.needsRehash(hash, ARGON2);
    } catch {
      return true;
    }
  }

  /**
   * Spends the same time as a real check when there is no user to check against, so response
   * times do not reveal which e-mail addresses have accounts.
   */
  async verifyAgainstNothing(password: string): Promise<false> {
    this.dummyHash ??= hashPassword('no-such-user-placeholder');
    await this.verify(await this.dummyHash, password);
    return false;
  }
}

import { Injectable } from '@nestjs/common';
import { AppConfig, invalidField } from '@samverkan/platform';
import argon2 from 'argon2';
import { type PasswordOwner, passwordProblem } from './password-rules.js';

/** argon2id with the library's defaults (64 MiB, 3 passes, 4 lanes) — OWASP's recommended floor. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
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

import type { FieldCipher } from '@samverkan/platform';
import type { SignerRole } from './youth-rules.js';

/**
 * The field name sealed consent signers are encrypted under (the associated data of FieldCipher):
 * migrations/…-SealConsentSigners spells the same name out for the rows it converted.
 */
export const SIGNERS_FIELD = 'youth_consent.signers';

export interface ConsentSigner {
  name: string;
  role: SignerRole;
}

/**
 * Who signed a consent names a young person and their guardians: stored only encrypted, like the
 * subject's own name (README: names of young people are kept only sealed; issue #15). The list is
 * sealed whole, roles included, so nothing about who signed is readable at rest.
 */
export function sealSigners(cipher: FieldCipher, signers: readonly ConsentSigner[]): Buffer {
  return cipher.encrypt(SIGNERS_FIELD, JSON.stringify(signers.map(({ name, role }) => ({ name: name.trim(), role }))));
}

export function openSigners(cipher: FieldCipher, sealed: Buffer, keyId: string): ConsentSigner[] {
  return JSON.parse(cipher.decrypt(SIGNERS_FIELD, sealed, keyId)) as ConsentSigner[];
}

/** A consent row as read: its signers still sealed. */
export interface SealedSigners {
  key_id: string;
  signers_sealed: Buffer;
}

/** The row with its signers opened, the sealed columns gone. */
export function withSigners<T extends SealedSigners>(cipher: FieldCipher, row: T): Omit<T, keyof SealedSigners> & { signers: ConsentSigner[] } {
  const { key_id, signers_sealed, ...rest } = row;
  return { ...rest, signers: openSigners(cipher, signers_sealed, key_id) };
}

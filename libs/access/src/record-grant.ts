export type GranteeType = 'user' | 'unit' | 'organisation';
export type GrantEffect = 'grant' | 'deny';

/** Allows or denies one user, unit or organisation some actions on one record, for a while. */
export interface RecordGrant {
  id: string;
  resourceType: string;
  resourceId: string;
  granteeType: GranteeType;
  granteeId: string;
  effect: GrantEffect;
  actions: string[];
  reason: string;
  grantedBy: string;
  validFrom: Date;
  validUntil: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
  createdAt: Date;
}

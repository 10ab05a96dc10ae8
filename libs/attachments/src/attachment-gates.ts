import { Injectable } from '@nestjs/common';
import type { Principal } from '@samverkan/access';
import type { EntityManager } from 'typeorm';

/** The records files may be attached to (issue #21); each type's own lib decides who sees and changes them. */
export const ATTACHMENT_RECORD_TYPES = ['youth_case', 'inspection', 'sanction_case', 'operation', 'finding'] as const;
export type AttachmentRecordType = (typeof ATTACHMENT_RECORD_TYPES)[number];

/** What a principal may see of one record's attachments. */
export interface AttachmentAccess {
  /**
   * The information categories whose attachments the principal sees, or null for all of them
   * (record types without categories, and the owner of a youth case).
   */
  categories: readonly string[] | null;
  /** The organisation the record belongs to, for the audit trail. */
  organisationId?: string | null;
}

/**
 * A record type's rule for attachments, given by the lib that owns the record (libs/youth,
 * libs/inspections, ...): the record's own read and update rules, so attachments never widen them.
 * Both answer 404 for a record the principal may not see; `write` 403 or 409 as the record's own
 * changes do.
 */
export interface AttachmentGate {
  readonly recordType: AttachmentRecordType;
  /** The information categories an attachment must carry one of; undefined: this type has none. */
  readonly categories?: readonly string[];
  read(principal: Principal, recordId: string): Promise<AttachmentAccess>;
  write(principal: Principal, recordId: string): Promise<AttachmentAccess>;
  /** Something was added to or removed from the record, inside the transaction (a youth case counts retention from it). */
  written?(manager: EntityManager, recordId: string): Promise<void>;
}

/**
 * The gates of every record type. A lib registers its gate when its module starts; the
 * attachments lib never imports the record libs (they import it), so the lib graph has no cycle.
 */
@Injectable()
export class AttachmentGates {
  private readonly gates = new Map<AttachmentRecordType, AttachmentGate>();

  register(gate: AttachmentGate): void {
    this.gates.set(gate.recordType, gate);
  }

  of(recordType: AttachmentRecordType): AttachmentGate {
    const gate = this.gates.get(recordType);
    // A programming error (a lib that did not register), not the caller's: a 500.
    if (!gate) throw new Error(`No attachment gate for ${recordType}`);
    return gate;
  }
}

import type { ChainBreakKind, VerificationKind } from './audit.dto.js';

/** Where a verification run starts: after event `fromEventId`, whose hash is `fromHash`, with `baseEvents` events before it verified. */
export interface VerificationStart {
  fromEventId: string;
  fromHash: string;
  baseEvents: number;
}

/** The newest completed run, as far as where the next incremental run starts is concerned. */
export interface CompletedCheckpoint {
  lastEventId: string;
  lastHash: string;
  baseEvents: number;
  checkedEvents: number;
}

/** The start of the chain: nothing before the first event, whose link is the empty hash. */
export const CHAIN_START: VerificationStart = { fromEventId: '0', fromHash: '', baseEvents: 0 };

/**
 * A full run checks the whole chain from its first event: the only way to find an old event altered
 * after it was verified. An incremental run starts at the newest completed run's checkpoint (the last
 * event it verified and that event's hash), so it checks only what was written since. A run that
 * found a break has its checkpoint just before the break, so the next incremental run finds it again:
 * the trail is append-only and a break never heals.
 */
export function verificationStart(kind: VerificationKind, last: CompletedCheckpoint | null): VerificationStart {
  if (kind === 'full' || !last) return CHAIN_START;
  return { fromEventId: last.lastEventId, fromHash: last.lastHash, baseEvents: last.baseEvents + last.checkedEvents };
}

/** Why an event breaks the chain, checked in this order: its own contents first, then its link to the event before. */
export function chainBreak(hashOk: boolean, linkOk: boolean): { kind: ChainBreakKind; reason: string } | null {
  if (!hashOk) return { kind: 'contents', reason: 'its contents do not match its hash (the event was altered)' };
  if (!linkOk) return { kind: 'link', reason: 'its link to the previous event does not match (an event before it was removed, altered or inserted)' };
  return null;
}

/** The checkpoint an incremental run starts from is itself checked first: the event must still be there with the hash verified then. */
export function checkpointBreak(fromEventId: string, fromHash: string, actualHash: string | null): { kind: ChainBreakKind; reason: string } | null {
  if (fromEventId === '0' || actualHash === fromHash) return null;
  return {
    kind: 'link',
    reason:
      actualHash === null
        ? `event ${fromEventId}, verified last time, is gone (events were removed)`
        : `event ${fromEventId} no longer has the hash verified last time (the trail was rewritten)`,
  };
}

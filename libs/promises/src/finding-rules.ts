import { type FieldError, fieldError } from '@samverkan/platform';
import type { FindingStatus } from './vocabulary.js';

/** Where a finding may go from each status; done and rejected are final. */
export const FINDING_TRANSITIONS: Record<FindingStatus, readonly FindingStatus[]> = {
  open: ['in_progress', 'done', 'rejected'],
  in_progress: ['open', 'done', 'rejected'],
  done: [],
  rejected: [],
};

export interface FindingChange {
  status?: FindingStatus;
  resolution?: string;
}

/**
 * Judges a change of a finding: the status it ends in and what is wrong with the request.
 * Done needs what was done and rejected needs why (`resolution`); a resolution is kept only then.
 */
export function findingStatusChange(
  before: { status: FindingStatus; resolution: string | null },
  change: FindingChange,
): { status: FindingStatus; resolution: string | null; errors: FieldError[] } {
  const status = change.status ?? before.status;
  if (before.status === 'done' || before.status === 'rejected') {
    return { status: before.status, resolution: before.resolution, errors: [fieldError('status', 'finding.final', { status: before.status })] };
  }
  const errors: FieldError[] = [];
  if (status !== before.status && !FINDING_TRANSITIONS[before.status].includes(status)) {
    errors.push(fieldError('status', 'finding.transition', { from: before.status, to: status }));
  }
  const closing = status === 'done' || status === 'rejected';
  const resolution = closing ? (change.resolution?.trim() ?? '') : '';
  if (closing && resolution.length === 0) {
    errors.push(fieldError('resolution', 'finding.resolution_required', { change: status === 'done' ? 'mark it done' : 'reject it' }));
  }
  return { status, resolution: closing ? resolution : null, errors };
}

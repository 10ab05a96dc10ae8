import { problem } from './define.js';

/** Refusals of libs/audit, and its own field checks (see define.ts: problem(), field()). */
export const AUDIT_CODES = {
  'audit.verification_running': problem(
    409,
    'A full verification of the audit chain is already waiting or running (run {runId}); its progress is shown as it goes.',
    {
      runId: 'the id of the verification run already waiting or running',
    },
  ),
} as const;

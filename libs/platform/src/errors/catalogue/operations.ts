import { field, problem } from './define.js';

/** Refusals of libs/operations: police operations against drug sales, their summaries and referrals. */
export const OPERATIONS_CODES = {
  'operation.not_running': problem(409, 'The outcome is recorded while the operation is executing or completed, not {status}.', {
    status: 'the operation’s status',
  }),
  'operation.not_reported': problem(409, 'Only a reported outcome can be released; the operation is {status}.', { status: 'the operation’s status' }),
  'operation.summary_released': problem(409, 'The summary of this operation is already released.'),
  'licensing_referral.acknowledged': problem(409, 'The referral is already acknowledged.'),

  'operation.collaboration_not_yours': field('You propose operations only in your own police area’s collaborations.'),
  'operation.commitment_not_of_promise': field('{field} is not a commitment of this collaboration’s promise.'),
  'operation.premises_outside': field('Every premises must be in the collaboration.'),
  'operation.reason_required': field('{field} is required to cancel (e.g. the intelligence was not sufficient).'),
  'operation.outcome_missing': field('Record the outcome before reporting it.'),
  'operation.seizure_unit': field('{substance} is counted in {units}.', { substance: 'the substance', units: 'the units it is counted in' }),
  'operation.participant_not_officer': field('Participants are active officers of the police area.'),
  'operation.unit_not_of_police_area': field('Participating units belong to the police area.'),
  'licensing_referral.premises_unknown': field('{field} names no licensed premises in the operation’s collaboration.'),
  'operation.place_unknown': field('{field} is not a named place of the operation’s collaboration.'),
} as const;

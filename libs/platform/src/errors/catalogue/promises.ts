import { field, problem } from './define.js';

/** Refusals of libs/promises: promises, commitments, actions, activities and follow-ups. */
export const PROMISES_CODES = {
  'promise.not_draft': problem(409, 'Only a draft promise can be deleted.'),
  'promise.party_only': problem(403, 'Only the {party} may change its own commitments and actions; joint ones either party.', {
    party: 'joint, police or municipality: whose commitment it is',
  }),
  'commitment.in_use': problem(409, 'The commitment has actions or activities; it cannot be deleted.'),
  'follow_up.exists': problem(409, 'There is already a follow-up for that period.'),
  'follow_up.frozen': problem(409, 'The follow-up is approved and frozen.'),
  'follow_up.already_approved': problem(409, 'Your side has already approved this follow-up.'),
  'follow_up.not_a_party': problem(403, 'Only the police or the municipality of the collaboration may approve.'),
  'place.in_use': problem(409, 'Findings or activities are recorded at this place; it cannot be deleted.'),

  'promise.year_outside_period': field('{field} must be within the promise period ({periodStart} – {periodEnd}).', {
    periodStart: 'first day of the promise',
    periodEnd: 'last day of the promise',
  }),
  'promise.problem_area_unknown': field('{field} is not a problem area of this promise.'),
  'follow_up.commitment_unknown': field('{field} is not a commitment of this follow-up.'),
  'action.final': field('The action is {status}; reopen it (with a statusReason) before changing it.', { status: 'done or cancelled' }),
  'action.reason_required': field('{field} is required to {change}.', { change: 'reopen, or set blocked/cancelled' }),
  'action.responsible_not_party': field('{field} must be a party of the collaboration.'),
  'action.unit_not_of_organisation': field('{field} must be a unit of the responsible organisation.'),
  'action.user_not_of_organisation': field('{field} must be an active user of the responsible organisation.'),
  'activity.not_reporting_here': field('You do not report on actions in this collaboration.'),
  'activity.action_not_of_commitment': field('{field} is not an action of this commitment.'),
  'activity.metric_name': field('{field} must have a snake_case name.'),
  'activity.metric_count': field('{field} must be a whole number ≥ 0.'),
  'activity.action_closed': field('{field}: the action is done or cancelled; nothing more is recorded on it.'),
  'activity.outside_period': field('{field} must be within the promise’s period, {periodStart} – {periodEnd}.', {
    periodStart: 'first day',
    periodEnd: 'last day',
  }),
  'activity.participant_not_in_collaboration': field('{field}: an organisation that is neither a party nor a partner of the collaboration.'),
  'activity.place_unknown': field('{field} is not a named place of the collaboration.'),
  'place.name_taken': field('{field}: the collaboration already has a place with that name.'),
  'place.position_pair': field('{field}: give both latitude and longitude, or neither.'),
  'finding.not_recording_here': field('You do not record findings in this collaboration.'),
  'finding.place_required': field('{field}: choose a named place or give a position (latitude and longitude).'),
  'finding.place_unknown': field('{field} is not a named place of this collaboration.'),
  'finding.activity_unknown': field('{field} is not an activity of this promise.'),
  'finding.final': field('The finding is {status}; it can no longer be changed.', { status: 'done or rejected' }),
  'finding.transition': field('{field}: a finding cannot go from {from} to {to}.', { from: 'the current status', to: 'the requested status' }),
  'finding.resolution_required': field('{field} is required to {change}.', { change: 'mark it done (what was done) or rejected (why)' }),
} as const;

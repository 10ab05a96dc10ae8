import { field, problem } from './define.js';

/** Refusals of libs/inspections: licensing, inspections, sanctions and supervision (Alkohollagen 2010:1622). */
export const INSPECTIONS_CODES = {
  'licence_holder.exists': problem(409, 'A licence holder with organisation number {orgNumber} is already registered.', {
    orgNumber: 'the organisation number',
  }),
  'licence_holder.licensing_officer_only': problem(403, 'Only a municipal licensing officer registers licence holders.'),
  'premises.in_use': problem(409, 'The premises have {licences} licence(s) and {inspections} inspection(s) on record and cannot be deleted.', {
    licences: 'licences on record',
    inspections: 'inspections on record',
  }),
  'inspection.inspector_booked': problem(409, '{inspector} is already booked for an inspection of {premises} from {start} to {end}.', {
    inspector: 'the inspector’s name',
    premises: 'the premises of the other inspection',
    start: 'when the other inspection starts (ISO 8601)',
    end: 'when it ends (ISO 8601)',
  }),
  'inspection.booked_meanwhile': problem(409, 'An inspector was booked at an overlapping time meanwhile; reload and try again.'),
  'inspection.premises_clash': problem(409, 'The premises {premises} already have an inspection from {start} to {end}.', {
    premises: 'the premises',
    start: 'when the other inspection starts (ISO 8601)',
    end: 'when it ends (ISO 8601)',
  }),
  'premises_tip.acknowledged': problem(409, 'The tip is already acknowledged.'),
  'inspection.closed_for_findings': problem(409, 'Findings cannot change once the inspection is {status}.', { status: 'the inspection’s status' }),
  'restaurant_report.submitted': problem(409, 'The report is already submitted.'),
  'sanction.decided': problem(409, 'The case is already decided.'),
  'inspection.not_performed': problem(409, 'The inspection report is issued once the inspection is performed; it is {status}.', {
    status: 'the inspection’s status',
  }),
  'sanction.decision_missing': problem(409, 'The decision letter is issued once the case is decided.'),
  'supervision_plan.exists': problem(409, 'There is already a supervision plan for {year}; edit it instead.', { year: 'the plan’s year' }),

  'inspection.inspector_not_eligible': field('Every inspector must be an active user of the police or the municipality.'),
  'inspection.coordinated_needs_both': field('A coordinated inspection needs at least one police and one municipal inspector.'),
  'inspection.licence_not_of_premises': field('{field} is not a licence of these premises.'),
  'inspection.item_not_on_checklist': field('{field} is not on this inspection’s checklist.'),
  'inspection.escalation_needs_licence': field(
    'Escalation opens a sanction case on a licence: set the inspection’s licence first (the premises have none or several active ones).',
  ),
  'inspection.reason_required': field('{field} is required to cancel.'),
  'photo.too_many': field('At most {max} photos per checklist item.', { max: 'photos allowed per item' }),
  'checklist.key_repeated': field('{field}: each key appears once.'),
  'premises.collaboration_fixed': field('Premises cannot move to another collaboration.'),
  'premises.kitchen_needed': field('An active permanent licence to the public requires an own kitchen (AL 8 kap 15 §).'),
  'licence.holder_elsewhere': field('The holder is registered with another municipality.'),
  'licence.kitchen_required': field('A permanent licence to the public requires premises with their own kitchen (AL 8 kap 15 §).'),
  'licence.serving_manager_age': field('A serving manager must be at least {minAge} years old (AL 8 kap 14 §).', { minAge: 'the lowest age, 20' }),
  'licence.revoked_by_sanction_only': field('A licence is revoked only by a sanction decision (återkallelse).'),
  'licence.weekday': field('{field} is not a weekday (mon…sun).'),
  'licence.serving_hours': field('{field} needs from and to as HH:MM.'),
  'org_number.invalid': field('{field} must be a valid Swedish organisation number (NNNNNN-NNNN).'),
  'sanction.inspection_not_of_premises': field('Every inspection must be of the licensed premises.'),
  'sanction.not_heard': field('The licence holder must be heard (kommunicering, FL 25 §) before the decision.'),
  'sanction.awaiting_response': field('The holder may answer the hearing until {dueOn}: decide once the answer is in or that day has passed (FL 25 §).', {
    dueOn: 'the last day to answer',
  }),
  'inspection.tip_not_of_premises': field('{field} is not a tip about these premises.'),
  'sanction.hearing_answered': field('The holder has answered this hearing; it no longer changes.'),
  'sanction.already_heard': field('The hearing has been sent with the sanction it named; to consider another, open a new case and hear the holder on it.'),
  'sanction.harsher_than_heard': field('The hearing named {consideredSanction}; a harsher decision needs a hearing on it first (FL 25 §).', {
    consideredSanction: 'the sanction the hearing named (erinran, varning, aterkallelse)',
  }),
  'restaurant_report.figure': field('{field} must be a number ≥ 0.'),
  'restaurant_report.unknown_figure': field('{field} is not a figure of the restaurant report (litres of spirits, wine, strong beer, other fermented drinks).'),
  'licence.serving_manager_not_notified': field('{field}: a serving manager is notified to the municipality on or before today (AL 8 kap 14 §).'),
} as const;

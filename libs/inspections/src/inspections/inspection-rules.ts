/**
 * The rules of an inspection (tillsyn, AL 9 kap 2 §) in one place: its status path and what each
 * step sets off, who may be booked as an inspector, what a booking, a cancellation and an
 * escalation need. Pure: the services load what a rule needs, call it, and throw the field errors
 * it returns.
 */
import { type Permission, ROLE_NAMES, roleScope } from '@samverkan/access';
import { addDays, type FieldError, fieldError, formatDay, stockholmDate, stockholmMidnight } from '@samverkan/platform';

export const INSPECTION_TYPES = ['external', 'internal', 'coordinated', 'preventive'] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];

export const INSPECTION_STATUSES = ['planned', 'performed', 'attempted', 'report_sent', 'response_received', 'closed', 'escalated', 'cancelled'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

// ---- the status path -----------------------------------------------------------------------

/** The path of an inspection; an attempted visit (nobody there) is closed without counting as performed. */
export const INSPECTION_TRANSITIONS: Record<InspectionStatus, readonly InspectionStatus[]> = {
  planned: ['performed', 'attempted', 'cancelled'],
  performed: ['report_sent', 'escalated'],
  attempted: ['closed'],
  report_sent: ['response_received', 'closed', 'escalated'],
  response_received: ['closed', 'escalated'],
  escalated: ['closed'],
  closed: [],
  cancelled: [],
};

/** Cancelling is part of planning; every other step is part of carrying the inspection out. */
export function transitionPermission(to: InspectionStatus): Extract<Permission, 'inspection:plan' | 'inspection:perform'> {
  return to === 'cancelled' ? 'inspection:plan' : 'inspection:perform';
}

/** Whether an inspection may move from `from` to `to`: the path allows the step, and a cancellation gives its reason. */
export function transitionErrors(from: InspectionStatus, to: InspectionStatus, reason: string | undefined): FieldError[] {
  if (!INSPECTION_TRANSITIONS[from].includes(to)) return [fieldError('to', 'status.transition', { from, to })];
  if (to === 'cancelled' && !reason) return [fieldError('reason', 'inspection.reason_required')];
  return [];
}

/**
 * Only a performed visit counts: toward the promise's commitment on inspections (#4), in the
 * statistics and as the premises' last visit. An attempted one (nobody there) never does.
 */
export function countsAsPerformed(to: InspectionStatus): boolean {
  return to === 'performed';
}

/** Findings (and their photos) change while the inspection is planned or performed; once the report has gone to the holder the protocol is fixed. */
export const FINDINGS_OPEN_STATUSES: readonly InspectionStatus[] = ['planned', 'performed'];

export function isOpenForFindings(status: InspectionStatus): boolean {
  return FINDINGS_OPEN_STATUSES.includes(status);
}

/** An escalated inspection opens a sanction case on the licence. */
export function opensSanctionCase(to: InspectionStatus): boolean {
  return to === 'escalated';
}

// ---- the holder's response to the report -----------------------------------------------------

/** Days the licence holder has to respond to the inspection report (a deadline in the reminder engine). */
export const HOLDER_RESPONSE_DAYS = 14;
export const HOLDER_RESPONSE_DEADLINE = 'licence_holder_response';

/** Sending the report opens the holder's response deadline. */
export function opensHolderResponse(to: InspectionStatus): boolean {
  return to === 'report_sent';
}

/** The response deadline runs to the end of the 14th day after the report was sent, Swedish time: that day. */
export function holderResponseDueOn(sentAt: Date): string {
  return addDays(stockholmDate(sentAt), HOLDER_RESPONSE_DAYS);
}

/** The instant the response deadline passes: the midnight after its last day. */
export function holderResponseDueAt(sentAt: Date): Date {
  return stockholmMidnight(addDays(holderResponseDueOn(sentAt), 1));
}

/** How a step ends the holder's response deadline: met by the response, cancelled by closing or escalating; null leaves it. */
export function holderResponseClosing(to: InspectionStatus): 'met' | 'cancelled' | null {
  if (to === 'response_received') return 'met';
  return to === 'closed' || to === 'escalated' ? 'cancelled' : null;
}

// ---- booking ---------------------------------------------------------------------------------

/** The roles whose holders perform inspections, read from the role catalogue (whom the booking offers). */
export const INSPECTOR_ROLES = ROLE_NAMES.filter((role) => roleScope(role, 'inspection:perform') !== undefined);

/** Inspectors come from the police and the municipality of the collaboration. */
export const INSPECTOR_ORGANISATION_KINDS = ['police', 'municipality'] as const;

export interface InspectorCandidate {
  id: string;
  /** The kind of their organisation. */
  kind: string;
  active: boolean;
}

/** Who may be booked on an inspection: an active user of the police or of a municipality. */
export function isEligibleInspector(person: Pick<InspectorCandidate, 'kind' | 'active'>): boolean {
  return person.active && (INSPECTOR_ORGANISATION_KINDS as readonly string[]).includes(person.kind);
}

/** A booking ends after it starts. */
export function bookingTimeErrors(plannedStart: Date, plannedEnd: Date): FieldError[] {
  return plannedEnd <= plannedStart ? [fieldError('plannedEnd', 'date.after', { other: 'plannedStart' })] : [];
}

/** Statuses whose inspections hold their time at the premises: every one but a cancelled one. */
export function holdsPremisesTime(status: InspectionStatus): boolean {
  return status !== 'cancelled';
}

/**
 * Two inspections of the same premises never overlap in time (a second visit at the same hour is a
 * double booking, like an inspector's): the first of `others` (inspections of the same premises)
 * that holds its time and overlaps [start, end), or undefined. Times touching end to start do not
 * overlap. The database holds the same rule race-safely (constraint inspections_no_premises_clash).
 */
export function premisesClash<T extends { status: InspectionStatus; plannedStart: Date; plannedEnd: Date }>(
  start: Date,
  end: Date,
  others: readonly T[],
): T | undefined {
  return others.find((o) => holdsPremisesTime(o.status) && o.plannedStart < end && start < o.plannedEnd);
}

/**
 * A booking from a tip (or the police referral that recorded it) names a tip about the same
 * premises (`tipPremisesId`: the premises of the tip as found, null when there is none).
 */
export function bookingTipErrors(premisesId: string, tipPremisesId: string | null): FieldError[] {
  return tipPremisesId !== premisesId ? [fieldError('tipId', 'inspection.tip_not_of_premises')] : [];
}

/**
 * The inspectors of a booking: every one requested is eligible, and a coordinated inspection has
 * at least one police and one municipal inspector. `people` are the requested users as found.
 */
export function inspectorErrors(type: InspectionType, requestedIds: readonly string[], people: readonly InspectorCandidate[]): FieldError[] {
  const eligible = people.filter(isEligibleInspector);
  if (!requestedIds.every((id) => eligible.some((p) => p.id === id))) return [fieldError('inspectorIds', 'inspection.inspector_not_eligible')];
  if (type === 'coordinated' && !(eligible.some((p) => p.kind === 'police') && eligible.some((p) => p.kind === 'municipality'))) {
    return [fieldError('inspectorIds', 'inspection.coordinated_needs_both')];
  }
  return [];
}

// ---- the protocol ----------------------------------------------------------------------------

/** Findings are recorded only against items on the inspection's checklist. */
export function findingErrors(checklist: readonly { key: string }[] | null, findings: readonly { itemKey: string }[]): FieldError[] {
  const keys = new Set((checklist ?? []).map((item) => item.key));
  const unknown = findings.findIndex((f) => !keys.has(f.itemKey));
  return unknown >= 0 ? [fieldError(`findings[${unknown}].itemKey`, 'inspection.item_not_on_checklist')] : [];
}

/** A checklist template names each item (key) once. */
export function checklistTemplateErrors(items: readonly { key: string }[]): FieldError[] {
  const keys = items.map((i) => i.key);
  const repeated = keys.findIndex((k, i) => keys.indexOf(k) !== i);
  return repeated >= 0 ? [fieldError(`items[${repeated}].key`, 'checklist.key_repeated')] : [];
}

// ---- escalation ------------------------------------------------------------------------------

/**
 * The licence a sanction case opened by escalation concerns: the inspection's own, else the
 * premises' one active licence; null when that is not one (none or several).
 */
export function escalationLicence(inspectionLicenceId: string | null, activePremisesLicenceIds: readonly string[]): string | null {
  if (inspectionLicenceId) return inspectionLicenceId;
  return activePremisesLicenceIds.length === 1 ? activePremisesLicenceIds[0] : null;
}

/** The grounds of a sanction case opened by escalation: the remarks of the protocol, in Swedish. */
export function escalationGrounds(
  inspection: {
    premisesName: string;
    plannedStart: Date | string;
    checklist: readonly { key: string; label: string }[] | null;
    findings: readonly { itemKey: string; result: string; note: string }[];
  },
  reason: string | undefined,
): string {
  const labels = new Map((inspection.checklist ?? []).map((item) => [item.key, item.label]));
  const remarks = inspection.findings.filter((f) => f.result === 'remark').map((f) => `– ${labels.get(f.itemKey) ?? f.itemKey}${f.note ? `: ${f.note}` : ''}`);
  return [
    `Eskalerad efter tillsyn ${formatDay(stockholmDate(new Date(inspection.plannedStart)))} på ${inspection.premisesName}.`,
    remarks.length > 0 ? `Anmärkningar:\n${remarks.join('\n')}` : 'Inga anmärkningar i protokollet.',
    reason ? `Motivering: ${reason}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

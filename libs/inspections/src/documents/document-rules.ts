/**
 * When the documents of licence supervision (issue #21) may be issued, what they are filed under,
 * and the deadlines they print. Pure: the gates and templates load a record, call these, and throw
 * or print what they return. The legal texts themselves are in sanction-documents.ts.
 */
import { addDays, formatDay, stockholmDate } from '@samverkan/platform';
import { HOLDER_RESPONSE_DAYS, type InspectionStatus } from '../inspections/inspection-rules.js';
import { hearingResponseDueOn, type SanctionDecision } from '../sanctions/sanction-rules.js';

// ---- the inspection report (tillsynsrapport) -------------------------------------------------

/**
 * The report tells the holder what the protocol found, so it is issued once the protocol is done:
 * the visit performed (then sent, answered, closed or escalated). A planned visit has no findings
 * yet; an attempted or cancelled one has none to report.
 */
export const REPORTABLE_STATUSES: readonly InspectionStatus[] = ['performed', 'report_sent', 'response_received', 'closed', 'escalated'];

export function isReportable(status: InspectionStatus): boolean {
  return REPORTABLE_STATUSES.includes(status);
}

/** An inspection is filed under its premises and the day of the visit: "Hamnkrogen, tillsyn 20 maj 2021". */
export function inspectionReference(premisesName: string, plannedStart: Date | string): string {
  return `${premisesName}, tillsyn ${formatDay(stockholmDate(new Date(plannedStart)))}`;
}

/**
 * The last day for the holder to answer the report and to account for what was remedied: the same
 * HOLDER_RESPONSE_DAYS the response deadline counts (inspection-rules.ts), from the day the report
 * was sent, or — for a report not yet sent, issued to be sent — from the day it is dated.
 */
export function reportResponseDueOn(reportSentAt: Date | null, documentDate: string): string {
  return addDays(reportSentAt ? stockholmDate(reportSentAt) : documentDate, HOLDER_RESPONSE_DAYS);
}

// ---- the sanction case's letters -------------------------------------------------------------

/** The documents of a sanction case. */
export type SanctionDocumentKind = 'hearing_letter' | 'sanction_decision';

/**
 * Why `kind` cannot be issued from the case now, or null: 'decided' (the hearing is over) or
 * 'undecided' (no decision to write). The hearing letter (kommunicering, FL 25 §) is what is sent
 * to hear the holder, so it is issued while the case is undecided — before the hearing is recorded
 * as sent, and again after (a corrected letter). The decision letter needs the decision.
 */
export function sanctionDocumentRefusal(kind: SanctionDocumentKind, decision: SanctionDecision | null): 'decided' | 'undecided' | null {
  if (kind === 'hearing_letter') return decision === null ? null : 'decided';
  return decision === null ? 'undecided' : null;
}

/**
 * A sanction case has no number of its own (the diarienummer is the registry's): it is filed under
 * its premises and the day it was opened, "Sanktionsärende Hamnkrogen, 3 juni 2021".
 */
export function sanctionCaseReference(premisesName: string, proposedAt: Date | string): string {
  return `Sanktionsärende ${premisesName}, ${formatDay(stockholmDate(new Date(proposedAt)))}`;
}

/**
 * The last day to answer the hearing as the letter prints it: the deadline recorded with the
 * hearing, or — for a letter produced to be sent — the default deadline counted from the letter's
 * day (hearingResponseDueOn), which is what recording the hearing sent that day gives.
 */
export function hearingLetterDueOn(responseDueOn: string | null, documentDate: string): string {
  return responseDueOn ?? hearingResponseDueOn(documentDate);
}

// ---- the holder as addressee -----------------------------------------------------------------

/**
 * The recipient block of a letter to the licence holder: the holder's name, their contact person
 * ("Att: …") if one is registered, then the postal address as registered — one line per line or
 * comma ("Hamnvägen 2, 663 40 Hammarö" → two lines).
 */
export function holderRecipient(holder: { name: string; contactName?: string | null; address?: string | null }): string[] {
  const address = (holder.address ?? '')
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean);
  const contact = holder.contactName?.trim();
  return [holder.name, ...(contact ? [`Att: ${contact}`] : []), ...address];
}

/** Free text (grounds, reasons, an answer) as paragraphs: split at blank lines, empty ones left out. */
export function paragraphsOf(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

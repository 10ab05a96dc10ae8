import { describe, expect, it } from '@jest/globals';
import {
  bookingTimeErrors,
  bookingTipErrors,
  checklistTemplateErrors,
  countsAsPerformed,
  escalationGrounds,
  escalationLicence,
  findingErrors,
  holderResponseClosing,
  holderResponseDueAt,
  INSPECTION_STATUSES,
  INSPECTION_TRANSITIONS,
  INSPECTOR_ROLES,
  inspectorErrors,
  isEligibleInspector,
  isOpenForFindings,
  opensHolderResponse,
  opensSanctionCase,
  premisesClash,
  transitionErrors,
  transitionPermission,
} from './inspection-rules.js';

const codes = (errors: { field: string; code: string }[]) => errors.map((e) => `${e.field}: ${e.code}`);

describe('inspection rules', () => {
  describe('the status path', () => {
    it('goes planned → performed → report sent → response → closed, and nowhere from closed or cancelled', () => {
      expect(INSPECTION_TRANSITIONS.planned).toEqual(['performed', 'attempted', 'cancelled']);
      expect(INSPECTION_TRANSITIONS.performed).toEqual(['report_sent', 'escalated']);
      expect(INSPECTION_TRANSITIONS.report_sent).toEqual(['response_received', 'closed', 'escalated']);
      expect(INSPECTION_TRANSITIONS.closed).toEqual([]);
      expect(INSPECTION_TRANSITIONS.cancelled).toEqual([]);
    });

    it('only leads to statuses it knows', () => {
      for (const next of Object.values(INSPECTION_TRANSITIONS)) {
        for (const status of next) expect(INSPECTION_STATUSES).toContain(status);
      }
      expect(Object.keys(INSPECTION_TRANSITIONS).sort()).toEqual([...INSPECTION_STATUSES].sort());
    });

    it('closes an attempted visit without a report', () => {
      expect(INSPECTION_TRANSITIONS.attempted).toEqual(['closed']);
      expect(codes(transitionErrors('attempted', 'report_sent', undefined))).toEqual(['to: status.transition']);
    });

    it('refuses a step the path does not have, naming both ends', () => {
      expect(transitionErrors('closed', 'planned', undefined)).toEqual([
        expect.objectContaining({ field: 'to', code: 'status.transition', params: { from: 'closed', to: 'planned' } }),
      ]);
      expect(transitionErrors('planned', 'report_sent', undefined)).toHaveLength(1);
      expect(transitionErrors('planned', 'performed', undefined)).toEqual([]);
    });

    it('needs a reason to cancel, and only to cancel', () => {
      expect(codes(transitionErrors('planned', 'cancelled', undefined))).toEqual(['reason: inspection.reason_required']);
      expect(codes(transitionErrors('planned', 'cancelled', ''))).toEqual(['reason: inspection.reason_required']);
      expect(transitionErrors('planned', 'cancelled', 'Krögaren har stängt för säsongen.')).toEqual([]);
      expect(transitionErrors('performed', 'escalated', undefined)).toEqual([]);
    });

    it('lets planners cancel and inspectors take every other step', () => {
      expect(transitionPermission('cancelled')).toBe('inspection:plan');
      expect(transitionPermission('performed')).toBe('inspection:perform');
      expect(transitionPermission('escalated')).toBe('inspection:perform');
    });
  });

  describe('what a step sets off', () => {
    it('counts only a performed visit, never an attempted one', () => {
      expect(INSPECTION_STATUSES.filter(countsAsPerformed)).toEqual(['performed']);
    });

    it('keeps the protocol open while planned or performed, and fixed from the report on', () => {
      expect(INSPECTION_STATUSES.filter(isOpenForFindings)).toEqual(['planned', 'performed']);
      expect(isOpenForFindings('report_sent')).toBe(false);
    });

    it('opens the holder’s response deadline with the report and ends it on response, closing or escalation', () => {
      expect(INSPECTION_STATUSES.filter(opensHolderResponse)).toEqual(['report_sent']);
      expect(holderResponseClosing('response_received')).toBe('met');
      expect(holderResponseClosing('closed')).toBe('cancelled');
      expect(holderResponseClosing('escalated')).toBe('cancelled');
      expect(holderResponseClosing('performed')).toBeNull();
      expect(holderResponseClosing('report_sent')).toBeNull();
    });

    it('gives the holder until the end of the 14th day after the report, Swedish time', () => {
      // Sent 1 June 2022 at 10:00 in Stockholm: due at midnight ending 15 June (summer time, UTC+2).
      expect(holderResponseDueAt(new Date('2022-06-01T08:00:00Z')).toISOString()).toBe('2022-06-15T22:00:00.000Z');
      // Sent at 23:30 on 30 November in Stockholm (22:30 UTC, winter time): the Swedish date counts, due at midnight ending 14 December.
      expect(holderResponseDueAt(new Date('2022-11-30T22:30:00Z')).toISOString()).toBe('2022-12-14T23:00:00.000Z');
    });

    it('opens a sanction case on escalation only', () => {
      expect(INSPECTION_STATUSES.filter(opensSanctionCase)).toEqual(['escalated']);
    });
  });

  describe('booking', () => {
    const police = { id: 'p1', kind: 'police', active: true };
    const officer = { id: 'm1', kind: 'municipality', active: true };

    it('offers the roles that may perform inspections: licensing officers and police, not social services', () => {
      expect(INSPECTOR_ROLES).toContain('licensing_officer');
      expect(INSPECTOR_ROLES).toContain('police_officer');
      expect(INSPECTOR_ROLES).not.toContain('social_worker');
      expect(INSPECTOR_ROLES).not.toContain('org_admin');
    });

    it('books active people of the police or a municipality only', () => {
      expect(isEligibleInspector(police)).toBe(true);
      expect(isEligibleInspector(officer)).toBe(true);
      expect(isEligibleInspector({ kind: 'municipality', active: false })).toBe(false);
      expect(isEligibleInspector({ kind: 'county_board', active: true })).toBe(false);
    });

    it('refuses a booking with anyone not eligible or not found', () => {
      expect(codes(inspectorErrors('external', ['m1'], [officer]))).toEqual([]);
      expect(codes(inspectorErrors('external', ['m1', 'x'], [officer]))).toEqual(['inspectorIds: inspection.inspector_not_eligible']);
      expect(codes(inspectorErrors('external', ['m1', 'm2'], [officer, { id: 'm2', kind: 'municipality', active: false }]))).toEqual([
        'inspectorIds: inspection.inspector_not_eligible',
      ]);
    });

    it('needs police and municipality on a coordinated inspection', () => {
      expect(codes(inspectorErrors('coordinated', ['m1'], [officer]))).toEqual(['inspectorIds: inspection.coordinated_needs_both']);
      expect(codes(inspectorErrors('coordinated', ['p1'], [police]))).toEqual(['inspectorIds: inspection.coordinated_needs_both']);
      expect(inspectorErrors('coordinated', ['p1', 'm1'], [police, officer])).toEqual([]);
      expect(inspectorErrors('external', ['p1'], [police])).toEqual([]);
    });

    it('needs the booking to end after it starts', () => {
      const start = new Date('2022-06-17T19:00:00Z');
      expect(codes(bookingTimeErrors(start, start))).toEqual(['plannedEnd: date.after']);
      expect(codes(bookingTimeErrors(start, new Date('2022-06-17T18:00:00Z')))).toEqual(['plannedEnd: date.after']);
      expect(bookingTimeErrors(start, new Date('2022-06-17T21:30:00Z'))).toEqual([]);
    });
  });

  describe('the protocol', () => {
    const checklist = [
      { key: 'age_checks', label: 'Ålderskontroll' },
      { key: 'serving_hours', label: 'Serveringstiden följs' },
    ];

    it('takes findings only on the checklist’s items, naming the first stranger', () => {
      expect(findingErrors(checklist, [{ itemKey: 'age_checks' }, { itemKey: 'serving_hours' }])).toEqual([]);
      expect(codes(findingErrors(checklist, [{ itemKey: 'age_checks' }, { itemKey: 'karaoke' }, { itemKey: 'x' }]))).toEqual([
        'findings[1].itemKey: inspection.item_not_on_checklist',
      ]);
      expect(codes(findingErrors(null, [{ itemKey: 'age_checks' }]))).toEqual(['findings[0].itemKey: inspection.item_not_on_checklist']);
    });

    it('names each checklist item once', () => {
      expect(checklistTemplateErrors([{ key: 'a' }, { key: 'b' }])).toEqual([]);
      expect(codes(checklistTemplateErrors([{ key: 'a' }, { key: 'b' }, { key: 'a' }]))).toEqual(['items[2].key: checklist.key_repeated']);
    });
  });

  describe('escalation', () => {
    it('takes the inspection’s licence, else the premises’ one active licence', () => {
      expect(escalationLicence('own', ['a', 'b'])).toBe('own');
      expect(escalationLicence(null, ['a'])).toBe('a');
      expect(escalationLicence(null, [])).toBeNull();
      expect(escalationLicence(null, ['a', 'b'])).toBeNull();
    });

    it('writes the protocol’s remarks into the grounds, in Swedish', () => {
      const inspection = {
        premisesName: 'Klubb Kanalen',
        plannedStart: '2022-06-17T22:00:00Z',
        checklist: [{ key: 'age_checks', label: 'Ålderskontroll' }],
        findings: [
          { itemKey: 'age_checks', result: 'remark', note: 'Ingen legitimation' },
          { itemKey: 'serving_hours', result: 'remark', note: '' },
          { itemKey: 'soft_drinks', result: 'ok', note: 'Bra utbud' },
        ],
      };
      expect(escalationGrounds(inspection, 'Upprepade brister')).toBe(
        'Eskalerad efter tillsyn 18 juni 2022 på Klubb Kanalen.\n\nAnmärkningar:\n– Ålderskontroll: Ingen legitimation\n– serving_hours\n\nMotivering: Upprepade brister',
      );
      expect(escalationGrounds({ ...inspection, findings: [] }, undefined)).toBe(
        'Eskalerad efter tillsyn 18 juni 2022 på Klubb Kanalen.\n\nInga anmärkningar i protokollet.',
      );
    });
  });

  describe('the premises clash', () => {
    const at = (h: number, m = 0) => new Date(Date.UTC(2022, 5, 17, h, m));
    const other = (status: (typeof INSPECTION_STATUSES)[number], from: number, to: number) => ({ status, plannedStart: at(from), plannedEnd: at(to) });

    it('refuses a second inspection of the premises at an overlapping time, whatever its status but cancelled', () => {
      const booked = other('planned', 19, 21);
      expect(premisesClash(at(20), at(22), [booked])).toBe(booked);
      expect(premisesClash(at(18), at(23), [booked])).toBe(booked);
      expect(premisesClash(at(19, 30), at(20), [booked])).toBe(booked);
      for (const status of INSPECTION_STATUSES.filter((s) => s !== 'cancelled')) {
        expect(premisesClash(at(20), at(22), [other(status, 19, 21)])).toBeDefined();
      }
      expect(premisesClash(at(20), at(22), [other('cancelled', 19, 21)])).toBeUndefined();
    });

    it('lets inspections follow each other end to start', () => {
      expect(premisesClash(at(21), at(23), [other('planned', 19, 21)])).toBeUndefined();
      expect(premisesClash(at(17), at(19), [other('planned', 19, 21)])).toBeUndefined();
      expect(premisesClash(at(17), at(19), [])).toBeUndefined();
    });
  });

  describe('booking from a tip', () => {
    it('names a tip about the same premises', () => {
      expect(bookingTipErrors('p1', 'p1')).toEqual([]);
      expect(codes(bookingTipErrors('p1', 'p2'))).toEqual(['tipId: inspection.tip_not_of_premises']);
      expect(codes(bookingTipErrors('p1', null))).toEqual(['tipId: inspection.tip_not_of_premises']);
    });
  });
});

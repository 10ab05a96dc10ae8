import { describe, expect, it } from '@jest/globals';
import {
  decisionKindForStatus,
  isOldEnough,
  isValidOrgNumber,
  kitchenRequired,
  licenceGrantErrors,
  licenceStatusErrors,
  licenceTermsErrors,
  licensingMunicipality,
  normaliseOrgNumber,
  premisesChangeErrors,
  premisesInUse,
  servingHoursErrors,
  servingManagerErrors,
} from './licence-rules.js';

const codes = (errors: { field: string; code: string }[]) => errors.map((e) => `${e.field}: ${e.code}`);

describe('licence rules', () => {
  it('validates organisation numbers with the Luhn check digit', () => {
    expect(isValidOrgNumber('212000-1850')).toBe(true); // Hammarö kommun
    expect(isValidOrgNumber('2120001850')).toBe(true);
    expect(isValidOrgNumber('556016-0680')).toBe(true);
    expect(isValidOrgNumber('556016-0681')).toBe(false);
    expect(isValidOrgNumber('55601-60680')).toBe(false);
    expect(isValidOrgNumber('abcdef-ghij')).toBe(false);
    expect(normaliseOrgNumber('5560160680')).toBe('556016-0680');
  });

  it('requires serving managers to have turned 20', () => {
    expect(isOldEnough('2002-03-15', '2022-03-15')).toBe(true);
    expect(isOldEnough('2002-03-15', '2022-03-14')).toBe(false);
    expect(isOldEnough('2004-02-29', '2024-02-29')).toBe(true);
    expect(
      servingManagerErrors([
        { birthDate: '1990-01-01', notifiedOn: '2022-01-01' },
        { birthDate: '2003-06-01', notifiedOn: '2022-01-01' },
      ]),
    ).toEqual([expect.objectContaining({ field: 'servingManagers[1].birthDate', code: 'licence.serving_manager_age', params: { minAge: 20 } })]);
  });

  it('requires a kitchen only for a permanent licence to the public', () => {
    expect(kitchenRequired('permanent', 'public')).toBe(true);
    expect(kitchenRequired('permanent', 'private')).toBe(false);
    expect(kitchenRequired('temporary', 'public')).toBe(false);
  });

  it('lets licensing officers of a municipality manage the register, no one else', () => {
    expect(licensingMunicipality([{ organisationKind: 'police', role: 'police_officer', organisationId: 'polis' }])).toBeNull();
    expect(licensingMunicipality([{ organisationKind: 'municipality', role: 'social_worker', organisationId: 'kommun' }])).toBeNull();
    expect(
      licensingMunicipality([
        { organisationKind: 'municipality', role: 'social_worker', organisationId: 'kommun-a' },
        { organisationKind: 'municipality', role: 'licensing_officer', organisationId: 'kommun-b' },
      ]),
    ).toBe('kommun-b');
  });

  it('checks serving hours: known weekdays, HH:MM', () => {
    expect(servingHoursErrors(undefined)).toEqual([]);
    expect(servingHoursErrors({ fri: { from: '11:00', to: '01:00' } })).toEqual([]);
    expect(codes(servingHoursErrors({ fre: { from: '11:00', to: '01:00' }, sat: { from: '11', to: '24:00' } }))).toEqual([
      'servingHours.fre: licence.weekday',
      'servingHours.sat: licence.serving_hours',
    ]);
  });

  describe('granting a licence', () => {
    const licence = {
      type: 'permanent',
      audience: 'public',
      validFrom: '2022-04-01',
      servingHours: { fri: { from: '11:00', to: '01:00' } },
      servingManagers: [{ birthDate: '1990-01-01', notifiedOn: '2022-03-20' }],
    };
    const facts = { holderOrganisationId: 'kommun', premisesOrganisationId: 'kommun', premisesHasOwnKitchen: true };

    it('grants a licence that meets AL 8 kap', () => {
      expect(licenceGrantErrors(licence, facts)).toEqual([]);
      expect(licenceGrantErrors({ ...licence, audience: 'private' }, { ...facts, premisesHasOwnKitchen: false })).toEqual([]);
    });

    it('names every fault at once, in field order', () => {
      const errors = licenceGrantErrors(
        {
          ...licence,
          validUntil: '2022-03-31',
          servingHours: { xyz: { from: '11:00', to: '01:00' } },
          servingManagers: [{ birthDate: '2010-01-01', notifiedOn: '2022-03-20' }],
        },
        { holderOrganisationId: 'annan-kommun', premisesOrganisationId: 'kommun', premisesHasOwnKitchen: false },
      );
      expect(codes(errors)).toEqual([
        'holderId: licence.holder_elsewhere',
        'premisesId: licence.kitchen_required',
        'validUntil: date.not_before',
        'servingManagers[0].birthDate: licence.serving_manager_age',
        'servingHours.xyz: licence.weekday',
      ]);
    });

    it('checks the kitchen again when a change decision opens the licence to the public', () => {
      expect(codes(licenceTermsErrors({ type: 'permanent', validFrom: '2022-04-01' }, { audience: 'public' }, false))).toEqual([
        'audience: licence.kitchen_required',
      ]);
      expect(licenceTermsErrors({ type: 'permanent', validFrom: '2022-04-01' }, { audience: 'private' }, false)).toEqual([]);
      expect(licenceTermsErrors({ type: 'temporary', validFrom: '2022-04-01' }, { audience: 'public' }, false)).toEqual([]);
      expect(codes(licenceTermsErrors({ type: 'permanent', validFrom: '2022-04-01' }, { audience: 'public', validUntil: '2022-01-01' }, true))).toEqual([
        'validUntil: date.not_before',
      ]);
    });

    it('revokes only by a sanction decision', () => {
      expect(codes(licenceStatusErrors('revoked'))).toEqual(['status: licence.revoked_by_sanction_only']);
      expect(licenceStatusErrors('suspended')).toEqual([]);
      expect(licenceStatusErrors('surrendered')).toEqual([]);
    });
  });

  describe('premises', () => {
    it('stay in their collaboration', () => {
      expect(codes(premisesChangeErrors({ collaborationId: 'a' }, { collaborationId: 'b', hasOwnKitchen: true }, []))).toEqual([
        'collaborationId: premises.collaboration_fixed',
      ]);
    });

    it('keep their kitchen while an active permanent licence to the public needs it', () => {
      const needing = [{ type: 'permanent', audience: 'public' }];
      expect(codes(premisesChangeErrors({ collaborationId: 'a' }, { collaborationId: 'a', hasOwnKitchen: false }, needing))).toEqual([
        'hasOwnKitchen: premises.kitchen_needed',
      ]);
      expect(premisesChangeErrors({ collaborationId: 'a' }, { collaborationId: 'a', hasOwnKitchen: true }, needing)).toEqual([]);
      expect(
        premisesChangeErrors({ collaborationId: 'a' }, { collaborationId: 'a', hasOwnKitchen: false }, [{ type: 'temporary', audience: 'public' }]),
      ).toEqual([]);
    });

    it('stay once they have licences or inspections on record', () => {
      expect(premisesInUse({ licences: 0, inspections: 0 })).toBe(false);
      expect(premisesInUse({ licences: 1, inspections: 0 })).toBe(true);
      expect(premisesInUse({ licences: 0, inspections: 2 })).toBe(true);
    });
  });
});

describe('serving managers known to the municipality and licence decisions', () => {
  it('refuses a notification dated after today (AL 8 kap 14 §: notified to the municipality)', () => {
    expect(codes(servingManagerErrors([{ birthDate: '1990-01-01', notifiedOn: '2026-12-01' }], '2026-11-30'))).toEqual([
      'servingManagers[0].notifiedOn: licence.serving_manager_not_notified',
    ]);
    expect(servingManagerErrors([{ birthDate: '1990-01-01', notifiedOn: '2026-11-30' }], '2026-11-30')).toEqual([]);
  });

  it('names each status change as the decision it is', () => {
    expect(decisionKindForStatus('active')).toBe('reinstated');
    expect(decisionKindForStatus('suspended')).toBe('suspended');
    expect(decisionKindForStatus('surrendered')).toBe('surrendered');
  });
});

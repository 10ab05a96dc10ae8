import { describe, expect, it } from '@jest/globals';
import type { FieldError } from '@samverkan/platform';
import {
  CASE_STATUSES,
  CASE_TRANSITIONS,
  caseTransitionErrors,
  consentErrors as consentFieldErrors,
  defaultRetentionClass,
  duplicateDecision,
  initialStatus,
  isOpenStatus,
  OPEN_STATUSES,
  preliminaryAssessmentDueOn,
  awaitsPreliminaryAssessment,
  disclosureErrors as disclosureFieldErrors,
  type DisclosureFacts,
  purgeOn,
  suppress,
} from './youth-rules.js';

const consent = (signers: ('guardian' | 'young_person')[], extra: Record<string, unknown> = {}) => ({
  signers: signers.map((role) => ({ role })),
  signedOn: '2022-03-01',
  validFrom: '2022-03-01',
  validUntil: '2023-02-28',
  categories: ['school', 'leisure'],
  organisationIds: ['police-org'],
  ...extra,
});

/** The rules' answers without their English text: field, code and params are the contract. */
const contract = (errors: FieldError[]) => errors.map(({ field, code, params }) => ({ field, code, params }));
const consentErrors = (...args: Parameters<typeof consentFieldErrors>) => contract(consentFieldErrors(...args));
const disclosureErrors = (facts: DisclosureFacts) => contract(disclosureFieldErrors(facts));

describe('consent', () => {
  it('under 15: a guardian signs', () => {
    expect(consentErrors(consent(['guardian']), '2009-06-10', 15)).toEqual([]);
    expect(consentErrors(consent(['young_person']), '2009-06-10', 15)).toEqual([{ field: 'signers', code: 'consent.guardian_must_sign', params: {} }]);
  });

  it('from the configured age: the guardian and the young person', () => {
    expect(consentErrors(consent(['guardian']), '2006-06-10', 15)).toEqual([{ field: 'signers', code: 'consent.young_person_must_sign', params: { age: 15 } }]);
    expect(consentErrors(consent(['guardian', 'young_person']), '2006-06-10', 15)).toEqual([]);
    // A municipality that asks for the young person's own signature from 13.
    expect(consentErrors(consent(['guardian']), '2008-06-10', 13)[0]).toMatchObject({ code: 'consent.young_person_must_sign', params: { age: 13 } });
  });

  it('from 18: only the young person; a guardians’ consent ends before the 18th birthday', () => {
    expect(consentErrors(consent(['young_person']), '2003-06-10', 15)).toEqual([]);
    expect(consentErrors(consent(['guardian', 'young_person']), '2003-06-10', 15)).toEqual([
      { field: 'signers', code: 'consent.adult_signs_alone', params: {} },
    ]);
    expect(consentErrors(consent(['guardian', 'young_person']), '2004-09-01', 15)).toEqual([
      { field: 'validUntil', code: 'consent.guardians_until_adult', params: { adultOn: '2022-09-01' } },
    ]);
  });

  it('is never a ground for criminal-offence data', () => {
    expect(consentErrors(consent(['guardian'], { categories: ['school', 'offences'] }), '2009-06-10', 15)).toEqual([
      { field: 'categories[1]', code: 'consent.offence_data', params: {} },
    ]);
  });
});

describe('disclosure grounds', () => {
  const facts = (extra: Partial<DisclosureFacts>): DisclosureFacts => ({
    ground: 'osl_10_18a',
    categories: ['basic', 'offences'],
    fromKind: 'municipality',
    toKind: 'police',
    fromIsOwner: true,
    toIsOwner: false,
    ageOnDisclosure: 17,
    consentedCategories: null,
    criteria: { riskOfCriminality: true, helpsPrevent: true, noConflictWithMeasures: true },
    ...extra,
  });

  it('OSL 10 kap 18 a §: to the police, under 21, all three criteria attested', () => {
    expect(disclosureErrors(facts({}))).toEqual([]);
    expect(disclosureErrors(facts({ ageOnDisclosure: 21 }))).toEqual([{ field: 'ground', code: 'disclosure.osl_18a_age', params: { underAge: 21 } }]);
    expect(disclosureErrors(facts({ toKind: 'municipality' }))[0].field).toBe('toOrganisationId');
    expect(disclosureErrors(facts({ criteria: { riskOfCriminality: true, helpsPrevent: true } }))).toEqual([
      {
        field: 'criteria.noConflictWithMeasures',
        code: 'disclosure.criterion_unattested',
        params: { criterion: 'Utlämnandet står inte i strid med socialtjänstens egna åtgärder' },
      },
    ]);
  });

  it('consent: only what a valid consent covers, never offences', () => {
    const base = facts({ ground: 'consent', categories: ['basic', 'school'], consentedCategories: ['basic', 'school', 'leisure'] });
    expect(disclosureErrors(base)).toEqual([]);
    expect(disclosureErrors({ ...base, consentedCategories: null })).toEqual([{ field: 'ground', code: 'disclosure.no_consent', params: {} }]);
    expect(disclosureErrors({ ...base, categories: ['basic', 'health'] })).toEqual([
      { field: 'categories[1]', code: 'disclosure.category_not_consented', params: { category: 'health' } },
    ]);
    expect(disclosureErrors({ ...base, categories: ['offences'], consentedCategories: ['offences'] })[0].code).toBe('consent.offence_data');
  });

  it('report of concern: from the police to social services', () => {
    expect(
      disclosureErrors(facts({ ground: 'sol_14_1_report_of_concern', fromKind: 'police', toKind: 'municipality', fromIsOwner: false, toIsOwner: true })),
    ).toEqual([]);
    expect(disclosureErrors(facts({ ground: 'sol_14_1_report_of_concern' }))).toEqual([
      { field: 'ground', code: 'disclosure.concern_police_to_social_services', params: {} },
    ]);
  });
});

describe('retention', () => {
  it('purges in the year after five years from the last entry; keeps research birthdays', () => {
    expect(purgeOn('2021-06-10', 'sol_standard')).toBe('2027-01-01');
    expect(purgeOn('2021-12-31', 'sol_standard')).toBe('2027-01-01');
    expect(defaultRetentionClass('2008-03-15')).toBe('sol_research');
    expect(defaultRetentionClass('2008-03-14')).toBe('sol_standard');
    expect(purgeOn('2021-06-10', 'sol_research')).toBeNull();
  });
});

describe('statistics suppression', () => {
  it('hides groups of 1–4, and a second group when one alone would be hidden', () => {
    expect(
      suppress([
        { key: 'sspf', count: 12 },
        { key: 'sig', count: 7 },
        { key: 'other', count: 3 },
      ]),
    ).toEqual([
      { key: 'other', count: null, suppressed: true },
      { key: 'sig', count: null, suppressed: true },
      { key: 'sspf', count: 12, suppressed: false },
    ]);
    expect(
      suppress([
        { key: 'a', count: 2 },
        { key: 'b', count: 4 },
        { key: 'c', count: 9 },
      ]).map((c) => c.count),
    ).toEqual([null, null, 9]);
    expect(
      suppress([
        { key: 'a', count: 5 },
        { key: 'b', count: 9 },
      ]).map((c) => c.count),
    ).toEqual([5, 9]);
  });
});

describe('case flow', () => {
  it('follows the path and closes from any open status', () => {
    expect(caseTransitionErrors('other', 'concern_raised', 'assessment', false)).toEqual([]);
    for (const from of CASE_STATUSES.filter((s) => s !== 'closed' && s !== 'purged')) expect(caseTransitionErrors('sspf', from, 'closed', false)).toEqual([]);
    expect(contract(caseTransitionErrors('sspf', 'concern_raised', 'plan_active', true))).toEqual([
      { field: 'to', code: 'status.transition', params: { from: 'concern_raised', to: 'plan_active' } },
    ]);
  });

  it('never leaves closed by hand: purged is retention’s alone', () => {
    for (const to of CASE_STATUSES) expect(contract(caseTransitionErrors('other', 'closed', to, true))[0]?.code).toBe('status.transition');
    for (const from of CASE_STATUSES) expect(CASE_TRANSITIONS[from]).not.toContain('purged');
  });

  it('starts the mapping of a consent-based form only under a valid consent', () => {
    expect(contract(caseTransitionErrors('sspf', 'assessment', 'mapping', false))).toEqual([
      { field: 'to', code: 'youth_case.consent_needed', params: { form: 'SSPF – skola, socialtjänst, polis, fritid' } },
    ]);
    expect(caseTransitionErrors('sspf', 'assessment', 'mapping', true)).toEqual([]);
    expect(caseTransitionErrors('other', 'assessment', 'mapping', false)).toEqual([]);
  });
});

describe('opening a case', () => {
  it('starts a report of concern as reported (awaiting its förhandsbedömning), other forms in the assessment', () => {
    expect(initialStatus('report_of_concern', 'police_report')).toBe('concern_raised');
    expect(initialStatus('report_of_concern', 'social_services')).toBe('concern_raised');
    expect(initialStatus('sspf', 'social_services')).toBe('assessment');
    expect(initialStatus('sig', 'social_services')).toBe('assessment');
    expect(initialStatus('other', 'social_services')).toBe('assessment');
    // Whatever the form, a report from the police is a concern to assess first.
    expect(initialStatus('sspf', 'police_report')).toBe('concern_raised');
  });

  it('sets the förhandsbedömning 14 days after receipt (SoL 11 kap 1 a §), across month and year ends', () => {
    expect(preliminaryAssessmentDueOn('2026-11-30')).toBe('2026-12-14');
    expect(preliminaryAssessmentDueOn('2026-12-25')).toBe('2027-01-08');
    expect(preliminaryAssessmentDueOn('2028-02-20')).toBe('2028-03-05');
    expect(CASE_STATUSES.filter(awaitsPreliminaryAssessment)).toEqual(['concern_raised']);
  });

  it('counts every status but closed and purged as open', () => {
    expect(OPEN_STATUSES).toEqual(['concern_raised', 'assessment', 'awaiting_consent', 'mapping', 'plan_active', 'follow_up']);
    expect(isOpenStatus('closed')).toBe(false);
    expect(isOpenStatus('purged')).toBe(false);
    expect(isOpenStatus('follow_up')).toBe(true);
  });

  it('refuses a duplicate the user may read unless a reason is given; hidden duplicates never refuse, their owners are told', () => {
    expect(duplicateDecision([], undefined)).toEqual({ refuse: false, confirmedCaseIds: [], hiddenCaseIds: [] });
    expect(duplicateDecision([{ id: 'a', readable: true }], undefined)).toEqual({ refuse: true, caseId: 'a' });
    expect(duplicateDecision([{ id: 'a', readable: true }], '   ')).toEqual({ refuse: true, caseId: 'a' });
    expect(duplicateDecision([{ id: 'a', readable: true }], 'Ny anmälan från skolan')).toEqual({ refuse: false, confirmedCaseIds: ['a'], hiddenCaseIds: [] });
    expect(duplicateDecision([{ id: 'h', readable: false }], undefined)).toEqual({ refuse: false, confirmedCaseIds: [], hiddenCaseIds: ['h'] });
    expect(
      duplicateDecision(
        [
          { id: 'h', readable: false },
          { id: 'a', readable: true },
        ],
        undefined,
      ),
    ).toEqual({ refuse: true, caseId: 'a' });
    expect(
      duplicateDecision(
        [
          { id: 'h', readable: false },
          { id: 'a', readable: true },
        ],
        'Skäl',
      ),
    ).toEqual({ refuse: false, confirmedCaseIds: ['a'], hiddenCaseIds: ['h'] });
  });
});

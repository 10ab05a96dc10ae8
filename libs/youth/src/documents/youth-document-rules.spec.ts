import { describe, expect, it } from '@jest/globals';
import { consentErrors } from '../youth-rules.js';
import { attendeesByRole, consentSignatureLines, guardianConsentEnds, isReadAction, officialLabel, swedish } from './youth-document-rules.js';

describe('youth document rules', () => {
  it('asks for the signatures the consent rule will require, by age on the day of the form', () => {
    const born = '2008-03-14';
    expect(consentSignatureLines('Elias Nyström', born, '2022-03-13', 15)).toEqual([
      'Vårdnadshavare 1 – namnförtydligande',
      'Vårdnadshavare 2 – namnförtydligande',
    ]);
    expect(consentSignatureLines('Elias Nyström', born, '2023-03-14', 15)).toEqual([
      'Elias Nyström (den unge)',
      'Vårdnadshavare 1 – namnförtydligande',
      'Vårdnadshavare 2 – namnförtydligande',
    ]);
    expect(consentSignatureLines('Elias Nyström', born, '2026-03-14', 15)).toEqual(['Elias Nyström (den unge)']);
    // The age the deployment chose (YOUTH_OWN_CONSENT_AGE), not a fixed 15.
    expect(consentSignatureLines('Elias Nyström', born, '2023-03-14', 16)).toHaveLength(2);
    // The form asks for exactly the signatures under which the recorded consent is accepted.
    for (const [today, validUntil] of [
      ['2022-03-13', guardianConsentEnds(born)],
      ['2023-03-14', guardianConsentEnds(born)],
      ['2026-03-14', '2027-01-01'],
    ]) {
      const signers = consentSignatureLines('Elias Nyström', born, today, 15).map(
        (s) => ({ role: s.startsWith('Vårdnadshavare') ? 'guardian' : 'young_person' }) as const,
      );
      expect(consentErrors({ signers, signedOn: today, validFrom: today, validUntil, categories: ['school'], organisationIds: ['p'] }, born, 15)).toEqual([]);
    }
  });

  it('ends a guardians’ consent the day before the young person turns 18', () => {
    expect(guardianConsentEnds('2008-03-14')).toBe('2026-03-13');
    expect(guardianConsentEnds('2008-02-29')).toBe('2026-02-27');
  });

  it('names attendees by role only: the young person as "den unge", any other name not at all', () => {
    expect(attendeesByRole('Elias, vårdnadshavare, mentor, socialsekreterare, kontaktpolis', 'Elias Nyström')).toEqual([
      'den unge',
      'vårdnadshavare',
      'mentor',
      'socialsekreterare',
      'kontaktpolis',
    ]);
    expect(attendeesByRole('Mamma Lena Berg; pappa och Kurator från skolan\nAhmed', 'Elias Nyström')).toEqual([
      'övrig deltagare',
      'pappa',
      'Kurator från skolan',
    ]);
    expect(attendeesByRole('Lena Berg', null, 'annan person')).toEqual(['annan person']);
    expect(attendeesByRole('', 'Elias Nyström')).toEqual([]);
  });

  it('names officials by unit, or by name too when the authority chose so', () => {
    const sara = { name: 'Sara Lindqvist', unit: 'Socialtjänsten', organisation: 'Hammarö kommun' };
    expect(officialLabel(sara, 'unit')).toBe('Socialtjänsten, Hammarö kommun');
    expect(officialLabel(sara, 'name')).toBe('Sara Lindqvist, Socialtjänsten, Hammarö kommun');
    expect(officialLabel({ name: 'Sara Lindqvist', unit: null, organisation: null }, 'unit')).toBe('Handläggare');
  });

  it('tells reads from changes in the audit trail', () => {
    expect(
      ['youth_case.read', 'youth_case.entries_read', 'youth_subject.find', 'youth_subject.reveal', 'youth_subject.register_extract'].every(isReadAction),
    ).toBe(true);
    expect(['youth_entry.create', 'youth_case.update', 'youth_disclosure.record', 'youth_case.plan_active', 'youth_meeting.plan'].some(isReadAction)).toBe(
      false,
    );
  });

  it('shows catalogue labels in Swedish, keeping a cited law', () => {
    expect(swedish('Skola och sysselsättning (School and occupation)')).toBe('Skola och sysselsättning');
    expect(swedish('Orosanmälan (SoL 14 kap 1 §)')).toBe('Orosanmälan (SoL 14 kap 1 §)');
    expect(swedish('SSPF – skola, socialtjänst, polis, fritid')).toBe('SSPF – skola, socialtjänst, polis, fritid');
  });
});

import { describe, expect, it } from '@jest/globals';
import { passwordProblem, personalWords } from './password-rules.js';

const anna = { email: 'anna.svensson@hammaro.test', displayName: 'Anna Svensson' };
const chef = { email: 'chef@hammaro.test', displayName: 'Kommunchef Hammarö' };

describe('password rules', () => {
  it.each([
    ['one character repeated', 'aaaaaaaaaaaa'],
    ['whitespace only', '            '],
    ['whitespace of several kinds', ' \t \t \t \t \t \t'],
    ['a run of digits, wrapping past 9', '123456789012'],
    ['a run of letters backwards', 'lkjihgfedcba'],
    ['a short unit repeated', 'abcabcabcabc'],
    ['a longer unit repeated', 'Hej!1Hej!1Hej!1'],
    ['few distinct characters', 'abababababba'],
    ['a keyboard walk', 'zxcvbnm,./;lkjh'],
  ])('refuses %s as too simple', (_name, password) => {
    expect(passwordProblem(password, anna)).toBe('too_simple');
  });

  it.each([
    ['a common password', 'Password1234'],
    ['a common password with a year', 'qwerty123456'],
    ['a Swedish word with digits', 'Lösenord2026'],
    ['a Swedish word with digits, capitalised', 'Sommar123456'],
    ['the published demo password', 'Samverkan-demo-2026'],
    ['the published demo password in other case', 'samverkan-DEMO-2026'],
  ])('refuses %s as too common', (_name, password) => {
    expect(passwordProblem(password, anna)).toBe('too_common');
  });

  it('refuses the configured seed password too', () => {
    expect(passwordProblem('Xq7!mR2#vL9@pK4', anna)).toBeUndefined();
    expect(passwordProblem('Xq7!mR2#vL9@pK4', anna, ['Xq7!mR2#vL9@pK4'])).toBe('too_common');
  });

  it.each([
    ['the e-mail address', 'anna.svensson@hammaro.test'],
    ['the e-mail address in capitals', 'ANNA.SVENSSON@HAMMARO.TEST'],
    ['the name with digits appended', 'AnnaSvensson2026'],
    ['the name with separators and a year', 'anna.svensson.1985'],
    ['the surname with digits', 'Svensson12345'],
    ['the surname in leetspeak', 'Sv3nss0n!2026'],
    ['the domain and the name', 'hammaro-anna-99'],
  ])('refuses %s as personal data', (_name, password) => {
    expect(passwordProblem(password, anna)).toBe('contains_personal_data');
  });

  it('folds diacritics and case when it compares with the owner', () => {
    expect(passwordProblem('HAMMARÖ-chef-2026', chef)).toBe('contains_personal_data');
    expect(passwordProblem('chef@hammaro.test', chef)).toBe('contains_personal_data');
  });

  it.each([
    ['a passphrase', 'correct horse battery staple'],
    ['a Swedish passphrase', 'trädgård-Ö-lampa-93-moln'],
    ['random characters', 'T7k!pq2Lm9xZ'],
    ['random characters with the first name inside', 'anna-T7k!pq2Lm9xZ'],
  ])('accepts %s', (_name, password) => {
    expect(passwordProblem(password, anna)).toBeUndefined();
  });

  it('takes the words of the address and the name, not the top-level domain', () => {
    expect(personalWords({ email: 'Per.Öberg@karlstad.polisen.test', displayName: 'Per Öberg' })).toEqual([
      'per.oberg@karlstad.polisen.test',
      'per.oberg',
      'karlstad',
      'polisen',
      'oberg',
      'per',
    ]);
  });
});

import { describe, expect, it } from '@jest/globals';
import { englishIn, SWEDISH_PHRASES, swedishIn } from './support/language-check.js';

/** The detector the Swedish-mode browser walk (web-language.e2e-spec.ts) relies on. */
describe('language check', () => {
  it('flags the api’s English messages, common English words and raw codes', () => {
    expect(englishIn('plannedEnd must be after plannedStart.')).toEqual(
      expect.arrayContaining([expect.stringContaining('api message: "must be after"'), expect.stringContaining('English word "must"')]),
    );
    expect(englishIn('Typ av ställe: event_venue')).toEqual(['raw code "event_venue"']);
    expect(englishIn('Händelse: youth_case.read')).toEqual(expect.arrayContaining(['raw code "youth_case.read"']));
    expect(englishIn('Kategorier: field.required')).toContain('raw code "field.required"');
    expect(englishIn('(Johan Nyström is already booked …)')).toEqual(
      expect.arrayContaining([expect.stringContaining('English word "is"'), expect.stringContaining('English word "already"')]),
    );
    expect(englishIn('categories must contain at least 1 elements')).not.toEqual([]);
  });

  it('flags raw premises types, which are not snake_case', () => {
    expect(englishIn('Typ av ställe: nightclub')).toEqual([expect.stringContaining('English word "nightclub"')]);
  });

  it('passes clean Swedish, with e-mail addresses and abbreviations', () => {
    expect(
      englishIn(
        'Slutar måste vara efter Börjar. Johan Nyström är redan bokad på en tillsyn av Klubb Kanalen, t.ex. kl. 21:00 – bl.a. alkohol@hammaro.test (se https://hammaro.se/samverkan_plan).',
      ),
    ).toEqual([]);
  });

  it('finds the app’s own Swedish phrases in English mode, not the Swedish data', () => {
    expect(SWEDISH_PHRASES.length).toBeGreaterThan(50);
    expect(swedishIn('Sign in. Du har varit inaktiv en stund och har loggats ut.')).toEqual([
      'Swedish label: "Du har varit inaktiv en stund och har loggats ut"',
    ]);
    expect(swedishIn('Hamnkrogen Vilan, Klubb Kanalen: inspection booked')).toEqual([]);
  });
});

import { describe, expect, it } from '@jest/globals';
import { readSearchTerm } from './search-rules.js';

describe('reading a search box entry', () => {
  it.each(['199001011234', '19900101-1234', '900101-1234', '9001011234', '900101+1234', '19900161-1234', '900161-1234'])(
    'takes %s for a personal or coordination number, whatever its check digit',
    (entry) => {
      expect(readSearchTerm(entry)).toEqual({ text: entry, personalNumber: true, caseNumber: null, orgNumber: null });
    },
  );

  it('takes an organisation number (month place 20 or more, Luhn checked) for one, normalised', () => {
    expect(readSearchTerm('5560012346')).toMatchObject({ personalNumber: false, orgNumber: null }); // check digit wrong
    expect(readSearchTerm('556677-8899')).toMatchObject({ personalNumber: false });
    // 556036-0793: a valid organisation number, with or without the hyphen.
    expect(readSearchTerm('5560360793')).toEqual({ text: '5560360793', personalNumber: false, caseNumber: null, orgNumber: '556036-0793' });
    expect(readSearchTerm('556036-0793').orgNumber).toBe('556036-0793');
  });

  it('reads a youth case number with or without UÄ-, in any case', () => {
    expect(readSearchTerm('UÄ-1A2B3C4D').caseNumber).toBe('1a2b3c4d');
    expect(readSearchTerm('uä-1a2b').caseNumber).toBe('1a2b');
    expect(readSearchTerm('UA-00ff').caseNumber).toBe('00ff');
    expect(readSearchTerm('UÄ 1a').caseNumber).toBe('1a');
    expect(readSearchTerm('1a2b3c4d').caseNumber).toBe('1a2b3c4d');
    expect(readSearchTerm('UÄ-1A2B3C4D5').caseNumber).toBeNull();
    expect(readSearchTerm('cafe').caseNumber).toBeNull();
  });

  it('leaves any other entry as text to match in names and titles', () => {
    expect(readSearchTerm('  Kafé Bryggan ')).toEqual({ text: 'Kafé Bryggan', personalNumber: false, caseNumber: null, orgNumber: null });
    expect(readSearchTerm('12345').personalNumber).toBe(false);
  });
});

import { describe, expect, it } from '@jest/globals';
import { INSPECTION_STATUSES } from '../inspections/inspection-rules.js';
import { DECISIONS } from '../sanctions/sanction-rules.js';
import {
  hearingLetterDueOn,
  holderRecipient,
  inspectionReference,
  isReportable,
  paragraphsOf,
  reportResponseDueOn,
  sanctionCaseReference,
  sanctionDocumentRefusal,
} from './document-rules.js';
import { appealInstruction, applicableProvisions, DECISION_PROVISIONS, DECISION_TITLES, decisionStatement, NO_APPEAL_NOTE } from './sanction-documents.js';

describe('document rules of licence supervision', () => {
  it('issues the inspection report once the protocol is done, never for a visit not performed', () => {
    expect(INSPECTION_STATUSES.filter(isReportable)).toEqual(['performed', 'report_sent', 'response_received', 'closed', 'escalated']);
    for (const status of ['planned', 'attempted', 'cancelled'] as const) expect(isReportable(status)).toBe(false);
  });

  it('files an inspection under its premises and the Swedish day of the visit', () => {
    // 23:30 UTC on 31 May is 1 June in Stockholm (CEST).
    expect(inspectionReference('Hamnkrogen', '2021-05-31T23:30:00Z')).toBe('Hamnkrogen, tillsyn 1 juni 2021');
    expect(sanctionCaseReference('Hamnkrogen', new Date('2021-06-03T08:00:00Z'))).toBe('Sanktionsärende Hamnkrogen, 3 juni 2021');
  });

  it('gives the holder 14 days to answer the report, from the day it was sent or else the day it is dated', () => {
    expect(reportResponseDueOn(null, '2021-05-21')).toBe('2021-06-04');
    expect(reportResponseDueOn(new Date('2021-05-24T22:30:00Z'), '2021-05-21')).toBe('2021-06-08');
  });

  it('issues the hearing letter while the case is open and the decision letter once decided', () => {
    expect(sanctionDocumentRefusal('hearing_letter', null)).toBeNull();
    expect(sanctionDocumentRefusal('sanction_decision', null)).toBe('undecided');
    for (const decision of DECISIONS) {
      expect(sanctionDocumentRefusal('hearing_letter', decision)).toBe('decided');
      expect(sanctionDocumentRefusal('sanction_decision', decision)).toBeNull();
    }
  });

  it('prints the recorded hearing deadline, or the default one counted from the letter’s day', () => {
    expect(hearingLetterDueOn('2021-07-01', '2021-06-10')).toBe('2021-07-01');
    expect(hearingLetterDueOn(null, '2021-06-10')).toBe('2021-06-24');
  });

  it('addresses the holder by name, contact person and postal address lines', () => {
    expect(holderRecipient({ name: 'Hamnkrogen i Skoghall AB', contactName: 'Sara Holm', address: 'Hamnvägen 2, 663 40 Hammarö' })).toEqual([
      'Hamnkrogen i Skoghall AB',
      'Att: Sara Holm',
      'Hamnvägen 2',
      '663 40 Hammarö',
    ]);
    expect(holderRecipient({ name: 'Lövnäs Pub & Kök AB', contactName: ' ', address: '' })).toEqual(['Lövnäs Pub & Kök AB']);
  });

  it('splits free text into paragraphs at blank lines', () => {
    expect(paragraphsOf('Första.\n\n  \nAndra\nrad.\n')).toEqual(['Första.', 'Andra\nrad.']);
    expect(paragraphsOf(null)).toEqual([]);
  });
});

describe('the legal text of sanction letters', () => {
  it('cites AL 9 kap. 17 § for erinran and varning, 18 § första stycket 3 for återkallelse, nothing for no action', () => {
    expect(DECISION_PROVISIONS).toEqual({
      erinran: '9 kap. 17 § alkohollagen (2010:1622)',
      varning: '9 kap. 17 § alkohollagen (2010:1622)',
      aterkallelse: '9 kap. 18 § första stycket 3 alkohollagen (2010:1622)',
      no_action: null,
    });
    expect(applicableProvisions('aterkallelse').join(' ')).toContain('9 kap. 18 §');
    expect(applicableProvisions('varning').join(' ')).not.toContain('9 kap. 18 §');
    for (const decision of DECISIONS) expect(DECISION_TITLES[decision]).toMatch(/^Beslut /);
  });

  it('states the decision with the municipality, the holder and the premises', () => {
    const parties = { municipality: 'Hammarö kommun', holderName: 'Hamnkrogen i Skoghall AB', premisesName: 'Hamnkrogen' };
    expect(decisionStatement('varning', parties)).toBe(
      'Hammarö kommun meddelar Hamnkrogen i Skoghall AB en varning med stöd av 9 kap. 17 § alkohollagen (2010:1622), avseende serveringstillståndet för Hamnkrogen.',
    );
    expect(decisionStatement('aterkallelse', parties)).toContain('återkallar det serveringstillstånd som Hamnkrogen i Skoghall AB har för Hamnkrogen');
  });

  it('appeals to the administrative court of the municipality, in writing, through the municipality, within three weeks', () => {
    expect(appealInstruction('Storfors kommun', null).paragraphs[0]).toContain('överklaga det hos förvaltningsrätten.');
    const appeal = appealInstruction('Hammarö kommun', 'Förvaltningsrätten i Karlstad');
    const text = appeal.paragraphs.join(' ');
    expect(text).toContain('hos Förvaltningsrätten i Karlstad');
    expect(text).toContain('skriftligt');
    expect(text).toContain('skickas eller lämnas till Hammarö kommun');
    expect(text).toContain('inom tre veckor från den dag då ni fick del av beslutet');
    expect(appeal.contents.join(' ')).toMatch(/vilket beslut som överklagas.*hur ni anser att beslutet ska ändras/);
    expect(appeal.citation).toBe('10 kap. 1 § alkohollagen (2010:1622); 33 §, 43 §, 44 § och 45 § förvaltningslagen (2017:900).');
    expect(NO_APPEAL_NOTE).toContain('42 §');
  });
});

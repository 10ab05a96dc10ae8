/**
 * The legal text of a sanction case's letters in one place, each with the provision it rests on:
 * the hearing (kommunicering, förvaltningslagen (2017:900) 25 §), the decision's legal ground
 * (alkohollagen (2010:1622) 9 kap. 17–18 §§) and the appeal instruction (förvaltningslagen 33 §,
 * 40–44 §§; alkohollagen 10 kap. 1 §). The templates print these; nothing else words them.
 */
import type { ConsideredSanction, SanctionDecision } from '../sanctions/sanction-rules.js';

/** The act as a decision names it. */
export const ALCOHOL_ACT = 'alkohollagen (2010:1622)';
export const ADMINISTRATIVE_PROCEDURE_ACT = 'förvaltningslagen (2017:900)';

/** The title of the decision letter, by decision. */
export const DECISION_TITLES: Readonly<Record<SanctionDecision, string>> = {
  erinran: 'Beslut om erinran',
  varning: 'Beslut om varning',
  aterkallelse: 'Beslut om återkallelse av serveringstillstånd',
  no_action: 'Beslut att avsluta tillsynsärende utan åtgärd',
};

/**
 * The provision each decision rests on, as the decision cites it. Erinran and varning: AL 9 kap.
 * 17 § (a varning when an erinran is not enough). Återkallelse after supervision findings: AL 9 kap.
 * 18 § första stycket 3 (the holder does not follow the act, its regulations or the licence's
 * conditions, and an erinran or a varning is not enough). No action: no provision is applied.
 */
export const DECISION_PROVISIONS: Readonly<Record<SanctionDecision, string | null>> = {
  erinran: `9 kap. 17 § ${ALCOHOL_ACT}`,
  varning: `9 kap. 17 § ${ALCOHOL_ACT}`,
  aterkallelse: `9 kap. 18 § första stycket 3 ${ALCOHOL_ACT}`,
  no_action: null,
};

/** The operative part of the decision (beslutsmening), as the municipality states it. */
export function decisionStatement(decision: SanctionDecision, c: { municipality: string; holderName: string; premisesName: string }): string {
  switch (decision) {
    case 'erinran':
      return `${c.municipality} meddelar ${c.holderName} en erinran med stöd av ${DECISION_PROVISIONS.erinran}, avseende serveringstillståndet för ${c.premisesName}.`;
    case 'varning':
      return `${c.municipality} meddelar ${c.holderName} en varning med stöd av ${DECISION_PROVISIONS.varning}, avseende serveringstillståndet för ${c.premisesName}.`;
    case 'aterkallelse':
      return `${c.municipality} återkallar det serveringstillstånd som ${c.holderName} har för ${c.premisesName}, med stöd av ${DECISION_PROVISIONS.aterkallelse}.`;
    case 'no_action':
      return `${c.municipality} avslutar tillsynsärendet avseende ${c.premisesName} utan att meddela någon sanktion enligt 9 kap. 17 eller 18 § ${ALCOHOL_ACT}.`;
  }
}

/** The provisions applied, quoted in substance under "Tillämpliga bestämmelser". */
export function applicableProvisions(decision: SanctionDecision): string[] {
  const section17 =
    `Enligt 9 kap. 17 § ${ALCOHOL_ACT} får kommunen meddela en tillståndshavare som bedriver servering av alkoholdrycker en erinran, ` +
    'om tillståndshavaren inte följer bestämmelserna i lagen eller de föreskrifter eller villkor som har meddelats med stöd av lagen. ' +
    'Om en erinran inte är en tillräcklig åtgärd får kommunen meddela tillståndshavaren en varning.';
  const section18 =
    `Enligt 9 kap. 18 § första stycket 3 ${ALCOHOL_ACT} ska kommunen återkalla ett serveringstillstånd om tillståndshavaren inte följer ` +
    'bestämmelserna i lagen eller de föreskrifter eller villkor som har meddelats med stöd av lagen, och en erinran eller en varning inte är en tillräcklig åtgärd.';
  const hearing = `Innan beslutet fattades har tillståndshavaren fått tillfälle att yttra sig över underlaget (25 § ${ADMINISTRATIVE_PROCEDURE_ACT}).`;
  if (decision === 'aterkallelse') return [section17, section18, hearing];
  return [section17, hearing];
}

// ---- the appeal instruction ------------------------------------------------------------------

/** Weeks to appeal, from the day the holder was notified of the decision (FL 44 §). */
export const APPEAL_WEEKS_TEXT = 'tre veckor';

/**
 * How to appeal a sanction decision (förvaltningslagen 33 § second paragraph: a decision that may
 * be appealed says how). Decisions under the alcohol act are appealed to the administrative court
 * (alkohollagen 10 kap. 1 §); the appeal is written (FL 43 §), handed in to the municipality that
 * decided (FL 43 §) within three weeks from the day the holder was notified of the decision (FL 44 §);
 * one that comes in late is dismissed (FL 45 §).
 */
export function appealInstruction(municipality: string, appealCourt: string | null): { paragraphs: string[]; contents: string[]; citation: string } {
  // The court whose district the municipality lies in (lagen (1971:289) om allmänna förvaltningsdomstolar 14 §), as the
  // municipality named it (PUT /organisations/{id}). Without one the generic name: the appeal is handed in to the municipality anyway.
  const court = appealCourt ?? 'förvaltningsrätten';
  return {
    paragraphs: [
      `Om ni är missnöjda med beslutet kan ni överklaga det hos ${court}. Överklagandet ska vara skriftligt och ställas till ${court}, ` +
        `men skickas eller lämnas till ${municipality}.`,
      `Överklagandet måste ha kommit in till ${municipality} inom ${APPEAL_WEEKS_TEXT} från den dag då ni fick del av beslutet. ` +
        'Har överklagandet kommit in för sent kommer det inte att prövas.',
      `${municipality} prövar först om beslutet ska ändras. Om kommunen inte ändrar beslutet som ni begär skickas överklagandet vidare till ${court}.`,
      'Överklagandet ska innehålla:',
    ],
    contents: [
      'ert namn (tillståndshavarens firma), organisationsnummer, postadress och telefonnummer',
      'vilket beslut som överklagas, till exempel genom att ange beslutsdatum och diarienummer',
      'hur ni anser att beslutet ska ändras och varför',
      'de handlingar eller andra bevis som ni vill åberopa',
      'underskrift av er eller av ert ombud (bifoga fullmakt om ett ombud skriver under)',
    ],
    citation: `10 kap. 1 § ${ALCOHOL_ACT}; 33 §, 43 §, 44 § och 45 § ${ADMINISTRATIVE_PROCEDURE_ACT}.`,
  };
}

/**
 * A decision to take no action does not go against the holder, and only a decision that does may
 * be appealed by the one it concerns (förvaltningslagen 42 §): the letter says so instead.
 */
export const NO_APPEAL_NOTE = `Beslutet går er inte emot och kan därför inte överklagas av er (42 § ${ADMINISTRATIVE_PROCEDURE_ACT}).`;

// ---- the hearing -----------------------------------------------------------------------------

/**
 * What the hearing letter says of the hearing itself (kommunicering, FL 25 §): the holder gets the
 * material and a time to answer before the municipality decides.
 */
export function hearingIntroduction(municipality: string, premisesName: string): string {
  return (
    `${municipality} har inlett ett tillsynsärende som gäller serveringstillståndet för ${premisesName}. ` +
    `Innan kommunen fattar beslut i ärendet har ni rätt att ta del av det som har tillförts ärendet och att yttra er över det ` +
    `(25 § ${ADMINISTRATIVE_PROCEDURE_ACT}).`
  );
}

/**
 * What the municipality considers, as the hearing states it: the sanction the case names, or — while
 * it names none — the ladder of AL 9 kap. 17–18 §§. The decision may be no harsher than what the
 * hearing said (sanction-rules.ts `decisionErrors`).
 */
export function consideredSanctionText(considered: ConsideredSanction | null): string {
  switch (considered) {
    case 'erinran':
      return `Kommunen överväger att meddela er en erinran enligt 9 kap. 17 § ${ALCOHOL_ACT}.`;
    case 'varning':
      return `Kommunen överväger att meddela er en varning enligt 9 kap. 17 § ${ALCOHOL_ACT}.`;
    case 'aterkallelse':
      return (
        `Kommunen överväger att återkalla ert serveringstillstånd enligt 9 kap. 18 § första stycket 3 ${ALCOHOL_ACT}, ` +
        'eftersom en erinran eller en varning inte bedöms vara en tillräcklig åtgärd.'
      );
    case null:
      return (
        `Kommunen överväger att meddela er en erinran eller en varning enligt 9 kap. 17 § ${ALCOHOL_ACT}. ` +
        `Om en erinran eller en varning inte bedöms vara en tillräcklig åtgärd kan kommunen komma att återkalla serveringstillståndet ` +
        `enligt 9 kap. 18 § första stycket 3 samma lag.`
      );
  }
}

/** What happens without an answer (FL 25 §: the matter may be decided once the time has passed). */
export const NO_ANSWER_NOTE = 'Om vi inte har fått något svar från er inom den angivna tiden kan kommunen komma att avgöra ärendet på befintligt underlag.';

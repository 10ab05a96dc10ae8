/** The search box in the header and its results page, in Swedish and English. */
export const sv = {
  siteSearch: {
    label: 'Sök',
    placeholder: 'Namn, ärendenummer, org.nr',
    submit: 'Sök',
    submitLabel: 'Sök i Samverkan',
    title: 'Sök',
    resultsFor: 'Träffar för ”{{q}}”',
    tooShort: 'Skriv minst två tecken i sökrutan.',
    none: 'Inga träffar',
    more: 'Det finns fler träffar. Skriv mer av namnet för att se färre.',
    personalNumber:
      'Det du sökte på ser ut som ett personnummer eller samordningsnummer. Personer söks inte här, bara i ungdomsärenden, med ett skäl som loggas.',
    findPerson: 'Sök person i ungdomsärenden',
    kinds: {
      youth_case: 'Ungdomsärenden',
      premises: 'Serveringsställen',
      licence_holder: 'Tillståndshavare',
      action: 'Åtgärder',
      commitment: 'Åtaganden',
      operation: 'Insatser',
    },
  },
};

export const en: typeof sv = {
  siteSearch: {
    label: 'Search',
    placeholder: 'Name, case number, org. no.',
    submit: 'Search',
    submitLabel: 'Search Samverkan',
    title: 'Search',
    resultsFor: 'Results for “{{q}}”',
    tooShort: 'Type at least two characters in the search box.',
    none: 'No results',
    more: 'There are more results. Type more of the name to see fewer.',
    personalNumber:
      'What you searched for looks like a personal identity or coordination number. People are not searched for here, only in youth cases, with a reason that is logged.',
    findPerson: 'Find the person in youth cases',
    kinds: {
      youth_case: 'Youth cases',
      premises: 'Licensed premises',
      licence_holder: 'Licence holders',
      action: 'Actions',
      commitment: 'Commitments',
      operation: 'Operations',
    },
  },
};

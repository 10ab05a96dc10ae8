/** Strong authentication and step-up (issue #18): what a weaker session is told, and how to renew it. */
export const sv = {
  strongAuth: {
    title: 'Logga in med starkare inloggning',
    intro: 'Du är inloggad med enbart lösenord. Den här delen av Samverkan kräver stark inloggning.',
    social_services_records:
      'Ungdomsärenden och uppgifter om de unga omfattas av socialtjänstens sekretess och får bara öppnas efter stark inloggning (HSLF-FS 2016:40 4 kap. 4 §).',
    police_intelligence: 'Polisens insatser och underrättelser får bara öppnas efter stark inloggning (brottsdatalagen 3 kap. 8 § och Polisens säkerhetskrav).',
    how: 'Stark inloggning är e-legitimation via din organisation, till exempel SITHS-kort, Freja eID eller BankID, eller lösenord tillsammans med en andra faktor.',
    back: 'När du har loggat in kommer du tillbaka hit.',
    signInAgain: 'Logga ut och logga in med starkare inloggning',
    signInNotice: 'Logga in med starkare inloggning för att fortsätta. Efter inloggningen kommer du tillbaka till sidan där du var.',
    stepUpTitle: 'Din senaste starka inloggning är för gammal',
    stepUpText:
      'För att visa ett fullständigt personnummer eller öppna underrättelseuppgifter måste din senaste starka inloggning vara högst {{maxAgeMinutes}} minuter gammal.',
    strongTitle: 'Det här kräver starkare inloggning',
    stepUpSubmit: 'Logga in igen',
    close: 'Stäng',
    confirmed: 'Bekräftat. Gör om det du höll på med.',
    here: {
      intro: 'Bekräfta med din andra faktor att det är du, så kan du fortsätta utan att logga ut.',
      code: 'Kod från autentiseringsappen',
      confirm: 'Bekräfta',
      passkey: 'Bekräfta med passkey',
    },
  },
};

export const en: typeof sv = {
  strongAuth: {
    title: 'Sign in with stronger authentication',
    intro: 'You are signed in with a password only. This part of Samverkan requires strong authentication.',
    social_services_records:
      'Youth cases and what is recorded about the young people are confidential social services records and may only be opened after strong authentication (HSLF-FS 2016:40 chapter 4 section 4).',
    police_intelligence:
      'Police operations and intelligence may only be opened after strong authentication (the Criminal Data Act, chapter 3 section 8, and the Police’s security requirements).',
    how: 'Strong authentication is an eID through your organisation, such as a SITHS card, Freja eID or BankID, or a password together with a second factor.',
    back: 'After signing in you come back here.',
    signInAgain: 'Sign out and sign in with stronger authentication',
    signInNotice: 'Sign in with stronger authentication to continue. After signing in you return to the page you were on.',
    stepUpTitle: 'Your last strong sign-in is too old',
    stepUpText: 'To show a full personal number or open intelligence, your last strong sign-in must be at most {{maxAgeMinutes}} minutes old.',
    strongTitle: 'This requires stronger authentication',
    stepUpSubmit: 'Sign in again',
    close: 'Close',
    confirmed: 'Confirmed. Do again what you were doing.',
    here: {
      intro: 'Confirm with your second factor that it is you, and carry on without signing out.',
      code: 'Code from the authenticator app',
      confirm: 'Confirm',
      passkey: 'Confirm with a passkey',
    },
  },
};

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { provideErrorTexts } from './api/problem-text';
import { coreEn, coreSv } from './locales/core';

const LANGUAGE_KEY = 'samverkan.language';

/**
 * Swedish by default; the switch remembers English for this browser. The first load carries only
 * the texts of the pages without a session (locales/core.ts, issue #19: a small first load on a
 * phone); loadAllTexts adds the rest before anything else is shown.
 */
void i18next.use(initReactI18next).init({
  resources: { sv: { translation: coreSv }, en: { translation: coreEn } },
  lng: localStorage.getItem(LANGUAGE_KEY) ?? 'sv',
  fallbackLng: 'sv',
  interpolation: { escapeValue: false },
});

let allTexts: Promise<void> | undefined;

/**
 * Every text of the app: the areas' (locales/sv.ts, en.ts) and the sentences for the api's error
 * codes in their own namespace (api/problem-text.ts says them). The signed-in app waits for it
 * (App.tsx), and so does any api answer that is an error (api/client.ts), so a screen never shows
 * a key instead of a text. Loaded once.
 */
export function loadAllTexts(): Promise<void> {
  allTexts ??= Promise.all([import('./locales/sv'), import('./locales/en'), import('./locales/errors')]).then(([{ sv }, { en }, errors]) => {
    i18next.addResourceBundle('sv', 'translation', sv, true, true);
    i18next.addResourceBundle('en', 'translation', en, true, true);
    i18next.addResourceBundle('sv', 'apiErrors', { ...errors.errorsSv, _unknown: errors.unknownErrorSv }, true, true);
    i18next.addResourceBundle('en', 'apiErrors', { ...errors.errorsEn, _unknown: errors.unknownErrorEn }, true, true);
    provideErrorTexts(errors);
  });
  return allTexts;
}

i18next.on('languageChanged', (language) => {
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
});
document.documentElement.lang = i18next.language;

export default i18next;

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { errorsEn, errorsSv, unknownErrorEn, unknownErrorSv } from './locales/errors';
import { sv } from './locales/sv';

const LANGUAGE_KEY = 'samverkan.language';

/** Swedish by default; the switch remembers English for this browser. */
void i18next.use(initReactI18next).init({
  // The api's error codes in their own namespace (api/problem-text.ts says them).
  resources: {
    sv: { translation: sv, apiErrors: { ...errorsSv, _unknown: unknownErrorSv } },
    en: { translation: en, apiErrors: { ...errorsEn, _unknown: unknownErrorEn } },
  },
  lng: localStorage.getItem(LANGUAGE_KEY) ?? 'sv',
  fallbackLng: 'sv',
  interpolation: { escapeValue: false },
});

i18next.on('languageChanged', (language) => {
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
});
document.documentElement.lang = i18next.language;

export default i18next;

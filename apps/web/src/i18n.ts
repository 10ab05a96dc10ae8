import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { provideErrorTexts } from './api/problem-text';

const LANGUAGE_KEY = 'samverkan.language';

type Texts = Record<string, unknown>;

/**
 * Swedish by default; the switch remembers English for this browser. The first load carries only
 * the texts of the pages it can show (issue #19: a small first load on a phone): the app's entry
 * (main.tsx) those of the pages without a session (locales/core.ts), the public promise page's
 * entry (public-promise.tsx) only its own; loadAllTexts adds the rest before anything else is
 * shown. Each entry calls this once, before it renders.
 */
export function startTexts(sv: Texts, en: Texts): void {
  void i18next.use(initReactI18next).init({
    resources: { sv: { translation: sv }, en: { translation: en } },
    lng: localStorage.getItem(LANGUAGE_KEY) ?? 'sv',
    fallbackLng: 'sv',
    interpolation: { escapeValue: false },
  });
  i18next.on('languageChanged', (language) => {
    localStorage.setItem(LANGUAGE_KEY, language);
    document.documentElement.lang = language;
  });
  document.documentElement.lang = i18next.language;
}

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

export default i18next;

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { sv } from './locales/sv';

const LANGUAGE_KEY = 'samverkan.language';

/** Swedish by default; the switch remembers English for this browser. */
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

export default i18next;

import { createInstance } from 'i18next';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { App } from './App';
import { coreEn, coreSv } from './locales/core';
import { SessionProvider } from './session';

/**
 * The sign-in page as HTML, drawn at build time (scripts/prerender-web.mjs puts it into
 * index.html; issue #19). A phone then shows the page as soon as the HTML and the stylesheet are
 * there, not after all the scripts have downloaded and run; main.tsx then hydrates it. The tree is
 * the one main.tsx renders for a visitor without a session (same components in the same places,
 * so React's generated ids match), in one language.
 *
 * Built for Node (`vite build --ssr`), where there is no browser storage: the page is drawn as for
 * a browser that holds no session and no pending step-up, the only case first-paint.js lets it show.
 */
const noStorage = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };
Object.assign(globalThis, { sessionStorage: noStorage, localStorage: noStorage });

export async function renderSignIn(language: 'sv' | 'en'): Promise<string> {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    resources: { sv: { translation: coreSv }, en: { translation: coreEn } },
    lng: language,
    fallbackLng: 'sv',
    interpolation: { escapeValue: false },
  });
  return renderToString(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <MemoryRouter>
          <SessionProvider>
            <App />
          </SessionProvider>
        </MemoryRouter>
      </I18nextProvider>
    </StrictMode>,
  );
}

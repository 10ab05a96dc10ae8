import './first-load.css';
import './styles.css';
import { type ReactNode, StrictMode, useEffect } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import i18next, { startTexts } from './i18n';
import { coreEn, coreSv } from './locales/core';
import { SessionProvider } from './session';

startTexts(coreSv, coreEn);

/**
 * Once React has drawn (or taken over) the page, first-paint.js's mark goes (see below), and a
 * sign-in sent before the app's script ran, which first-paint.js held, is sent now.
 */
function TakenOver({ children }: { children: ReactNode }) {
  useEffect(() => {
    delete document.documentElement.dataset.firstPaint;
    const held = (window as { samverkanHeldSubmit?: HTMLFormElement }).samverkanHeldSubmit;
    delete (window as { samverkanHeldSubmit?: HTMLFormElement }).samverkanHeldSubmit;
    if (held?.isConnected) held.requestSubmit();
  }, []);
  return children;
}

const app = (
  <StrictMode>
    <TakenOver>
      <BrowserRouter>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </TakenOver>
  </StrictMode>
);

// The built index.html holds the sign-in page in both languages, drawn at build time
// (scripts/prerender-web.mjs), and public/first-paint.js chose the one to show, if any (issue #19).
// That one is hydrated: React takes over the page already on screen (and what was typed into it);
// otherwise the app renders afresh. The other drawing goes. The mark first-paint.js set stays
// (as 'app') until React has taken over: until then it keeps the drawn form from being sent.
const html = document.documentElement;
const root = document.getElementById('root')!;
const english = document.getElementById('root-en');
const drawn = html.dataset.firstPaint;
if (drawn === 'en' && english) root.replaceChildren(...english.childNodes);
english?.remove();
const hydrate = (drawn === 'sv' || drawn === 'en') && drawn === i18next.language && root.firstChild !== null;
if (!hydrate) root.replaceChildren();
if (drawn) html.dataset.firstPaint = 'app';
if (hydrate) hydrateRoot(root, app);
else createRoot(root).render(app);

import './first-load.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startTexts } from './i18n';
import { commonEn, commonSv } from './locales/common';
import { en as publicEn, sv as publicSv } from './pages/public/messages';
import PublicPromise from './pages/public/PublicPromise';

/**
 * The entry of the public promise page (issue #19: the page a citizen opens on a phone, from a
 * link, without an account). The api answers /public/promises/:id with public-promise.html, which
 * loads this instead of the app's entry (main.tsx): the page alone, with its own texts — no router,
 * no session, no sign-in — so the phone downloads and runs only what draws the promise. Inside the
 * app (a link from the promise's dashboard) App.tsx shows the same page.
 */
const id = /^\/public\/promises\/([^/]+)\/?$/.exec(location.pathname)?.[1] ?? '';

startTexts({ ...publicSv, ...commonSv }, { ...publicEn, ...commonEn });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main id="main">
      <PublicPromise id={decodeURIComponent(id)} />
    </main>
  </StrictMode>,
);

import { lazy, Suspense } from 'react';
import { useMatch } from 'react-router';
import { Loading } from './components/common';
import { loadAllTexts } from './i18n';
import PublicIndex from './pages/public/PublicIndex';
import PublicPromise from './pages/public/PublicPromise';
import { SignIn } from './pages/SignIn';
import { useSession } from './session';

// Issue #19 (a phone on a slow network): the first load holds only what the sign-in page and the
// public promise page need, the two pages one opens without an account. Every other page loads
// when opened: the signed-in app (Shell) with all texts and custom elements, an invitation or a
// password reset with its own.
const OidcCallback = lazy(() => import('./pages/oidc/OidcCallback'));
const Invitation = lazy(() => import('./pages/account/Invitation'));
const ResetPassword = lazy(() => import('./pages/account/ResetPassword'));
const Shell = lazy(() => Promise.all([import('./Shell'), loadAllTexts()]).then(([m]) => m));

export function App() {
  const { me, restoring } = useSession();
  // Pages without a session (issue #18: links from e-mail, the identity provider's answer), matched
  // before any early answer so every render calls the same hooks.
  const invitation = useMatch('/invitation/:token');
  const passwordReset = useMatch('/reset-password/:token');
  const oidcCallback = useMatch('/oidc/callback');
  const publicPromise = useMatch('/public/promises/:id');
  const publicIndex = useMatch('/public');
  // The public index and page of a promise need no account (issue #20: it is what the promise publishes).
  if (publicIndex)
    return (
      <main id="main">
        <PublicIndex />
      </main>
    );
  if (publicPromise)
    return (
      <main id="main">
        <PublicPromise id={publicPromise.params.id!} />
      </main>
    );
  if (invitation)
    return (
      <main id="main">
        <Suspense fallback={<Loading />}>
          <Invitation token={invitation.params.token!} />
        </Suspense>
      </main>
    );
  if (passwordReset)
    return (
      <main id="main">
        <Suspense fallback={<Loading />}>
          <ResetPassword token={passwordReset.params.token!} />
        </Suspense>
      </main>
    );
  // The identity provider's answer to a sign-in (issue #18), before any session exists.
  if (oidcCallback)
    return (
      <Suspense fallback={<Loading />}>
        <OidcCallback />
      </Suspense>
    );
  if (restoring)
    return (
      <main>
        <Loading />
      </main>
    );
  if (!me) return <SignIn />;
  return (
    <Suspense
      fallback={
        <main>
          <Loading />
        </main>
      }
    >
      <Shell />
    </Suspense>
  );
}

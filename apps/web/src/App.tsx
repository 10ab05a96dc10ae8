import { Button, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { lazy, Suspense } from 'react';
import { Link, Navigate, NavLink, Route, Routes } from 'react-router';
import { Loading } from './components/common';
import { SignIn } from './pages/SignIn';
import { useSession } from './session';

// Each area loads when first opened: the sign-in page and start page stay small on a phone.
const Home = lazy(() => import('./pages/Home').then((m) => ({ default: m.Home })));
const PromisePage = lazy(() => import('./pages/Promise').then((m) => ({ default: m.PromisePage })));
const Inspections = lazy(() => import('./pages/Inspections').then((m) => ({ default: m.Inspections })));
const InspectionProtocol = lazy(() => import('./pages/Inspections').then((m) => ({ default: m.InspectionProtocol })));
const YouthCases = lazy(() => import('./pages/YouthCases').then((m) => ({ default: m.YouthCases })));
const YouthCase = lazy(() => import('./pages/YouthCases').then((m) => ({ default: m.YouthCase })));
const Operation = lazy(() => import('./pages/Operation').then((m) => ({ default: m.Operation })));
const Notifications = lazy(() => import('./pages/Notifications').then((m) => ({ default: m.Notifications })));
const Operations = lazy(() => import('./pages/Operations').then((m) => ({ default: m.Operations })));

/** The menu: each entry only for those whose permissions let them use it. */
const NAV = [
  { to: '/', key: 'nav.home', permission: null },
  { to: '/promise', key: 'nav.promise', permission: 'promise:read' },
  { to: '/inspections', key: 'nav.inspections', permission: 'inspection:read' },
  { to: '/youth-cases', key: 'nav.youth', permission: 'youth_case:read' },
  { to: '/operations', key: 'nav.operations', permission: 'operation:read' },
  { to: '/notifications', key: 'nav.notifications', permission: null },
] as const;

export function App() {
  const { me, restoring, can, signOut } = useSession();
  const { t, i18n } = useTranslation();
  if (restoring) return <main><Loading /></main>;
  if (!me) return <SignIn />;
  return (
    <div className="shell">
      <SkipLink href="#main">{t('app.skip')}</SkipLink>
      <header className="topbar">
        <Link to="/" className="brand">{t('app.name')}</Link>
        <nav aria-label={t('app.menu')}>
          <ul>
            {NAV.filter((n) => !n.permission || can(n.permission)).map((n) => (
              <li key={n.to}><NavLink to={n.to} end={n.to === '/'}>{t(n.key)}</NavLink></li>
            ))}
          </ul>
        </nav>
        <Paragraph data-size="sm">{me.user.displayName}</Paragraph>
        <Button variant="tertiary" data-size="sm" lang={t('app.languageCode')} onClick={() => void i18n.changeLanguage(t('app.languageCode'))}>{t('app.language')}</Button>
        <Button variant="secondary" data-size="sm" onClick={() => void signOut()}>{t('app.signOut')}</Button>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/promise" element={<PromisePage />} />
          <Route path="/inspections" element={<Inspections />} />
          <Route path="/inspections/:id" element={<InspectionProtocol />} />
          <Route path="/youth-cases" element={<YouthCases />} />
          <Route path="/youth-cases/:id" element={<YouthCase />} />
          <Route path="/operations" element={<Operations />} />
          <Route path="/operations/:id" element={<Operation />} />
          <Route path="/notifications" element={<Notifications />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
        </Suspense>
      </main>
    </div>
  );
}

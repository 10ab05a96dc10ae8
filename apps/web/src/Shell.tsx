import './design-system-full';
// All of Designsystemet's custom elements (the first load has only some: design-system-web.ts).
import '@digdir/designsystemet-web/esm/index.js';
import { Button, SkipLink } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { type KeyboardEvent, lazy, Suspense, useRef, useState } from 'react';
import { Link, Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { Loading } from './components/common';
import { HeaderSearch } from './pages/search/HeaderSearch';
import { StrongAuthGate, StrongAuthWatch } from './pages/strong-auth/StrongAuth';
import { useSession } from './session';

// Each area loads when first opened: the start page stays small on a phone.
// An area module holds its own sub-routes (e.g. /inspections/premises/:id).
const Home = lazy(() => import('./pages/Home').then((m) => ({ default: m.Home })));
const Notifications = lazy(() => import('./pages/Notifications').then((m) => ({ default: m.Notifications })));
const PromiseArea = lazy(() => import('./pages/promise/index'));
const FindingsArea = lazy(() => import('./pages/findings/index'));
const FieldArea = lazy(() => import('./pages/field/index'));
const InspectionsArea = lazy(() => import('./pages/inspections/index'));
const YouthArea = lazy(() => import('./pages/youth/index'));
const OperationsArea = lazy(() => import('./pages/operations/index'));
const OperationSummaries = lazy(() => import('./pages/operations/Summaries'));
const AdminArea = lazy(() => import('./pages/admin/index'));
const AuditArea = lazy(() => import('./pages/audit/index'));
const SearchPage = lazy(() => import('./pages/search/SearchPage'));
// The map brings Leaflet: only those who open it load it.
const MapPage = lazy(() => import('./pages/map/MapPage'));
const WorkQueue = lazy(() => import('./pages/work-queue/WorkQueue'));
const Security = lazy(() => import('./pages/account/Security'));
const MySessions = lazy(() => import('./pages/account/Sessions'));

/** The menu: each entry only for those whose permissions let them use it. */
const NAV = [
  { to: '/', key: 'nav.home', permission: null },
  { to: '/promise', key: 'nav.promise', permission: 'promise:read' },
  { to: '/findings', key: 'nav.findings', permission: 'promise:read' },
  { to: '/inspections', key: 'nav.inspections', permission: 'inspection:read' },
  { to: '/youth-cases', key: 'nav.youth', permission: 'youth_case:read' },
  { to: '/operations', key: 'nav.operations', permission: 'operation:read' },
  { to: '/operation-summaries', key: 'nav.summaries', permission: 'operation_summary:read' },
  { to: '/work-queue', key: 'nav.workQueue', permission: 'work_queue:read' },
  // For those who may read any of its layers (libs/map map-rules.ts).
  { to: '/map', key: 'nav.map', permission: ['premises:read', 'promise:read', 'operation_summary:read'] },
  { to: '/notifications', key: 'nav.notifications', permission: null },
  { to: '/admin', key: 'nav.admin', permission: 'user:read' },
  { to: '/audit', key: 'nav.audit', permission: 'audit:read' },
] as const;

/**
 * The signed-in app: header, menu and the areas. Loaded only once someone is signed in (App.tsx),
 * with every text and the design system's full CSS, so the sign-in and public pages stay small.
 */
export default function Shell() {
  const { me, can, signOut } = useSession();
  const { t, i18n } = useTranslation();
  const menu = useHeaderMenu();
  if (!me) return null;
  return (
    <div className="shell">
      <SkipLink href="#main">{t('app.skip')}</SkipLink>
      <header className="topbar" onKeyDown={menu.onKeyDown}>
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        {/* Shown only on a narrow screen (styles.css), where the menu would fill the phone's first view. */}
        <Button
          ref={menu.button}
          type="button"
          variant="secondary"
          data-size="sm"
          className="topbar-menu-button"
          aria-expanded={menu.open}
          aria-controls="topbar-menu"
          onClick={menu.toggle}
        >
          <span aria-hidden="true" className="topbar-menu-icon" />
          {t('app.menuButton')}
        </Button>
        {/* On a wide screen this box is no box (display: contents): the header is a row as before. */}
        <div id="topbar-menu" className="topbar-menu" data-open={menu.open}>
          <nav aria-label={t('app.menu')} onClick={menu.close}>
            <ul>
              {NAV.filter((n) => !n.permission || (typeof n.permission === 'string' ? can(n.permission) : n.permission.some((p) => can(p)))).map((n) => (
                <li key={n.to}>
                  <NavLink to={n.to} end={n.to === '/'}>
                    {t(n.key)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <HeaderSearch />
          <div className="topbar-account">
            <Link to="/account/security" className="topbar-user" aria-label={t('account.menu', { name: me.user.displayName })}>
              {me.user.displayName}
            </Link>
            <Button variant="tertiary" data-size="sm" lang={t('app.languageCode')} onClick={() => void i18n.changeLanguage(t('app.languageCode'))}>
              {t('app.language')}
            </Button>
            <Button variant="secondary" data-size="sm" onClick={() => void signOut()}>
              {t('app.signOut')}
            </Button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <StrongAuthWatch />
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<Home />} />
            <Route path="/promise/*" element={<PromiseArea />} />
            <Route path="/findings/*" element={<FindingsArea />} />
            <Route path="/field/*" element={<FieldArea />} />
            <Route path="/inspections/*" element={<InspectionsArea />} />
            <Route
              path="/youth-cases/*"
              element={
                <StrongAuthGate permission="youth_case:read">
                  <YouthArea />
                </StrongAuthGate>
              }
            />
            <Route
              path="/operations/*"
              element={
                <StrongAuthGate permission="operation:read">
                  <OperationsArea />
                </StrongAuthGate>
              }
            />
            <Route path="/operation-summaries" element={<OperationSummaries />} />
            <Route path="/notifications" element={<Notifications />} />
            <Route path="/work-queue" element={<WorkQueue />} />
            <Route path="/admin/*" element={<AdminArea />} />
            <Route path="/audit" element={<AuditArea />} />
            <Route path="/search" element={<SearchPage />} />
            <Route path="/map" element={<MapPage />} />
            <Route path="/account/security" element={<Security />} />
            <Route path="/account/sessions" element={<MySessions />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </main>
    </div>
  );
}

/**
 * The phone's menu button: open shows the menu; a chosen page closes it again (the page is what one
 * came for), and Escape closes it with focus back on the button, so a keyboard is never stranded in
 * a menu that has vanished (WCAG 2.1.2, 2.4.3).
 */
function useHeaderMenu() {
  // Open on the page where it was opened: going to another page (a link, Back) closes it.
  const { key } = useLocation();
  const [openOn, setOpenOn] = useState<string>();
  const button = useRef<HTMLButtonElement>(null);
  const open = openOn === key;
  return {
    open,
    button,
    toggle: () => setOpenOn(open ? undefined : key),
    // A page chosen from the menu closes it, also the page one is on (no new location then).
    close: () => setOpenOn(undefined),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !open) return;
      setOpenOn(undefined);
      button.current?.focus();
    },
  };
}

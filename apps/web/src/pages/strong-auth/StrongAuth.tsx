import { Alert, Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../session';
import { StepUpHere } from './StepUpHere';
import { RETURN_KEY } from './StrongSignInNotice';

/**
 * Strong authentication in the screens (issue #18). Reading youth cases and police operations needs
 * a strong session (libs/access strong-auth.ts: HSLF-FS 2016:40 4 kap 4 §, brottsdatalagen 3 kap
 * 8 §); revealing a personal number or opening intelligence needs a recent one (step-up). The
 * menu still shows those areas; a weaker session opening one is told why and offered to sign in
 * again, and comes back where it was afterwards.
 */

type Rule = 'social_services_records' | 'police_intelligence';

/** The rule behind each resource's need for a strong session (mirrors STRONG_SESSION_PERMISSIONS). */
function ruleOf(permission: string): Rule {
  return permission.startsWith('operation:') ? 'police_intelligence' : 'social_services_records';
}

/** A refusal the api answered that asks for stronger or fresher authentication. */
type Refusal = { code: 'auth.strong_required'; rule: Rule } | { code: 'auth.step_up_required'; maxAgeMinutes: number };

const listeners = new Set<(refusal: Refusal) => void>();

// Every answer passes here: a 403 auth.strong_required or auth.step_up_required from any screen
// opens the dialog below, whatever the screen itself shows.
api.use({
  async onResponse({ response }) {
    if (response.status !== 403 || !(response.headers.get('content-type') ?? '').includes('json')) return response;
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as { code?: string; params?: Record<string, unknown> } | null;
    let refusal: Refusal | null = null;
    if (body?.code === 'auth.strong_required') refusal = { code: body.code, rule: ruleOf(String(body.params?.permission ?? '')) };
    if (body?.code === 'auth.step_up_required') refusal = { code: body.code, maxAgeMinutes: Number(body.params?.maxAgeMinutes ?? 15) };
    if (refusal) for (const listener of listeners) listener(refusal);
    return response;
  },
});

/**
 * Renews the session's strong authentication by signing in again: sign out, remembering where the
 * user was, and sign in on the sign-in page (with an identity provider or a second factor), landing
 * back here. Users with a second factor may instead step up within the session (StepUpHere).
 */
export function useRenewStrongAuthentication(): () => Promise<void> {
  const { signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  return async () => {
    sessionStorage.setItem(RETURN_KEY, `${location.pathname}${location.search}`);
    await signOut();
    void navigate('/', { replace: true });
  };
}

/** Wraps an area: a session too weak for `permission` sees why and how to sign in stronger. */
export function StrongAuthGate({ permission, children }: { permission: string; children: ReactNode }) {
  const { me } = useSession();
  const location = useLocation();
  // Filing a report of concern is open to anyone (SoL 14 kap 1 §), also within the youth area.
  const open = location.pathname.endsWith('/report-of-concern');
  if (me && !open && !me.session.strong && me.strongPermissions.includes(permission)) return <StrongAuthRequired rule={ruleOf(permission)} />;
  return <>{children}</>;
}

function StrongAuthRequired({ rule }: { rule: Rule }) {
  const { t } = useTranslation();
  const renew = useRenewStrongAuthentication();
  return (
    <section className="strong-auth" aria-labelledby="strong-auth-title">
      <Heading level={1} data-size="md" id="strong-auth-title">
        {t('strongAuth.title')}
      </Heading>
      <Alert data-color="warning">
        <Paragraph>{t('strongAuth.intro')}</Paragraph>
        <Paragraph>{t(`strongAuth.${rule}`)}</Paragraph>
      </Alert>
      <Paragraph>{t('strongAuth.how')}</Paragraph>
      <Paragraph>{t('strongAuth.back')}</Paragraph>
      <Button onClick={() => void renew()}>{t('strongAuth.signInAgain')}</Button>
    </section>
  );
}

/**
 * In the signed-in shell: brings the user back to where they were after signing in stronger, and
 * shows the dialog when the api asks for step-up (or a stronger session) on any screen.
 */
export function StrongAuthWatch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const renew = useRenewStrongAuthentication();
  const dialog = useRef<HTMLDialogElement>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const { pathname } = useLocation();
  // The confirmation belongs to the screen it was given on.
  useEffect(() => setConfirmed(false), [pathname]);

  useEffect(() => {
    const returnTo = sessionStorage.getItem(RETURN_KEY);
    if (returnTo) {
      sessionStorage.removeItem(RETURN_KEY);
      if (returnTo.startsWith('/')) void navigate(returnTo, { replace: true });
    }
  }, [navigate]);

  useEffect(() => {
    const listener = (next: Refusal) => {
      setConfirmed(false);
      setRefusal(next);
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);

  useEffect(() => {
    if (refusal && !dialog.current?.open) dialog.current?.showModal();
  }, [refusal]);

  return (
    <>
      {confirmed && (
        <Alert data-color="success" role="status" className="step-up-confirmed">
          {t('strongAuth.confirmed')}
        </Alert>
      )}
      <Dialog ref={dialog} closeButton={t('strongAuth.close')} onClose={() => setRefusal(null)} aria-labelledby={refusal ? 'step-up-title' : undefined}>
        {refusal && (
          <>
            <Heading level={2} data-size="xs" id="step-up-title">
              {refusal.code === 'auth.step_up_required' ? t('strongAuth.stepUpTitle') : t('strongAuth.strongTitle')}
            </Heading>
            <Paragraph>
              {refusal.code === 'auth.step_up_required'
                ? t('strongAuth.stepUpText', { maxAgeMinutes: refusal.maxAgeMinutes })
                : t(`strongAuth.${refusal.rule}`)}
            </Paragraph>
            {refusal.code === 'auth.step_up_required' && (
              <StepUpHere
                onDone={() => {
                  dialog.current?.close();
                  setConfirmed(true);
                }}
              />
            )}
            <Paragraph>{t('strongAuth.back')}</Paragraph>
            <Button
              variant={refusal.code === 'auth.step_up_required' ? 'tertiary' : 'primary'}
              onClick={() => {
                dialog.current?.close();
                void renew();
              }}
            >
              {t('strongAuth.stepUpSubmit')}
            </Button>
          </>
        )}
      </Dialog>
    </>
  );
}

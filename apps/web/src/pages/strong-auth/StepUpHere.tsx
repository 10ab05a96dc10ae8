import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asProblem, type Problem } from '../../api/client';
import { ProblemMessage, useLoad } from '../../components/common';

/**
 * Step-up within the session (issue #18, POST /auth/step-up): a user with an authenticator app or
 * a passkey confirms it is them, and the session's strong authentication is fresh again, without
 * signing out. Users with neither are left to sign in again (the dialog's other action).
 */
export function StepUpHere({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const factors = useLoad(() => api.GET('/api/v1/me/mfa'), []);
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const totp = factors.data?.totpEnabled ?? false;
  const passkeys = (factors.data?.passkeys.length ?? 0) > 0;
  if (!totp && !passkeys) return null;

  async function confirm(body: { code: string } | { challenge: string; response: Record<string, never> }) {
    const { data, error, response } = await api.POST('/api/v1/auth/step-up', { body });
    if (data) onDone();
    else setProblem(asProblem(error, response.status));
  }

  async function withCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    await confirm({ code: String(new FormData(event.currentTarget).get('code')).trim() });
    setBusy(false);
  }

  async function withPasskey() {
    setBusy(true);
    setProblem(undefined);
    try {
      const { data: start, error, response } = await api.POST('/api/v1/auth/step-up/options');
      if (!start) return setProblem(asProblem(error, response.status));
      const assertion = await startAuthentication({ optionsJSON: start.options as unknown as PublicKeyCredentialRequestOptionsJSON });
      await confirm({ challenge: start.challenge, response: assertion as unknown as Record<string, never> });
    } catch {
      setProblem({ ...asProblem(null), code: 'mfa.passkey_invalid' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Paragraph>{t('strongAuth.here.intro')}</Paragraph>
      <ProblemMessage problem={problem} />
      {totp && (
        <form onSubmit={(e) => void withCode(e)}>
          <Textfield label={t('strongAuth.here.code')} name="code" inputMode="numeric" autoComplete="one-time-code" required />
          <Button type="submit" disabled={busy}>
            {t('strongAuth.here.confirm')}
          </Button>
        </form>
      )}
      {passkeys && (
        <Button variant="secondary" disabled={busy} onClick={() => void withPasskey()}>
          {t('strongAuth.here.passkey')}
        </Button>
      )}
    </>
  );
}

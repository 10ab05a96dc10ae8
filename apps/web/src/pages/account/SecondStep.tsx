import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asProblem, type Problem } from '../../api/client';
import { ProblemMessage } from '../../components/common';
import { fieldError } from '../../components/forms';
import { type MfaRequired, useSession } from '../../session';

/** The WebAuthn helpers load when a passkey is used, not with the sign-in page (issue #19: a small first load on a phone). */
const passkeys = () => import('@simplewebauthn/browser');

/**
 * The sign-in's second step (issue #18): the code of the authenticator app, a recovery code or a
 * passkey, for the challenge the password answered with. A password with one of them is strong.
 */
export function SecondStep({ mfa, onBack }: { mfa: MfaRequired; onBack: () => void }) {
  const { t } = useTranslation();
  const { accept } = useSession();
  const [recovery, setRecovery] = useState(!mfa.methods.includes('totp'));
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const usesCodes = mfa.methods.includes('totp');
  // Loaded ahead, so a passkey's prompt follows the click at once.
  useEffect(() => {
    if (mfa.passkeyOptions) void passkeys();
  }, [mfa.passkeyOptions]);

  async function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('code') ?? '');
    setBusy(true);
    const { data, error, response } = await api.POST('/api/v1/auth/mfa/totp', {
      body: recovery ? { challenge: mfa.challenge, recoveryCode: value } : { challenge: mfa.challenge, code: value },
    });
    setBusy(false);
    if (data) await accept(data);
    else setProblem(asProblem(error, response.status));
  }

  async function usePasskey() {
    if (!mfa.passkeyOptions) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const { startAuthentication } = await passkeys();
      const assertion = await startAuthentication({ optionsJSON: mfa.passkeyOptions as unknown as PublicKeyCredentialRequestOptionsJSON });
      const { data, error, response } = await api.POST('/api/v1/auth/mfa/passkey', {
        body: { challenge: mfa.challenge, response: assertion as unknown as Record<string, never> },
      });
      if (data) await accept(data);
      else setProblem(asProblem(error, response.status));
    } catch {
      setProblem({ ...asProblem(null), code: 'mfa.passkey_invalid' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="second-step">
      <Heading level={2} data-size="sm" id="second-step">
        {t('account.secondStep.title')}
      </Heading>
      <Paragraph data-size="sm">{t('account.secondStep.intro')}</Paragraph>
      {problem && !problem.errors?.length && <ProblemMessage problem={problem} />}
      {usesCodes && (
        <form onSubmit={(e) => void submitCode(e)} key={recovery ? 'recovery' : 'code'}>
          <Textfield
            id="code"
            name="code"
            label={recovery ? t('account.secondStep.recoveryCode') : t('account.secondStep.code')}
            autoComplete="one-time-code"
            inputMode={recovery ? 'text' : 'numeric'}
            required
            error={fieldError(problem, recovery ? 'recoveryCode' : 'code')}
          />
          <Button type="submit" disabled={busy}>
            {t('account.secondStep.submit')}
          </Button>
          <Button variant="tertiary" data-size="sm" type="button" onClick={() => setRecovery(!recovery)}>
            {recovery ? t('account.secondStep.useCode') : t('account.secondStep.useRecovery')}
          </Button>
        </form>
      )}
      {mfa.methods.includes('passkey') && (
        <Button variant={usesCodes ? 'secondary' : 'primary'} disabled={busy} onClick={() => void usePasskey()}>
          {t('account.secondStep.passkey')}
        </Button>
      )}
      <Button variant="tertiary" data-size="sm" onClick={onBack}>
        {t('account.secondStep.back')}
      </Button>
    </section>
  );
}

/** Passwordless sign-in with a passkey saved on the device (a discoverable credential). */
export function PasskeySignIn() {
  const { t } = useTranslation();
  const { accept } = useSession();
  const [failed, setFailed] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  async function signIn() {
    setBusy(true);
    setFailed(undefined);
    try {
      const { data: start, error: startError, response: startResponse } = await api.POST('/api/v1/auth/passkey/options');
      if (!start) return setFailed(asProblem(startError, startResponse.status));
      const { startAuthentication } = await passkeys();
      const assertion = await startAuthentication({ optionsJSON: start.options as unknown as PublicKeyCredentialRequestOptionsJSON });
      const { data, error, response } = await api.POST('/api/v1/auth/passkey/verify', {
        body: { challenge: start.challenge, response: assertion as unknown as Record<string, never> },
      });
      if (data) await accept(data);
      else setFailed(asProblem(error, response.status));
    } catch {
      setFailed({ ...asProblem(null), code: 'mfa.passkey_invalid' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ProblemMessage problem={failed} />
      <Button variant="secondary" disabled={busy} onClick={() => void signIn()}>
        {t('account.passwordless')}
      </Button>
    </>
  );
}

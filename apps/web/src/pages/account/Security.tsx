import { Alert, Button, Card, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import type { components } from '../../api/schema';
import { dateTime, Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';
import { fieldError } from '../../components/forms';

type Enrolment = components['schemas']['TotpEnrolmentView'];

/**
 * The signed-in user's second factors (issue #18): an authenticator app (TOTP) with recovery codes
 * shown once, and passkeys. With one, a password sign-in becomes strong (HSLF-FS 2016:40).
 */
export default function Security() {
  const { t, i18n } = useTranslation();
  const status = useLoad(() => api.GET('/api/v1/me/mfa'), []);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<Problem>();
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Runs one change; shows its problem, or reloads the status. */
  async function run(change: () => Promise<{ error?: unknown; response: Response }>, done?: string) {
    setBusy(true);
    setProblem(undefined);
    setNotice(null);
    const { error, response } = await change();
    setBusy(false);
    if (error) return setProblem(asProblem(error, response.status));
    if (done) setNotice(done);
    status.reload();
  }

  const codeOf = (event: FormEvent<HTMLFormElement>) => String(new FormData(event.currentTarget).get('code') ?? '');

  async function startTotp() {
    await run(async () => {
      const result = await api.POST('/api/v1/me/mfa/totp');
      if (result.data) setEnrolment(result.data);
      return result;
    });
  }

  async function confirmTotp(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = codeOf(event);
    await run(async () => {
      const result = await api.POST('/api/v1/me/mfa/totp/confirm', { body: { code } });
      if (result.data) {
        setEnrolment(null);
        setCodes(result.data.codes);
      }
      return result;
    });
  }

  async function manageTotp(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = codeOf(event);
    const submitter = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value');
    if (submitter === 'disable') {
      await run(() => api.POST('/api/v1/me/mfa/totp/disable', { body: { code } }), t('account.totp.disabled'));
    } else {
      await run(async () => {
        const result = await api.POST('/api/v1/me/mfa/recovery-codes', { body: { code } });
        if (result.data) setCodes(result.data.codes);
        return result;
      });
    }
  }

  async function addPasskey(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '').trim() || t('account.passkeys.defaultName');
    await run(async () => {
      const start = await api.POST('/api/v1/me/mfa/passkeys/options');
      if (!start.data) return start;
      let attestation: unknown;
      try {
        attestation = await startRegistration({ optionsJSON: start.data.options as unknown as PublicKeyCredentialCreationOptionsJSON });
      } catch {
        setNotice(t('account.passkeys.cancelled'));
        return { response: start.response };
      }
      return api.POST('/api/v1/me/mfa/passkeys', {
        body: { challenge: start.data.challenge, name, response: attestation as Record<string, never> },
      });
    }, t('account.passkeys.added'));
  }

  async function removePasskey(id: string) {
    await run(() => api.DELETE('/api/v1/me/mfa/passkeys/{id}', { params: { path: { id } } }));
  }

  const mfa = status.data;
  return (
    <>
      <PageTitle>{t('account.title')}</PageTitle>
      <Paragraph>{t('account.intro')}</Paragraph>
      <Paragraph data-size="sm">
        <RouterLink to="/account/sessions">{t('account.sessions.link')}</RouterLink>
      </Paragraph>
      <ProblemMessage problem={status.problem} />
      {status.loading && !mfa && <Loading />}
      {problem && <ProblemMessage problem={problem} />}
      {notice && (
        <Paragraph data-size="sm" role="status">
          {notice}
        </Paragraph>
      )}
      {codes && (
        <Card data-color="warning">
          <Heading level={2} data-size="xs">
            {t('account.recovery.title')}
          </Heading>
          <Alert data-color="warning">{t('account.recovery.warning')}</Alert>
          <ul className="recovery-codes" aria-label={t('account.recovery.title')}>
            {codes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
          <Button variant="secondary" onClick={() => setCodes(null)}>
            {t('account.recovery.done')}
          </Button>
        </Card>
      )}
      {mfa && (
        <>
          <section aria-labelledby="totp-title">
            <Heading level={2} data-size="sm" id="totp-title">
              {t('account.totp.title')}
            </Heading>
            {mfa.totpEnabled ? (
              <>
                <Paragraph>{t('account.totp.on')}</Paragraph>
                <Paragraph data-size="sm">{t('account.totp.recoveryLeft', { count: mfa.recoveryCodesLeft })}</Paragraph>
                <form onSubmit={(e) => void manageTotp(e)}>
                  <Textfield
                    id="code"
                    name="code"
                    label={t('account.totp.code')}
                    description={t('account.totp.codeHelp')}
                    autoComplete="one-time-code"
                    inputMode="numeric"
                    required
                    error={fieldError(problem, 'code')}
                  />
                  <div className="row">
                    <Button type="submit" value="regenerate" variant="secondary" disabled={busy}>
                      {t('account.totp.regenerate')}
                    </Button>
                    <Button type="submit" value="disable" variant="secondary" data-color="danger" disabled={busy}>
                      {t('account.totp.disable')}
                    </Button>
                  </div>
                </form>
              </>
            ) : enrolment ? (
              <form onSubmit={(e) => void confirmTotp(e)}>
                <Paragraph data-size="sm">{t('account.totp.keyHelp')}</Paragraph>
                <Paragraph>
                  {t('account.totp.key')}: <code data-testid="totp-secret">{enrolment.secret}</code>
                </Paragraph>
                <Paragraph>
                  <Link href={enrolment.otpauthUri}>{t('account.totp.openInApp')}</Link>
                </Paragraph>
                <Textfield
                  id="code"
                  name="code"
                  label={t('account.totp.code')}
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  required
                  error={fieldError(problem, 'code')}
                />
                <Button type="submit" disabled={busy}>
                  {t('account.totp.confirm')}
                </Button>
              </form>
            ) : (
              <>
                <Paragraph>{t('account.totp.off')}</Paragraph>
                <Button onClick={() => void startTotp()} disabled={busy}>
                  {t('account.totp.start')}
                </Button>
              </>
            )}
          </section>
          <section aria-labelledby="passkeys-title">
            <Heading level={2} data-size="sm" id="passkeys-title">
              {t('account.passkeys.title')}
            </Heading>
            {mfa.passkeys.length === 0 ? (
              <Paragraph data-size="sm">{t('account.passkeys.none')}</Paragraph>
            ) : (
              <ul className="passkeys">
                {mfa.passkeys.map((p) => (
                  <li key={p.id}>
                    <strong>{p.name}</strong>{' '}
                    <span>
                      {t('account.passkeys.created', { when: dateTime(p.createdAt, i18n.language) })}.{' '}
                      {p.lastUsedAt ? t('account.passkeys.lastUsed', { when: dateTime(p.lastUsedAt, i18n.language) }) : t('account.passkeys.neverUsed')}.
                    </span>{' '}
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('account.passkeys.removeLabel', { name: p.name })}
                      disabled={busy}
                      onClick={() => void removePasskey(p.id)}
                    >
                      {t('account.passkeys.remove')}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            <form onSubmit={(e) => void addPasskey(e)}>
              <Textfield id="name" name="name" label={t('account.passkeys.name')} maxLength={100} error={fieldError(problem, 'name')} />
              <Button type="submit" disabled={busy}>
                {t('account.passkeys.add')}
              </Button>
            </form>
          </section>
        </>
      )}
    </>
  );
}

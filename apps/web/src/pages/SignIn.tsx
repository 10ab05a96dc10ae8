import { Alert, Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MfaRequired, useSession } from '../session';
import { ForgotPassword } from './account/ForgotPassword';
import { PasskeySignIn, SecondStep } from './account/SecondStep';
import { OidcSignIn } from './oidc/OidcSignIn';
import { StrongSignInNotice } from './strong-auth/StrongSignInNotice';

export function SignIn() {
  const { signIn, expired } = useSession();
  const { t, i18n } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [mfa, setMfa] = useState<MfaRequired | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await signIn(String(form.get('email')), String(form.get('password')));
    setBusy(false);
    if (result === 'failed') setMessage(t('signIn.failed'));
    if (result === 'rate_limited') setMessage(t('signIn.tooMany'));
    if (typeof result === 'object') setMfa(result);
  }

  return (
    <main className="signin">
      <Heading level={1} data-size="lg">
        {t('app.name')} – {t('signIn.title')}
      </Heading>
      {expired && !message && <Alert data-color="info">{t('signIn.expired')}</Alert>}
      <StrongSignInNotice />
      {message && (
        <Alert data-color="danger" role="alert">
          {message}
        </Alert>
      )}
      {mfa && <SecondStep mfa={mfa} onBack={() => setMfa(null)} />}
      {!mfa && <OidcSignIn />}
      <form onSubmit={(e) => void submit(e)} style={mfa ? { display: 'none' } : undefined}>
        <Textfield label={t('signIn.email')} name="email" type="email" autoComplete="username" required />
        <Textfield label={t('signIn.password')} name="password" type="password" autoComplete="current-password" required />
        <Button type="submit" disabled={busy}>
          {t('signIn.submit')}
        </Button>
      </form>
      {!mfa && <PasskeySignIn />}
      {!mfa && <ForgotPassword />}
      <Button variant="tertiary" data-size="sm" onClick={() => void i18n.changeLanguage(t('app.languageCode'))}>
        {t('app.language')}
      </Button>
    </main>
  );
}

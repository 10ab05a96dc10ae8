import '../../design-system-full';
import { Button, Heading, Link as DsLink, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { dateTime, Loading, ProblemMessage, useLoad } from '../../components/common';
import { fieldError } from '../../components/forms';
import { useSession } from '../../session';
import { OidcSignIn } from '../oidc/OidcSignIn';

/**
 * The invitation link (/invitation/:token, signed out): who is invited by which organisation; the
 * person chooses a password (the api says at the field why one is refused) and is signed in, or
 * signs in through one of the organisation's identity providers, which links that account.
 */
export default function Invitation({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { adopt } = useSession();
  const invitation = useLoad(() => api.GET('/api/v1/account/invitation/{token}', { params: { path: { token } } }), [token]);
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  async function accept(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    setBusy(true);
    const { data, error, response } = await api.POST('/api/v1/account/invitation/{token}', { params: { path: { token } }, body: { password } });
    setBusy(false);
    if (!data) return setProblem(asProblem(error, response.status));
    await adopt(data);
    void navigate('/', { replace: true });
  }

  return (
    <div className="signin">
      <Heading level={1} data-size="lg">
        {t('account.invitation.title')}
      </Heading>
      {invitation.loading && !invitation.data && <Loading />}
      <ProblemMessage problem={invitation.problem} />
      {invitation.problem && <DsLink href="/">{t('account.invitation.toSignIn')}</DsLink>}
      {invitation.data && (
        <>
          <Paragraph>
            {t('account.invitation.intro', { organisation: invitation.data.organisationName, name: invitation.data.displayName, email: invitation.data.email })}
          </Paragraph>
          <Paragraph data-size="sm">{t('account.invitation.validUntil', { when: dateTime(invitation.data.expiresAt, i18n.language) })}</Paragraph>
          <OidcSignIn invitation={{ token, providers: invitation.data.identityProviders }} />
          <ProblemMessage problem={problem} />
          <form onSubmit={(e) => void accept(e)} noValidate>
            {/* For password managers: the account the new password belongs to. */}
            <input type="email" name="username" autoComplete="username" value={invitation.data.email} readOnly hidden />
            <Textfield
              id="password"
              name="password"
              type="password"
              label={t('account.invitation.password')}
              description={t('account.invitation.passwordHint')}
              autoComplete="new-password"
              required
              error={fieldError(problem, 'password')}
            />
            <Button type="submit" loading={busy}>
              {t('account.invitation.submit')}
            </Button>
          </form>
        </>
      )}
    </div>
  );
}

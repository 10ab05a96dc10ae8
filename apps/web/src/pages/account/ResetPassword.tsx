import '../../design-system-full';
import { Alert, Button, Heading, Link as DsLink, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asProblem, type Problem } from '../../api/client';
import { ProblemMessage } from '../../components/common';
import { fieldError } from '../../components/forms';

/** The password reset link (/reset-password/:token, signed out): a new password; the link then never works again. */
export default function ResetPassword({ token }: { token: string }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function reset(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    setBusy(true);
    const { error, response } = await api.POST('/api/v1/auth/password-reset/{token}', { params: { path: { token } }, body: { password } });
    setBusy(false);
    setProblem(error ? asProblem(error, response.status) : undefined);
    if (!error) setDone(true);
  }

  return (
    <div className="signin">
      <Heading level={1} data-size="lg">
        {t('account.reset.title')}
      </Heading>
      {done ? (
        <Alert data-color="success" role="status">
          {t('account.reset.done')}
        </Alert>
      ) : (
        <>
          <Paragraph>{t('account.reset.intro')}</Paragraph>
          <ProblemMessage problem={problem} />
          <form onSubmit={(e) => void reset(e)} noValidate>
            <Textfield
              id="password"
              name="password"
              type="password"
              label={t('account.reset.password')}
              description={t('account.invitation.passwordHint')}
              autoComplete="new-password"
              required
              error={fieldError(problem, 'password')}
            />
            <Button type="submit" loading={busy}>
              {t('account.reset.submit')}
            </Button>
          </form>
        </>
      )}
      <DsLink href="/">{t('account.forgot.back')}</DsLink>
    </div>
  );
}

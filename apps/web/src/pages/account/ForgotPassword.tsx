import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asProblem, type Problem } from '../../api/client';
import { ProblemMessage } from '../../components/common';
import { fieldError } from '../../components/forms';

/**
 * "Glömt lösenordet?" on the sign-in page: asks for a reset link. The answer is the same whether
 * or not the address has an account, and so is what this says.
 */
export function ForgotPassword() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [sent, setSent] = useState<number>();
  const [busy, setBusy] = useState(false);

  async function request(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '');
    setBusy(true);
    const { data, error, response } = await api.POST('/api/v1/auth/password-reset', { body: { email } });
    setBusy(false);
    setProblem(error ? asProblem(error, response.status) : undefined);
    if (data) setSent(data.validMinutes);
  }

  if (!open)
    return (
      <Button variant="tertiary" data-size="sm" onClick={() => setOpen(true)}>
        {t('account.forgot.link')}
      </Button>
    );
  return (
    <section aria-labelledby="forgot-title">
      <Heading level={2} data-size="sm" id="forgot-title">
        {t('account.forgot.title')}
      </Heading>
      {sent !== undefined ? (
        <Alert data-color="success" role="status">
          {t('account.forgot.sent', { minutes: sent })}
        </Alert>
      ) : (
        <>
          <Paragraph data-size="sm">{t('account.forgot.intro')}</Paragraph>
          <ProblemMessage problem={problem} />
          <form onSubmit={(e) => void request(e)} noValidate>
            <Textfield
              id="reset-email"
              name="email"
              type="email"
              label={t('account.forgot.email')}
              autoComplete="username"
              required
              error={fieldError(problem, 'email')}
            />
            <Button type="submit" variant="secondary" loading={busy}>
              {t('account.forgot.submit')}
            </Button>
          </form>
        </>
      )}
    </section>
  );
}

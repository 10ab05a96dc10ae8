import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { EmptyState, Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';
import { fieldError } from '../../components/forms';
import { SessionTable } from './SessionList';

type Notice = { key: 'endedOne' } | { key: 'endedOthers'; count: number };

/** "Mina inloggningar": where the user is signed in, with sign-out of one or all others, and a password change. */
export default function Sessions() {
  const { t } = useTranslation();
  const sessions = useLoad(() => api.GET('/api/v1/me/sessions', { params: { query: { limit: 200 } } }), []);
  const [notice, setNotice] = useState<Notice>();
  const [problem, setProblem] = useState<Problem>();

  async function endOne(id: string) {
    const { error, response } = await api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id } } });
    setProblem(error ? asProblem(error, response.status) : undefined);
    if (!error) setNotice({ key: 'endedOne' });
    sessions.reload();
  }

  async function endOthers() {
    const { data, error, response } = await api.POST('/api/v1/me/sessions/sign-out-others');
    setProblem(error ? asProblem(error, response.status) : undefined);
    if (data) setNotice({ key: 'endedOthers', count: data.ended });
    sessions.reload();
  }

  const items = sessions.data?.items ?? [];
  return (
    <>
      <PageTitle>{t('account.sessions.title')}</PageTitle>
      <Paragraph>{t('account.sessions.intro')}</Paragraph>
      <Paragraph data-size="sm">
        <RouterLink to="/account/security">{t('account.title')}</RouterLink>
      </Paragraph>
      {notice && (
        <Alert data-color="success" role="status">
          {notice.key === 'endedOne' ? t('account.sessions.endedOne') : t('account.sessions.endedOthers', { count: notice.count })}
        </Alert>
      )}
      <ProblemMessage problem={sessions.problem ?? problem} />
      {sessions.loading && !sessions.data ? <Loading /> : <SessionTable sessions={items} onSignOut={(s) => void endOne(s.id)} />}
      {items.some((s) => !s.current) ? (
        <div className="row">
          <Button variant="secondary" onClick={() => void endOthers()}>
            {t('account.sessions.signOutOthers')}
          </Button>
        </div>
      ) : (
        sessions.data && <EmptyState>{t('account.sessions.none')}</EmptyState>
      )}
      <ChangePassword onChanged={() => sessions.reload()} />
    </>
  );
}

/** The signed-in password change: the current password first; the other sessions end. */
function ChangePassword({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [formKey, setFormKey] = useState(0);

  async function change(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const { error, response } = await api.POST('/api/v1/me/password', {
      body: { currentPassword: String(form.get('currentPassword') ?? ''), newPassword: String(form.get('newPassword') ?? '') },
    });
    setBusy(false);
    setProblem(error ? asProblem(error, response.status) : undefined);
    setDone(!error);
    if (error) return;
    setFormKey((k) => k + 1);
    onChanged();
  }

  return (
    <section>
      <Heading level={2} data-size="sm">
        {t('account.password.title')}
      </Heading>
      {done && (
        <Alert data-color="success" role="status">
          {t('account.password.done')}
        </Alert>
      )}
      <ProblemMessage problem={problem} />
      <form key={formKey} className="protocol admin-form" onSubmit={(e) => void change(e)} noValidate>
        <Textfield
          id="currentPassword"
          name="currentPassword"
          type="password"
          label={t('account.password.current')}
          autoComplete="current-password"
          required
          error={fieldError(problem, 'currentPassword')}
        />
        <Textfield
          id="newPassword"
          name="newPassword"
          type="password"
          label={t('account.password.next')}
          description={t('account.invitation.passwordHint')}
          autoComplete="new-password"
          required
          error={fieldError(problem, 'newPassword')}
        />
        <div className="row">
          <Button type="submit" loading={busy}>
            {t('account.password.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

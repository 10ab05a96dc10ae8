import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asProblem, type Problem } from '../../api/client';
import type { components } from '../../api/schema';
import { dateTime, EmptyState, ProblemMessage, useLoad } from '../../components/common';
import { ConfirmDialog } from '../../components/forms';
import { useEnumLabel } from '../../components/labels';
import { SessionTable } from './SessionList';

type User = components['schemas']['UserView'];

/** On the admin user page: whether the user has a password, the invitation (send or resend), live sessions, "Logga ut överallt". */
export function UserAccount({ user, manage }: { user: User; manage: boolean }) {
  const { t, i18n } = useTranslation();
  const label = useEnumLabel();
  const account = useLoad(() => api.GET('/api/v1/users/{id}/account', { params: { path: { id: user.id } } }), [user.id]);
  const sessions = useLoad(() => api.GET('/api/v1/users/{id}/sessions', { params: { path: { id: user.id }, query: { limit: 200 } } }), [user.id]);
  const dialog = useRef<HTMLDialogElement>(null);
  const [problem, setProblem] = useState<Problem>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function invite() {
    setBusy(true);
    const { error, response } = await api.POST('/api/v1/users/{id}/invitation', { params: { path: { id: user.id } } });
    setBusy(false);
    setProblem(error ? asProblem(error, response.status) : undefined);
    if (!error) setNotice(t('account.admin.sent', { email: user.email }));
    account.reload();
  }

  async function endAll(): Promise<Problem | undefined> {
    const { data, error, response } = await api.POST('/api/v1/users/{id}/sessions/end', { params: { path: { id: user.id } } });
    if (error) return asProblem(error, response.status);
    setNotice(t('account.admin.endedAll', { count: data?.ended ?? 0 }));
    sessions.reload();
  }

  const a = account.data;
  const live = sessions.data?.items ?? [];
  return (
    <section>
      <Heading level={2} data-size="sm">
        {t('account.admin.title')}
      </Heading>
      {notice && (
        <Alert data-color="success" role="status">
          {notice}
        </Alert>
      )}
      <ProblemMessage problem={account.problem ?? sessions.problem ?? problem} />
      {a && (
        <>
          <Paragraph data-size="sm">{a.passwordSet ? t('account.admin.passwordSet') : t('account.admin.noPassword')}</Paragraph>
          <Paragraph data-size="sm">
            {t('account.admin.invitation')}:{' '}
            {a.invitation
              ? `${label('InvitationState', a.invitation.state)}, ${t('account.admin.sentAt', {
                  when: dateTime(a.invitation.sentAt, i18n.language),
                  until: dateTime(a.invitation.expiresAt, i18n.language),
                })}`
              : t('account.admin.noInvitation')}
          </Paragraph>
          {manage && !a.passwordSet && user.isActive && (
            <div className="row">
              <Button variant="secondary" loading={busy} onClick={() => void invite()}>
                {a.invitation ? t('account.admin.resend') : t('account.admin.send')}
              </Button>
            </div>
          )}
        </>
      )}
      <Heading level={3} data-size="xs">
        {t('account.admin.sessions')}
      </Heading>
      {sessions.data && (live.length ? <SessionTable sessions={live} /> : <EmptyState>{t('account.admin.noSessions')}</EmptyState>)}
      {manage && live.length > 0 && (
        <div className="row">
          <Button variant="secondary" data-color="danger" onClick={() => dialog.current?.showModal()}>
            {t('account.admin.endAll')}
          </Button>
        </div>
      )}
      <ConfirmDialog
        dialog={dialog}
        title={t('account.admin.endAllTitle', { name: user.displayName })}
        text={t('account.admin.endAllText')}
        confirmLabel={t('account.admin.endAll')}
        danger
        onConfirm={endAll}
      />
    </section>
  );
}

import { Button, Card, Fieldset, Heading, Paragraph, Radio, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { type components, emailModeValues } from '../api/schema';
import { dateTime, EmptyState, Loading, PageTitle, ProblemMessage, useLoad } from '../components/common';
import { NotificationLink } from './work-queue/links';

type EmailMode = components['schemas']['EmailMode'];

/** The inbox (newest first, unread marked; each opens its subject where the reader may) and how the user wants e-mail. */
export function Notifications() {
  const { t, i18n } = useTranslation();
  const inbox = useLoad(() => api.GET('/api/v1/notifications', { params: { query: { limit: 50 } } }), []);
  const preferences = useLoad(() => api.GET('/api/v1/me/notification-preferences'), []);
  const [saved, setSaved] = useState(false);
  const [chosen, setChosen] = useState<EmailMode>();
  const mode = chosen ?? preferences.data?.emailMode;

  async function markRead(id: string) {
    await api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } });
    inbox.reload();
  }
  async function markAll() {
    await api.POST('/api/v1/notifications/read-all');
    inbox.reload();
  }
  async function setMode(emailMode: EmailMode) {
    setChosen(emailMode);
    setSaved(false);
    const { error } = await api.PUT('/api/v1/me/notification-preferences', { body: { emailMode } });
    if (!error) setSaved(true);
  }

  return (
    <>
      <PageTitle>{t('notifications.title')}</PageTitle>
      <ProblemMessage problem={inbox.problem} />
      {inbox.loading && <Loading />}
      {!inbox.loading && inbox.data?.items.length === 0 && <EmptyState>{t('notifications.empty')}</EmptyState>}
      {inbox.data?.items.some((n) => !n.readAt) && (
        <Button variant="secondary" data-size="sm" onClick={() => void markAll()}>
          {t('notifications.markAll')}
        </Button>
      )}
      <div className="protocol">
        {inbox.data?.items.map((n) => (
          <Card key={n.id} data-color={n.readAt ? 'neutral' : 'accent'}>
            <Heading level={2} data-size="2xs">
              {!n.readAt && <Tag data-color="accent">{t('notifications.new')}</Tag>}{' '}
              <NotificationLink id={n.id} link={n.link} read={!!n.readAt}>
                {n.title}
              </NotificationLink>
            </Heading>
            <Paragraph data-size="sm">{n.body}</Paragraph>
            <div className="row">
              <Paragraph data-size="xs">{dateTime(n.createdAt, i18n.language)}</Paragraph>
              {!n.readAt && (
                <Button variant="tertiary" data-size="sm" onClick={() => void markRead(n.id)}>
                  {t('notifications.markRead')}
                </Button>
              )}
            </div>
          </Card>
        ))}
      </div>
      {preferences.data && (
        <Fieldset>
          <Fieldset.Legend>{t('notifications.emailMode')}</Fieldset.Legend>
          {emailModeValues.map((option) => (
            <Radio
              key={option}
              name="emailMode"
              value={option}
              label={t(`notifications.modes.${option}`)}
              checked={mode === option}
              onChange={() => void setMode(option)}
            />
          ))}
          {saved && (
            <Paragraph data-size="sm" role="status">
              {t('notifications.saved')}
            </Paragraph>
          )}
        </Fieldset>
      )}
    </>
  );
}

import { Card, Heading, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { dueLabel, EmptyState, Loading, PageTitle, ProblemMessage, useLoad } from '../components/common';
import { useEnumLabel } from '../components/labels';
import { useSession } from '../session';

/** The start page: my open deadlines (overdue first), my latest notifications and my roles. */
export function Home() {
  const { me } = useSession();
  const { t, i18n } = useTranslation();
  const label = useEnumLabel();
  const deadlines = useLoad(() => api.GET('/api/v1/deadlines', { params: { query: { scope: 'mine', status: 'open', limit: 20 } } }), []);
  const notices = useLoad(() => api.GET('/api/v1/notifications', { params: { query: { limit: 5, unread: true } } }), []);
  const sorted = [...(deadlines.data?.items ?? [])].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueAt.localeCompare(b.dueAt));
  return (
    <>
      <PageTitle>{t('home.greeting', { name: me!.user.displayName })}</PageTitle>
      <div className="cards">
        <Card>
          <Heading level={2} data-size="sm">
            {t('home.deadlines')}
          </Heading>
          {deadlines.loading ? <Loading /> : <ProblemMessage problem={deadlines.problem} />}
          {!deadlines.loading && sorted.length === 0 && <EmptyState>{t('home.noDeadlines')}</EmptyState>}
          <List.Unordered>
            {sorted.map((d) => (
              <List.Item key={d.id}>
                {d.overdue && <Tag data-color="danger">{t('home.overdue')}</Tag>} {d.title} — {t('home.due')} {dueLabel(d, i18n.language)}
              </List.Item>
            ))}
          </List.Unordered>
        </Card>
        <Card>
          <Heading level={2} data-size="sm">
            {t('home.notifications')}
          </Heading>
          {notices.loading ? <Loading /> : <ProblemMessage problem={notices.problem} />}
          {!notices.loading && notices.data?.items.length === 0 && <EmptyState>{t('home.noNotifications')}</EmptyState>}
          <List.Unordered>
            {notices.data?.items.map((n) => (
              <List.Item key={n.id}>{n.title}</List.Item>
            ))}
          </List.Unordered>
        </Card>
        <Card>
          <Heading level={2} data-size="sm">
            {t('home.roles')}
          </Heading>
          <List.Unordered>
            {me!.memberships.map((m) => (
              <List.Item key={m.id}>
                {label('RoleName', m.role)} — {m.unit.name}, {m.organisation.name}
              </List.Item>
            ))}
          </List.Unordered>
          <Paragraph data-size="sm">{me!.collaborations.map((c) => c.name).join(', ')}</Paragraph>
        </Card>
      </div>
    </>
  );
}

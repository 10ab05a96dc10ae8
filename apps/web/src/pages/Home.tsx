import { Card, Heading, Link as DsLink, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { dueLabel, EmptyState, Loading, PageTitle, ProblemMessage, useLoad } from '../components/common';
import { useEnumLabel } from '../components/labels';
import { useSession } from '../session';
import { FieldStartCard } from './field/StartCard';
import { NotificationLink, SubjectLink } from './work-queue/links';

/**
 * The start page: for those who record rounds, walks and checks, one tap to record one; my open deadlines (overdue first), for those who lead a unit or organisation its
 * overdue and soon-due work, my latest notifications and my roles. Each deadline and notification
 * opens its subject where I may open it.
 */
export function Home() {
  const { me, can } = useSession();
  const { t, i18n } = useTranslation();
  const label = useEnumLabel();
  const leads = can('work_queue:read');
  const deadlines = useLoad(() => api.GET('/api/v1/deadlines', { params: { query: { scope: 'mine', status: 'open', limit: 20 } } }), []);
  const team = useLoad(leads ? () => api.GET('/api/v1/work-queue', { params: { query: { attention: true, limit: 10 } } }) : null, [leads]);
  const notices = useLoad(() => api.GET('/api/v1/notifications', { params: { query: { limit: 5, unread: true } } }), []);
  const sorted = [...(deadlines.data?.items ?? [])].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueAt.localeCompare(b.dueAt));
  const teamTitle = me!.permissions['work_queue:read'] === 'unit' ? t('home.teamUnit') : t('home.teamOrganisation');
  return (
    <>
      <PageTitle>{t('home.greeting', { name: me!.user.displayName })}</PageTitle>
      <div className="cards">
        <FieldStartCard />
        <Card>
          <Heading level={2} data-size="sm">
            {t('home.deadlines')}
          </Heading>
          {deadlines.loading ? <Loading /> : <ProblemMessage problem={deadlines.problem} />}
          {!deadlines.loading && sorted.length === 0 && <EmptyState>{t('home.noDeadlines')}</EmptyState>}
          <List.Unordered>
            {sorted.map((d) => (
              <List.Item key={d.id}>
                {d.overdue && <Tag data-color="danger">{t('home.overdue')}</Tag>} <SubjectLink link={d.link}>{d.title}</SubjectLink> — {t('home.due')}{' '}
                {dueLabel(d, i18n.language)}
              </List.Item>
            ))}
          </List.Unordered>
        </Card>
        {leads && (
          <Card>
            <Heading level={2} data-size="sm">
              {teamTitle}
            </Heading>
            {team.loading ? <Loading /> : <ProblemMessage problem={team.problem} />}
            {!team.loading && team.data?.items.length === 0 && <EmptyState>{t('home.noTeamDeadlines')}</EmptyState>}
            <List.Unordered>
              {team.data?.items.map((d) => (
                <List.Item key={d.id}>
                  <Tag data-color={d.state === 'overdue' ? 'danger' : 'warning'}>{label('WorkQueueState', d.state)}</Tag>{' '}
                  <SubjectLink link={d.link}>{d.title}</SubjectLink> — {t('home.due')} {dueLabel(d, i18n.language)}
                  {d.responsibleUserName ? ` — ${t('home.responsible')}: ${d.responsibleUserName}` : d.responsibleUnitName ? ` — ${d.responsibleUnitName}` : ''}
                </List.Item>
              ))}
            </List.Unordered>
            {!!team.data?.total && (
              <Paragraph data-size="sm">
                <DsLink asChild>
                  <Link to="/work-queue">{t('home.openQueue', { count: team.data.total })}</Link>
                </DsLink>
              </Paragraph>
            )}
          </Card>
        )}
        <Card>
          <Heading level={2} data-size="sm">
            {t('home.notifications')}
          </Heading>
          {notices.loading ? <Loading /> : <ProblemMessage problem={notices.problem} />}
          {!notices.loading && notices.data?.items.length === 0 && <EmptyState>{t('home.noNotifications')}</EmptyState>}
          <List.Unordered>
            {notices.data?.items.map((n) => (
              <List.Item key={n.id}>
                <NotificationLink id={n.id} link={n.link} read={!!n.readAt}>
                  {n.title}
                </NotificationLink>
              </List.Item>
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

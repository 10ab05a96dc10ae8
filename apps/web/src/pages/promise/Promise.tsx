import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { EmptyState, Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';

interface PromiseRow { id: string; title: string }
interface Dashboard {
  progress: number | null;
  overdue: { total: number };
  commitments: { id: string; text: string; party: string; progress: number | null; actual: number; target: { value: number; unit: string } | null; actions: { overdue: number } }[];
}

/** Where the promise stands: each commitment's progress against its target, and what is late. */
export function PromisePage() {
  const { t } = useTranslation();
  const promises = useLoad<{ items: PromiseRow[] }>(() => api.GET('/api/v1/promises', { params: { query: { limit: 10 } } }), []);
  const first = promises.data?.items[0];
  const dashboard = useLoad<Dashboard>(
    first ? () => api.GET('/api/v1/dashboard/actions', { params: { query: { promiseId: first.id } } }) : null,
    [first?.id],
  );
  if (promises.loading) return <Loading />;
  if (!first) return <><PageTitle>{t('promise.title')}</PageTitle><ProblemMessage problem={promises.problem} /><EmptyState>{t('promise.empty')}</EmptyState></>;
  const d = dashboard.data;
  return (
    <>
      <PageTitle>{first.title}</PageTitle>
      {dashboard.loading && <Loading />}
      {d && (
        <>
          <Paragraph>{t('promise.progress')}: <strong>{d.progress === null ? '–' : Math.round(d.progress)} %</strong> — {t('promise.overdueActions')}: <strong>{d.overdue.total}</strong></Paragraph>
          <Heading level={2} data-size="sm">{t('promise.commitments')}</Heading>
          <div className="cards">
            {d.commitments.map((c) => (
              <Card key={c.id}>
                <Paragraph>{c.text}</Paragraph>
                <progress max={100} value={c.progress ?? 0} aria-label={`${t('promise.progress')}: ${Math.round(c.progress ?? 0)} %`} />
                <Paragraph data-size="sm">
                  {c.target ? `${c.actual} / ${c.target.value} ${c.target.unit}` : `${Math.round(c.progress ?? 0)} %`}
                  {c.actions.overdue > 0 && <> <Tag data-color="danger">{t('promise.overdueActions')}: {c.actions.overdue}</Tag></>}
                </Paragraph>
              </Card>
            ))}
          </div>
        </>
      )}
    </>
  );
}

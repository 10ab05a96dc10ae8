import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { date, EmptyState, Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';
import './public.css';

/**
 * The public index (issue #20): the published promises, newest period first, each linking to its
 * public page. No sign-in; the api gives only what a citizen needs to pick one. The links are plain
 * page loads, so each promise opens on its own light entry (public-promise.html).
 */
export default function PublicIndex() {
  const { t, i18n } = useTranslation();
  const list = useLoad(() => api.GET('/api/v1/public/promises', { params: { query: { limit: 200 } } }), []);
  if (list.loading) return <Loading />;
  return (
    <div className="public-promise">
      <Paragraph data-size="sm">{t('publicPromise.kicker')}</Paragraph>
      <PageTitle>{t('publicIndex.title')}</PageTitle>
      <Paragraph>{t('publicIndex.intro')}</Paragraph>
      {!list.data && <ProblemMessage problem={list.problem} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('publicIndex.none')}</EmptyState>}
      {list.data && list.data.items.length > 0 && (
        <ul className="public-index" aria-label={t('publicIndex.title')}>
          {list.data.items.map((p) => (
            <li key={p.id}>
              <Card className="public-commitment">
                <Heading level={2} data-size="xs">
                  <Link href={`/public/promises/${p.id}`}>{p.title}</Link>
                </Heading>
                <Paragraph data-size="sm">{p.parties.join(t('publicIndex.and'))}</Paragraph>
                <Paragraph data-size="sm">
                  {t('publicPromise.period', { from: date(p.periodStart, i18n.language), to: date(p.periodEnd, i18n.language) })} — {t('publicPromise.status')}:{' '}
                  {p.status}
                </Paragraph>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { Link as DsLink, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { dateTime, EmptyState, Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';

interface OperationRow { id: string; status: string; plannedStart: string; plannedEnd: string; collaboration: string; canOpen: boolean; title: string | null; area: string | null }

/** The police area's operations: details only where the officer takes part (or commands). */
export function Operations() {
  const { t, i18n } = useTranslation();
  const list = useLoad<{ items: OperationRow[] }>(() => api.GET('/api/v1/operations', { params: { query: { limit: 100 } } }), []);
  return (
    <>
      <PageTitle>{t('operations.title')}</PageTitle>
      {list.loading && <Loading />}
      <ProblemMessage problem={list.problem} />
      {!list.loading && list.data?.items.length === 0 && <EmptyState>{t('operations.empty')}</EmptyState>}
      {!!list.data?.items.length && (
        <div className="table-wrap">
          <Table zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('operations.title')}</Table.HeaderCell>
                <Table.HeaderCell>{t('operations.window')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inspections.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.items.map((o) => (
                <Table.Row key={o.id}>
                  <Table.Cell>
                    {o.canOpen ? <DsLink asChild><Link to={`/operations/${o.id}`}>{`${o.title} — ${o.area}`}</Link></DsLink> : <Tag data-color="neutral">{t('operations.restricted')}</Tag>}
                  </Table.Cell>
                  <Table.Cell>{dateTime(o.plannedStart, i18n.language)} – {dateTime(o.plannedEnd, i18n.language)}</Table.Cell>
                  <Table.Cell>{t(`statuses.${o.status}`)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </>
  );
}

import { Button, Field, Label, Link as DsLink, Select, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { dateTime, EmptyState, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { useListQuery } from '../../components/useListQuery';
import { useSession } from '../../session';
import { recentYears } from './shared';
import { Pager } from '../../components/Pager';
import { type components, operationStatusValues } from '../../api/schema';

type OperationStatus = components['schemas']['OperationStatus'];

const PAGE_SIZE = 25;

/** The police area's operations: details only where the officer takes part (or commands). Filters live in the address. */
export function Operations() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const { params, setParams, goToOffset } = useListQuery();
  const status = (params.get('status') ?? '') as OperationStatus | '';
  const year = params.get('year') ?? '';
  const offset = Number(params.get('offset') ?? 0);
  const list = useLoad(
    () =>
      api.GET('/api/v1/operations', { params: { query: { limit: PAGE_SIZE, offset, status: status || undefined, year: year ? Number(year) : undefined } } }),
    [status, year, offset],
  );

  /** A changed filter starts again from the first page. */
  function filter(name: 'status' | 'year', value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('offset');
    setParams(next);
  }

  const filtered = !!status || !!year;
  return (
    <>
      <PageTitle>{t('operations.title')}</PageTitle>
      {can('operation:propose') && (
        <div className="row">
          <Button asChild>
            <Link to="/operations/new">{t('operations.new')}</Link>
          </Button>
        </div>
      )}
      <div className="row operations-filters">
        <Field>
          <Label htmlFor="filter-status">{t('operations.status')}</Label>
          <Select id="filter-status" value={status} onChange={(e) => filter('status', e.target.value)}>
            <Select.Option value="">{t('operations.allStatuses')}</Select.Option>
            {operationStatusValues.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`statuses.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="filter-year">{t('operations.year')}</Label>
          <Select id="filter-year" value={year} onChange={(e) => filter('year', e.target.value)}>
            <Select.Option value="">{t('operations.allYears')}</Select.Option>
            {recentYears(new Date().getFullYear() + 1, 10).map((y) => (
              <Select.Option key={y} value={String(y)}>
                {y}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      {list.loading && <Loading />}
      <ProblemMessage problem={list.problem} />
      {!list.loading && list.data?.items.length === 0 && <EmptyState>{filtered ? t('operations.emptyFiltered') : t('operations.empty')}</EmptyState>}
      {!!list.data?.items.length && (
        <>
          <TableWrap>
            <Table zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('operations.operation')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('operations.window')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('operations.status')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {list.data.items.map((o) => (
                  <Table.Row key={o.id}>
                    <Table.Cell>
                      {o.canOpen ? (
                        <DsLink asChild>
                          <Link to={`/operations/${o.id}`}>{`${o.title} — ${o.area}`}</Link>
                        </DsLink>
                      ) : (
                        <Tag data-color="neutral">{t('operations.restricted')}</Tag>
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {dateTime(o.plannedStart, i18n.language)} – {dateTime(o.plannedEnd, i18n.language)}
                    </Table.Cell>
                    <Table.Cell>{t(`statuses.${o.status}`)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableWrap>
          <Pager page={list.data} onOffset={goToOffset} />
        </>
      )}
    </>
  );
}

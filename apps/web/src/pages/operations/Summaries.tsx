import { Field, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { date, EmptyState, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { useListQuery } from '../../components/useListQuery';
import { type Counts, number, recentYears, useSeizureText } from './shared';
import { Pager } from '../../components/Pager';
import './operations.css';

const PAGE_SIZE = 20;

/**
 * Released outcome summaries of police operations: what reaches the joint follow-up — the period,
 * the area in general terms and the counts; never the intelligence, names or the operation itself.
 */
export default function OperationSummaries() {
  const { t, i18n } = useTranslation();
  const seizureText = useSeizureText();
  const { params, setParams, goToOffset } = useListQuery();
  const year = params.get('year') ?? '';
  const offset = Number(params.get('offset') ?? 0);
  const filter = { year: year ? Number(year) : undefined };
  const list = useLoad(() => api.GET('/api/v1/operation-summaries', { params: { query: { ...filter, limit: PAGE_SIZE, offset } } }), [year, offset]);
  const totals = useLoad(() => api.GET('/api/v1/operation-summaries/totals', { params: { query: filter } }), [year]);

  function chooseYear(value: string) {
    setParams(value ? { year: value } : {});
  }

  const seized = (counts: Counts) => (counts.seizures.length === 0 ? '–' : counts.seizures.map((s) => seizureText(s)).join('; '));
  return (
    <>
      <PageTitle>{t('operationSummaries.title')}</PageTitle>
      <Paragraph>{t('operationSummaries.intro')}</Paragraph>
      <Field className="operations-filter">
        <Label htmlFor="summary-year">{t('operations.year')}</Label>
        <Select id="summary-year" value={year} onChange={(e) => chooseYear(e.target.value)}>
          <Select.Option value="">{t('operations.allYears')}</Select.Option>
          {recentYears(new Date().getFullYear(), 10).map((y) => (
            <Select.Option key={y} value={String(y)}>
              {y}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {list.loading && <Loading />}
      <ProblemMessage problem={list.problem ?? totals.problem} />
      {!list.loading && list.data?.items.length === 0 && (
        <EmptyState>{year ? t('operationSummaries.emptyYear', { year }) : t('operationSummaries.empty')}</EmptyState>
      )}
      {!!list.data?.items.length && (
        <>
          <TableWrap>
            <Table zebra>
              <caption>{year ? t('operationSummaries.captionYear', { year }) : t('operationSummaries.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('operationSummaries.period')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('operationSummaries.area')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('operationsOutcome.arrests')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('operationsOutcome.reportsFiled')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('operationsOutcome.personsChecked')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('operationsOutcome.placesChecked')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('operationsOutcome.seizures')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {list.data.items.map((s) => (
                  <Table.Row key={s.id}>
                    <Table.Cell>
                      {s.periodStart === s.periodEnd
                        ? date(s.periodStart, i18n.language)
                        : `${date(s.periodStart, i18n.language)} – ${date(s.periodEnd, i18n.language)}`}
                    </Table.Cell>
                    <Table.Cell>{s.area}</Table.Cell>
                    <Table.Cell>{number(s.counts.arrests, i18n.language)}</Table.Cell>
                    <Table.Cell>{number(s.counts.reportsFiled, i18n.language)}</Table.Cell>
                    <Table.Cell>{number(s.counts.personsChecked, i18n.language)}</Table.Cell>
                    <Table.Cell>{number(s.counts.placesChecked, i18n.language)}</Table.Cell>
                    <Table.Cell>{seized(s.counts)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
              {totals.data && (
                <Table.Foot>
                  <Table.Row>
                    <Table.HeaderCell scope="row" colSpan={2}>
                      {t(year ? 'operationSummaries.totalYear' : 'operationSummaries.total', { year, count: totals.data.operations })}
                    </Table.HeaderCell>
                    <Table.Cell>{number(totals.data.arrests, i18n.language)}</Table.Cell>
                    <Table.Cell>{number(totals.data.reportsFiled, i18n.language)}</Table.Cell>
                    <Table.Cell>{number(totals.data.personsChecked, i18n.language)}</Table.Cell>
                    <Table.Cell>{number(totals.data.placesChecked, i18n.language)}</Table.Cell>
                    <Table.Cell>{seized(totals.data)}</Table.Cell>
                  </Table.Row>
                </Table.Foot>
              )}
            </Table>
          </TableWrap>
          <Pager page={list.data} onOffset={goToOffset} />
        </>
      )}
    </>
  );
}

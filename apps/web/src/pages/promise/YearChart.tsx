import { Details, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { EmptyState, TableWrap } from '../../components/common';
import type { components } from '../../api/schema';
import { figure as formatted, percent } from './shared';

type CommitmentFigures = components['schemas']['CommitmentFiguresView'];
type YearFigures = components['schemas']['YearFiguresView'];

/**
 * Target against actual per commitment and year, as bars with their numbers written beside them
 * (the bars are decoration; the text and the table below carry the figures). Commitments measured
 * by their actions alone have no numeric target and are left out.
 */
export function YearChart({ commitments, years }: { commitments: CommitmentFigures[]; years: YearFigures[] }) {
  const { t, i18n } = useTranslation();
  const measured = commitments.filter((c) => c.target);
  const figure = (commitmentId: string, year: YearFigures) => year.commitments.find((f) => f.id === commitmentId);
  return (
    <section aria-labelledby="promise-chart">
      <Heading level={2} data-size="sm" id="promise-chart">
        {t('promiseChart.title')}
      </Heading>
      {measured.length === 0 || years.length === 0 ? (
        <EmptyState>{t('promiseChart.empty')}</EmptyState>
      ) : (
        <>
          <Paragraph data-size="sm">{t('promiseChart.legend')}</Paragraph>
          <div className="promise-chart">
            {measured.map((c) => {
              const yearly = c.target!.period === 'year';
              // Scale each commitment to its own largest figure, so a small target still shows. Every year
              // is judged as the follow-ups judge it (progress.ts): a yearly target against the year's
              // outcome, a whole-period one against the outcome since the start and the share due by then.
              const largest = Math.max(...years.flatMap((y) => [figure(c.id, y)?.actual ?? 0, figure(c.id, y)?.target ?? 0]), 1);
              const width = (value: number) => `${Math.min(100, (value / largest) * 100)}%`;
              return (
                <figure key={c.id} className="promise-chart-group">
                  <figcaption>
                    <strong>{c.text}</strong>{' '}
                    {yearly
                      ? t('promiseChart.perYear', { value: c.target!.value, unit: c.target!.unit })
                      : t('promiseChart.perPeriod', { value: c.target!.value, unit: c.target!.unit })}
                  </figcaption>
                  {years.map((y) => {
                    const f = figure(c.id, y);
                    if (!f) return null;
                    return (
                      <div key={y.year} className="promise-chart-row">
                        <span className="promise-chart-year">{y.year}</span>
                        <span className="promise-chart-bars" aria-hidden="true">
                          {f.target !== null && <span className="promise-chart-target" style={{ width: width(f.target) }} />}
                          <span className="promise-chart-actual" style={{ width: width(f.actual) }} />
                        </span>
                        <span className="promise-chart-values">
                          {f.target !== null
                            ? t('promiseChart.values', {
                                target: formatted(f.target, i18n.language),
                                actual: formatted(f.actual, i18n.language),
                                percent: percent(f.progress),
                              })
                            : t('promiseChart.actualOnly', { actual: f.actual })}
                        </span>
                      </div>
                    );
                  })}
                </figure>
              );
            })}
          </div>
          <Details>
            <Details.Summary>{t('promiseChart.asTable')}</Details.Summary>
            <Details.Content>
              <TableWrap>
                <Table data-size="sm">
                  <caption>{t('promiseChart.title')}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t('promiseChart.commitment')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('promiseChart.year')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('promiseChart.target')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('promiseChart.actual')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('promiseChart.fulfilment')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  {measured.map((c) => (
                    <Table.Body key={c.id}>
                      {years.map((y, i) => {
                        const f = figure(c.id, y);
                        return (
                          <Table.Row key={y.year}>
                            {i === 0 && (
                              <Table.HeaderCell scope="rowgroup" rowSpan={years.length}>
                                {c.text}
                              </Table.HeaderCell>
                            )}
                            <Table.Cell>{y.year}</Table.Cell>
                            <Table.Cell>
                              {f?.target == null ? '–' : formatted(f.target, i18n.language)} {c.target!.unit}
                              {c.target!.period === 'promise_period' ? ` (${t('promiseChart.wholePeriod')})` : ''}
                            </Table.Cell>
                            <Table.Cell>{f?.actual ?? '–'}</Table.Cell>
                            <Table.Cell>{percent(f?.progress)}</Table.Cell>
                          </Table.Row>
                        );
                      })}
                    </Table.Body>
                  ))}
                </Table>
              </TableWrap>
            </Details.Content>
          </Details>
        </>
      )}
    </section>
  );
}

import { Button, Heading, Link as DsLink, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import type { components } from '../../api/schema';
import { date, EmptyState, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { fieldError, SelectField } from '../../components/forms';
import { useEnumLabel } from '../../components/labels';
import { Pager } from '../../components/Pager';
import { todayInStockholm } from '../../components/time';
import { useListQuery } from '../../components/useListQuery';
import { useSession } from '../../session';
import { Saved } from './Licences';

type Row = components['schemas']['RestaurantReportRowView'];
type Figures = components['schemas']['RestaurantReportFiguresView'];

const PAGE_SIZE = 50;
/** The figures of a report, in the order of the form (the properties of the api's RestaurantReportFiguresView). */
const FIGURES: (keyof Figures)[] = ['spirits_litres', 'wine_litres', 'strong_beer_litres', 'other_fermented_litres'];
const STATUS_COLOR = { not_opened: 'neutral', open: 'info', late: 'danger', submitted: 'success' } as const;

/**
 * The year's restaurant reports (restaurangrapport, AL 9 kap 7 §): who has and has not reported by
 * 1 March the year after, opening the year's reports (with reminders before the last day),
 * recording a submitted report, and the year's figures.
 */
export function RestaurantReports() {
  const { t, i18n } = useTranslation();
  const { can, me } = useSession();
  const label = useEnumLabel();
  const { params, setParams, goToOffset } = useListQuery();
  const thisYear = Number(todayInStockholm().slice(0, 4));
  // In the spring the reports of last year are due; that is the year shown first.
  const year = Number(params.get('year') ?? thisYear - 1);
  const offset = Number(params.get('offset') ?? 0);
  const collaborations = me?.collaborations ?? [];
  const collaborationId = params.get('collaboration') ?? collaborations[0]?.id;
  const [tick, setTick] = useState(0);
  const list = useLoad(
    () => api.GET('/api/v1/restaurant-reports', { params: { query: { year, collaborationId, limit: PAGE_SIZE, offset } } }),
    [year, collaborationId, offset, tick],
  );
  const summary = useLoad(() => api.GET('/api/v1/restaurant-reports/summary', { params: { query: { year, collaborationId } } }), [year, collaborationId, tick]);
  const [recording, setRecording] = useState<Row>();
  const [message, setMessage] = useState<string>();
  const [problem, setProblem] = useState<Problem>();
  const numbers = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 1 });
  const litres = (value: number | null) => (value === null ? '–' : t('licensing.reports.litres', { value: numbers.format(value) }));
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const refresh = () => setTick((n) => n + 1);

  function choose(next: Record<string, string>) {
    setRecording(undefined);
    setMessage(undefined);
    setParams({ year: String(year), ...(collaborationId ? { collaboration: collaborationId } : {}), ...next });
  }

  async function openYear() {
    if (!collaborationId) return;
    const { data, error, response } = await api.POST('/api/v1/restaurant-reports/open', { body: { collaborationId, year } });
    setProblem(error ? asProblem(error, response.status) : undefined);
    setMessage(data ? t('licensing.reports.opened', { count: data.opened }) : undefined);
    if (data) refresh();
  }

  const s = summary.data;
  return (
    <>
      <PageTitle>{t('licensing.reports.title')}</PageTitle>
      <Paragraph data-size="sm">{t('licensing.reports.intro')}</Paragraph>
      <div className="inspections-filters">
        <SelectField id="year" label={t('licensing.reports.year')} value={String(year)} onChange={(e) => choose({ year: e.target.value })}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        {collaborations.length > 1 && (
          <SelectField
            id="collaboration"
            label={t('licensing.reports.collaboration')}
            value={collaborationId}
            onChange={(e) => choose({ collaboration: e.target.value })}
          >
            {collaborations.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <ProblemMessage problem={summary.problem} />
      {s && (
        <section aria-labelledby="reports-summary">
          <Heading level={2} data-size="sm" id="reports-summary">
            {t('licensing.reports.summary', { year: s.year, due: date(s.dueOn) })}
          </Heading>
          <Paragraph>{t('licensing.reports.counts', s)}</Paragraph>
          <TableWrap>
            <Table>
              <caption>{t('licensing.reports.totals')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('licensing.reports.figure')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('licensing.reports.total')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {FIGURES.map((f) => (
                  <Table.Row key={f}>
                    <Table.Cell>{t(`licensing.reports.figures.${f}`)}</Table.Cell>
                    <Table.Cell>{litres(s.totals[f])}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableWrap>
        </section>
      )}
      {can('premises:manage') && s && s.notOpened > 0 && (
        <div>
          <Paragraph data-size="sm">{t('licensing.reports.openHelp')}</Paragraph>
          <Button variant="secondary" onClick={() => void openYear()}>
            {t('licensing.reports.open', { year })}
          </Button>
        </div>
      )}
      <ProblemMessage problem={problem} />
      <Saved>{message}</Saved>
      {list.loading && !list.data && <Loading />}
      <ProblemMessage problem={list.problem} />
      {list.data?.items.length === 0 && <EmptyState>{t('licensing.reports.empty', { year })}</EmptyState>}
      {!!list.data?.items.length && (
        <TableWrap>
          <Table zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('licensing.reports.premises')}</Table.HeaderCell>
                <Table.HeaderCell>{t('licensing.reports.holder')}</Table.HeaderCell>
                <Table.HeaderCell>{t('licensing.reports.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('licensing.reports.submittedOn')}</Table.HeaderCell>
                {FIGURES.map((f) => (
                  <Table.HeaderCell key={f}>{t(`licensing.reports.figures.${f}`)}</Table.HeaderCell>
                ))}
                {can('premises:manage') && <Table.HeaderCell>{t('licensing.reports.action')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.items.map((r) => (
                <Table.Row key={r.licenceId}>
                  <Table.Cell>
                    <DsLink asChild>
                      <Link to={`/inspections/licences/${r.licenceId}`}>{r.premisesName}</Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell>{r.holderName}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={STATUS_COLOR[r.status]}>{label('RestaurantReportStatus', r.status)}</Tag>
                  </Table.Cell>
                  <Table.Cell>{r.submittedOn ? date(r.submittedOn) : '–'}</Table.Cell>
                  {FIGURES.map((f) => (
                    <Table.Cell key={f}>{litres(r.figures[f])}</Table.Cell>
                  ))}
                  {can('premises:manage') && (
                    <Table.Cell>
                      {r.reportId && !r.submittedOn && (
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          aria-label={t('licensing.reports.recordFor', { name: r.premisesName })}
                          onClick={() => {
                            setMessage(undefined);
                            setRecording(r);
                          }}
                        >
                          {t('licensing.reports.record')}
                        </Button>
                      )}
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableWrap>
      )}
      {list.data && <Pager page={list.data} onOffset={goToOffset} />}
      {recording?.reportId && (
        <RecordReport
          key={recording.reportId}
          row={recording}
          reportId={recording.reportId}
          year={year}
          onCancel={() => setRecording(undefined)}
          onDone={() => {
            setMessage(t('licensing.reports.recorded', { name: recording.premisesName }));
            setRecording(undefined);
            refresh();
          }}
        />
      )}
    </>
  );
}

/** Records a submitted report: litres sold of each drink category; the api refuses a bad figure at its field. */
function RecordReport({ row, reportId, year, onCancel, onDone }: { row: Row; reportId: string; year: number; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<Problem>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const figures: Record<string, number> = {};
    for (const f of FIGURES) {
      const text = String(form.get(f) ?? '')
        .trim()
        .replace(/\s/g, '')
        .replace(',', '.');
      // Every figure is given (0 when none was sold): one left empty or not a number goes as such
      // (NaN is sent as null), so the api names it at its field.
      figures[f] = text === '' ? Number.NaN : Number(text);
    }
    const { error, response } = await api.POST('/api/v1/restaurant-reports/{id}/submit', { params: { path: { id: reportId } }, body: { figures } });
    setProblem(error ? asProblem(error, response.status) : undefined);
    if (!error) onDone();
  }

  return (
    <section aria-labelledby="record-report">
      <Heading level={2} data-size="sm" id="record-report">
        {t('licensing.reports.recordTitle', { year, name: row.premisesName })}
      </Heading>
      <Paragraph data-size="sm">{t('licensing.reports.recordHelp')}</Paragraph>
      <form className="protocol" onSubmit={(e) => void submit(e)} noValidate>
        <ProblemMessage problem={problem} />
        {FIGURES.map((f) => (
          <Textfield
            key={f}
            id={`figures.${f}`}
            name={f}
            inputMode="decimal"
            label={t(`licensing.reports.figures.${f}`)}
            error={fieldError(problem, `figures.${f}`, t(`licensing.reports.figures.${f}`))}
          />
        ))}
        <div className="row">
          <Button type="submit">{t('licensing.reports.submit')}</Button>
          <Button type="button" variant="tertiary" onClick={onCancel}>
            {t('licensing.reports.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}

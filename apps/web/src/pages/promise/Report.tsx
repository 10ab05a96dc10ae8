import { Button, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asProblem, type Problem } from '../../api/client';
import type { components } from '../../api/schema';
import { date, ProblemMessage } from '../../components/common';
import { percent } from './shared';
import { fieldError, SelectField } from '../../components/forms';
import { CommitmentOutcomes } from './CommitmentOutcomes';

type FollowUpReport = components['schemas']['FollowUpReportView'];
type PromiseView = components['schemas']['PromiseView'];

/** A file fetched through the signed-in client, offered as an object URL (freed when replaced or left). */
function useObjectUrl() {
  const [url, setUrl] = useState<string>();
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  return [url, (blob: Blob | undefined) => setUrl(blob ? URL.createObjectURL(blob) : undefined)] as const;
}

/**
 * The year's report for the municipal board: shown here, as a printable page and as CSV. Each is
 * fetched with the signed-in client (the api records every export), then offered from the browser.
 */
export function AnnualReport({ promise }: { promise: PromiseView }) {
  const { t } = useTranslation();
  const first = Number(promise.periodStart.slice(0, 4));
  const last = Number(promise.periodEnd.slice(0, 4));
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const [year, setYear] = useState(String(Math.min(last, Math.max(first, new Date().getFullYear() - 1))));
  const [problem, setProblem] = useState<Problem>();
  const [preview, setPreview] = useState<FollowUpReport>();
  const [htmlUrl, setHtml] = useObjectUrl();
  const path = { id: promise.id };

  function refused(error: unknown, status: number) {
    const p = asProblem(error, status);
    // The api names the query parameter `year`; here that is the report's year field.
    setProblem({ ...p, errors: p.errors?.map((e) => (e.field === 'year' ? { ...e, field: 'reportYear' } : e)) });
  }

  function choose(value: string) {
    setYear(value);
    setPreview(undefined);
    setHtml(undefined);
    setProblem(undefined);
  }

  async function show() {
    const { data, error, response } = await api.GET('/api/v1/promises/{id}/follow-up-report', {
      params: { path, query: { year: Number(year), format: 'json' } },
    });
    if (error) return refused(error, response.status);
    setProblem(undefined);
    // The route answers JSON, CSV or HTML; asked for JSON, it is the report.
    if (typeof data === 'object') setPreview(data);
  }

  async function printable() {
    const { data, error, response } = await api.GET('/api/v1/promises/{id}/follow-up-report', {
      params: { path, query: { year: Number(year), format: 'html' } },
      parseAs: 'text',
    });
    if (error || data === undefined) return refused(error, response.status);
    setProblem(undefined);
    setHtml(new Blob([data], { type: 'text/html;charset=utf-8' }));
  }

  return (
    <section aria-labelledby="promise-report-title">
      <Heading level={2} data-size="sm" id="promise-report-title">
        {t('promiseReport.title')}
      </Heading>
      <Paragraph data-size="sm">{t('promiseReport.intro')}</Paragraph>
      <div className="promise-narrow">
        <SelectField
          id="reportYear"
          label={t('promiseReport.year')}
          value={year}
          onChange={(e) => choose(e.target.value)}
          error={fieldError(problem, 'reportYear')}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
      </div>
      <ProblemMessage problem={problem} />
      <div className="row">
        <Button variant="secondary" onClick={() => void show()}>
          {t('promiseReport.show')}
        </Button>
        <Button variant="secondary" onClick={() => void printable()}>
          {t('promiseReport.printable')}
        </Button>
        <CsvExport key={year} promiseId={promise.id} year={Number(year)} onProblem={refused} />
      </div>
      {htmlUrl && (
        <Paragraph>
          <DsLink href={htmlUrl} target="_blank" rel="noopener">
            {t('promiseReport.openPrintable', { year })}
          </DsLink>
        </Paragraph>
      )}
      {preview && <ReportPreview report={preview} />}
    </section>
  );
}

/**
 * "Exportera CSV": reads the response as a stream to show the bytes received as they arrive, then
 * offers the file (a Blob behind an object URL) to save.
 */
function CsvExport({ promiseId, year, onProblem }: { promiseId: string; year: number; onProblem: (error: unknown, status: number) => void }) {
  const { t, i18n } = useTranslation();
  const [progress, setProgress] = useState<{ received: number; total?: number; done: boolean; filename?: string }>();
  const [url, setFile] = useObjectUrl();
  const bytes = (n: number) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE').format(n);

  async function exportCsv() {
    setFile(undefined);
    setProgress({ received: 0, done: false });
    const { data, error, response } = await api.GET('/api/v1/promises/{id}/follow-up-report', {
      params: { path: { id: promiseId }, query: { year, format: 'csv' } },
      parseAs: 'stream',
    });
    if (error || !data) {
      setProgress(undefined);
      return onProblem(error, response.status);
    }
    // A compressed answer's length is not the length of what the stream gives: then the total is unknown.
    const length = Number(response.headers.get('content-length'));
    const total = !response.headers.get('content-encoding') && length > 0 ? length : undefined;
    const reader = data.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      chunks.push(chunk.value);
      received += chunk.value.byteLength;
      setProgress({ received, total, done: false });
    }
    const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `uppfoljning-${year}.csv`;
    setFile(new Blob(chunks as BlobPart[], { type: 'text/csv;charset=utf-8' }));
    setProgress({ received, total, done: true, filename });
  }

  return (
    <>
      <Button variant="secondary" onClick={() => void exportCsv()} disabled={progress && !progress.done}>
        {t('promiseReport.exportCsv')}
      </Button>
      {progress && (
        <div role="status" className="promise-export">
          <progress
            max={progress.total ?? undefined}
            value={progress.done ? (progress.total ?? progress.received) : progress.total ? progress.received : undefined}
            aria-label={t('promiseReport.exportProgress')}
          />
          <Paragraph data-size="sm">
            {progress.done
              ? t('promiseReport.exportDone', { bytes: bytes(progress.received) })
              : progress.total
                ? t('promiseReport.receivedOf', { bytes: bytes(progress.received), total: bytes(progress.total) })
                : t('promiseReport.received', { bytes: bytes(progress.received) })}
          </Paragraph>
          {progress.done && url && (
            <DsLink href={url} download={progress.filename}>
              {t('promiseReport.save', { filename: progress.filename })}
            </DsLink>
          )}
        </div>
      )}
    </>
  );
}

function ReportPreview({ report }: { report: FollowUpReport }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="promise-preview" aria-labelledby="promise-preview-title">
      <Heading level={3} data-size="xs" id="promise-preview-title">
        {t('promiseReport.previewTitle', { year: report.year })}
      </Heading>
      <Paragraph data-size="sm">
        {t(`promiseReport.basis.${report.basis}`)} —{' '}
        {t('promiseReport.window', { from: date(report.window.from, i18n.language), to: date(report.window.to, i18n.language) })} —{' '}
        {t('promiseFollowUps.fulfilment')}: {percent(report.progress)}
      </Paragraph>
      <CommitmentOutcomes rows={report.commitments} />
      <Paragraph>
        <strong>{t('promiseFollowUps.conclusion')}:</strong> {report.conclusion || '–'}
      </Paragraph>
      <Paragraph>
        <strong>{t('promiseFollowUps.decision')}:</strong> {report.decision ? t(`promiseVocab.decisions.${report.decision}`) : '–'}
      </Paragraph>
      {report.approvals.length > 0 && (
        <Paragraph>
          <strong>{t('promiseFollowUps.approvals')}:</strong>{' '}
          {report.approvals.map((a) => `${a.name} (${t(`promiseVocab.sides.${a.side}`)}, ${date(a.approvedAt, i18n.language)})`).join(', ')}
        </Paragraph>
      )}
    </article>
  );
}

import { Alert, Button, Details, Heading, List, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asProblem, type Problem } from '../../api/client';
import type { components } from '../../api/schema';
import { dateTime, EmptyState, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { fieldError } from '../../components/forms';
import { fromStockholm, stockholmLocal } from '../../components/time';
import './documents.css';

type DocumentView = components['schemas']['DocumentView'];
/** The kinds of document, by the api's name (inspection_report, hearing_letter, …). */
export type DocumentKind = DocumentView['kind'];
/** The records documents are issued from, by the api's name. */
export type DocumentRecordType = DocumentView['recordType'];

/** How often a document being created is asked about (the worker reports its progress as it goes). */
const POLL_MS = 500;

/** The refusal of a session whose strong authentication is too old (the app's dialog renews it); not a lack of rights. */
const STEP_UP = 'auth.step_up_required';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The document's bytes through the signed-in api (every read of an issued document is recorded in
 * the audit trail), and the file name the api gives it (Content-Disposition's UTF-8 `filename*`), so
 * the rule for names is the api's alone.
 */
async function content(id: string, fallbackName: string): Promise<{ blob?: Blob; name: string; problem?: Problem }> {
  const { data, error, response } = await api.GET('/api/v1/documents/{id}/content', { params: { path: { id } }, parseAs: 'blob' });
  if (error || !data) return { problem: asProblem(error, response.status), name: fallbackName };
  const given = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('content-disposition') ?? '');
  return { blob: data as Blob, name: given ? decodeURIComponent(given[1]) : fallbackName };
}

/** Hands bytes to the browser as a download, then lets go of them. */
function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: the browser has the file by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * A record's documents (issue #21): per kind the record offers, a preview (a draft marked UTKAST,
 * shown here) and issuing under a registration number (diarienummer, OSL/arkivlagen: the authority
 * registers what it sends); below, every issued version with its download and when it was sent.
 * The record's own rules decide (the api's document gates): a record the reader may not see
 * answers 404 and the section is not shown; a reader who may see but not issue gets the list only.
 */
export function RecordDocuments(props: {
  recordType: DocumentRecordType;
  recordId: string;
  kinds: readonly DocumentKind[];
  /** Whether the reader's permissions let them issue here (the api has the last word: a 403 turns the section read-only). */
  canIssue: boolean;
  /** The section's element id (also the prefix of its fields' ids). */
  id?: string;
  title?: string;
  /** A smaller variant, for a row of a list (a meeting): a list instead of a table, a level-3 heading. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const sectionId = props.id ?? 'record-documents';
  const list = useLoad(
    () => api.GET('/api/v1/documents', { params: { query: { recordType: props.recordType, recordId: props.recordId, limit: 200 } } }),
    [props.recordType, props.recordId],
  );
  const [refused, setRefused] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  // A session whose strong authentication is no longer fresh (the register extract): the app's dialog
  // renews it, then the reader asks again.
  const stepUp = list.problem?.code === STEP_UP;
  // What the reader may not see is not there (404); a list refused outright shows nothing either.
  if (list.problem && !stepUp && (list.problem.status === 404 || list.problem.status === 403)) return null;
  if (!list.data && !list.problem) return null;
  const readOnly = !props.canIssue || refused;
  const items = list.data?.items ?? [];

  return (
    <section id={sectionId} className={props.compact ? 'documents documents-compact' : 'documents'} aria-labelledby={`${sectionId}-heading`}>
      <Heading level={props.compact ? 3 : 2} data-size={props.compact ? 'xs' : 'sm'} id={`${sectionId}-heading`}>
        {props.title ?? t('documents.title')}
      </Heading>
      <ProblemMessage problem={list.problem ?? problem} />
      {stepUp && (
        <div>
          <Button type="button" variant="secondary" data-size="sm" onClick={list.reload}>
            {t('documents.retry')}
          </Button>
        </div>
      )}
      {stepUp ? null : readOnly ? (
        refused && <Paragraph data-size="sm">{t('documents.readOnly')}</Paragraph>
      ) : (
        <div className="documents-kinds">
          {props.kinds.map((kind) => (
            <KindActions
              key={kind}
              idPrefix={`${sectionId}-${kind}`}
              kind={kind}
              recordType={props.recordType}
              recordId={props.recordId}
              showKind={props.kinds.length > 1 || !props.compact}
              onIssued={list.reload}
              onRefused={() => setRefused(true)}
            />
          ))}
        </div>
      )}
      {items.length ? (
        props.compact ? (
          <List.Unordered className="documents-list">
            {items.map((d) => (
              <List.Item key={d.id}>
                <IssuedDocument doc={d} idPrefix={`${sectionId}-${d.id}`} compact canMarkSent={!readOnly} onChanged={list.reload} onProblem={setProblem} />
              </List.Item>
            ))}
          </List.Unordered>
        ) : (
          <TableWrap>
            <Table data-size="sm">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('documents.kind')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('documents.registrationNumberShort')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('documents.issuedAt')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('documents.sent')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('documents.download')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {items.map((d) => (
                  <IssuedDocument key={d.id} doc={d} idPrefix={`${sectionId}-${d.id}`} canMarkSent={!readOnly} onChanged={list.reload} onProblem={setProblem} />
                ))}
              </Table.Body>
            </Table>
          </TableWrap>
        )
      ) : (
        list.data && <EmptyState>{t('documents.none')}</EmptyState>
      )}
    </section>
  );
}

/**
 * The section behind a summary, asked for only when opened: for documents whose very listing needs a
 * fresh strong authentication (the register extract), so opening the record page does not ask for one.
 */
export function RecordDocumentsOnRequest(props: Parameters<typeof RecordDocuments>[0] & { summary: string }) {
  const { summary, ...section } = props;
  const [opened, setOpened] = useState(false);
  return (
    <Details className="documents-on-request" onToggle={() => setOpened(true)}>
      <Details.Summary>{summary}</Details.Summary>
      <Details.Content>{opened && <RecordDocuments {...section} />}</Details.Content>
    </Details>
  );
}

type Request = { mode: 'preview' } | { mode: 'issue'; registrationNumber: string };

/**
 * One kind's actions: preview and issue. Both ask the api to create the document (a job in the
 * worker), then follow its progress until it is ready or has failed.
 */
function KindActions(props: {
  idPrefix: string;
  kind: DocumentKind;
  recordType: DocumentRecordType;
  recordId: string;
  showKind: boolean;
  onIssued: () => void;
  onRefused: () => void;
}) {
  const { t } = useTranslation();
  const kindLabel = t(`documents.kinds.${props.kind}`);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number>();
  const [problem, setProblem] = useState<Problem>();
  const [failed, setFailed] = useState<Request>();
  const [issued, setIssued] = useState<DocumentView>();
  const [preview, setPreview] = useState<{ url: string; doc: DocumentView; name: string }>();
  const issueForm = useRef<HTMLFormElement>(null);
  const previewButton = useRef<HTMLButtonElement>(null);
  // Polling stops when the section goes away (another page).
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  // A preview's bytes are let go when it is closed or the page left.
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview.url) : undefined), [preview]);

  async function run(request: Request) {
    setBusy(true);
    setProblem(undefined);
    setFailed(undefined);
    setIssued(undefined);
    setProgress(0);
    try {
      const body = { kind: props.kind, recordType: props.recordType, recordId: props.recordId };
      const started =
        request.mode === 'preview'
          ? await api.POST('/api/v1/documents/previews', { body })
          : await api.POST('/api/v1/documents', { body: { ...body, registrationNumber: request.registrationNumber } });
      if (started.error || !started.data) {
        const refusal = asProblem(started.error, started.response.status);
        if (refusal.status === 403 && refusal.code !== STEP_UP) props.onRefused();
        else setProblem(refusal);
        return;
      }
      let doc = started.data;
      while (doc.status === 'pending') {
        if (!live.current) return;
        setProgress(doc.progress);
        await sleep(POLL_MS);
        if (!live.current) return;
        const next = await api.GET('/api/v1/documents/{id}', { params: { path: { id: doc.id } } });
        if (next.error || !next.data) {
          setProblem(asProblem(next.error, next.response.status));
          return;
        }
        doc = next.data;
      }
      if (!live.current) return;
      if (doc.status === 'failed') {
        setFailed(request);
        return;
      }
      setProgress(100);
      if (request.mode === 'preview') {
        const { blob, name, problem: refused } = await content(doc.id, `${doc.title ?? doc.kind}.pdf`);
        if (!blob) return setProblem(refused);
        setPreview({ url: URL.createObjectURL(blob), doc, name });
      } else {
        setIssued(doc);
        issueForm.current?.reset();
        props.onIssued();
      }
    } finally {
      if (live.current) {
        setBusy(false);
        setProgress(undefined);
      }
    }
  }

  function issue(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void run({ mode: 'issue', registrationNumber: String(data.get('registrationNumber') ?? '').trim() });
  }

  function closePreview() {
    setPreview(undefined);
    previewButton.current?.focus();
  }

  return (
    <div className="documents-kind">
      {props.showKind && <Paragraph className="documents-kind-name">{kindLabel}</Paragraph>}
      <div className="row">
        <Button
          ref={previewButton}
          type="button"
          variant="secondary"
          data-size="sm"
          disabled={busy}
          aria-label={props.showKind ? t('documents.previewOf', { kind: kindLabel }) : undefined}
          onClick={() => void run({ mode: 'preview' })}
        >
          {t('documents.preview')}
        </Button>
      </div>
      <Details>
        <Details.Summary>{props.showKind ? t('documents.issueOf', { kind: kindLabel }) : t('documents.issue')}</Details.Summary>
        <Details.Content>
          <form ref={issueForm} className="protocol" onSubmit={issue}>
            <Paragraph data-size="sm">{t('documents.issueHint')}</Paragraph>
            <Textfield
              id={`${props.idPrefix}-registrationNumber`}
              name="registrationNumber"
              label={t('documents.registrationNumber')}
              required
              maxLength={60}
              autoComplete="off"
              error={fieldError(problem, 'registrationNumber', t('documents.registrationNumber'))}
            />
            <div>
              <Button type="submit" disabled={busy}>
                {t('documents.issueSubmit')}
              </Button>
            </div>
          </form>
        </Details.Content>
      </Details>
      <div role="status" className="documents-status">
        {progress !== undefined && (
          <div className="documents-progress">
            <label htmlFor={`${props.idPrefix}-progress`}>{t('documents.progress', { percent: progress })}</label>
            <progress id={`${props.idPrefix}-progress`} max={100} value={progress}>
              {progress} %
            </progress>
          </div>
        )}
        {issued && <Alert data-color="success">{t('documents.issued', { kind: kindLabel, version: issued.version ?? '' })}</Alert>}
      </div>
      {problem && !fieldError(problem, 'registrationNumber') && <ProblemMessage problem={problem} />}
      {failed && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t('documents.failed')}</Paragraph>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => void run(failed)}>
            {t('documents.retry')}
          </Button>
        </Alert>
      )}
      {preview && (
        <PreviewPanel idPrefix={props.idPrefix} url={preview.url} name={preview.name} doc={preview.doc} kindLabel={kindLabel} onClose={closePreview} />
      )}
    </div>
  );
}

/** The draft in the page, with its download and a way to close it. */
function PreviewPanel(props: { idPrefix: string; url: string; name: string; doc: DocumentView; kindLabel: string; onClose: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const title = t('documents.previewTitle', { title: props.doc.title || props.kindLabel });
  return (
    <section className="documents-preview" aria-labelledby={`${props.idPrefix}-preview-heading`}>
      <Heading level={3} data-size="xs" id={`${props.idPrefix}-preview-heading`} ref={heading} tabIndex={-1}>
        {title}
      </Heading>
      <Paragraph data-size="sm">{t('documents.previewDraft')}</Paragraph>
      <iframe className="documents-preview-frame" src={props.url} title={title} />
      <div className="row">
        <Button asChild variant="secondary" data-size="sm">
          <a href={props.url} download={props.name}>
            {t('documents.downloadDraft')}
          </a>
        </Button>
        <Button type="button" variant="tertiary" data-size="sm" onClick={props.onClose}>
          {t('documents.close')}
        </Button>
      </div>
    </section>
  );
}

/** One issued version: kind, version, Dnr, issued when and by whom, sent (or the form to say so), and its download. */
function IssuedDocument(props: {
  doc: DocumentView;
  idPrefix: string;
  compact?: boolean;
  /** Whoever may issue may record the sending (the same rule). */
  canMarkSent: boolean;
  onChanged: () => void;
  onProblem: (p?: Problem) => void;
}) {
  const { t, i18n } = useTranslation();
  const d = props.doc;
  const kindLabel = t(`documents.kinds.${d.kind}`);
  const version = d.version ?? '';

  async function download() {
    const { blob, name, problem } = await content(d.id, `${d.title ?? kindLabel}.pdf`);
    props.onProblem(problem);
    if (blob) save(blob, name);
  }

  const name = (
    <>
      <strong>{kindLabel}</strong> {t('documents.versionN', { version })}
      {d.status !== 'ready' && <> ({t(`documents.statuses.${d.status}`)})</>}
    </>
  );
  const issuedText = (
    <>
      {dateTime(d.requestedAt, i18n.language)} {d.requestedByName && t('documents.issuedBy', { name: d.requestedByName })}
    </>
  );
  const sent = d.sentAt ? (
    <>
      {dateTime(d.sentAt, i18n.language)} {d.sentByName && t('documents.sentBy', { name: d.sentByName })}
    </>
  ) : (
    d.status === 'ready' && props.canMarkSent && <MarkSent doc={d} kindLabel={kindLabel} idPrefix={props.idPrefix} onSaved={props.onChanged} />
  );
  const downloadButton = d.status === 'ready' && (
    <Button
      type="button"
      variant="tertiary"
      data-size="sm"
      onClick={() => void download()}
      aria-label={t('documents.downloadOf', { kind: kindLabel, version })}
    >
      {t('documents.download')}
    </Button>
  );

  if (props.compact) {
    return (
      <div className="documents-item">
        <Paragraph data-size="sm">
          {name} — {t('documents.registrationNumberShort')} {d.registrationNumber} — {t('documents.issuedAt')} {issuedText}
          {d.sentAt && (
            <>
              {' '}
              — {t('documents.sent')} {sent}
            </>
          )}
        </Paragraph>
        <div className="row">
          {downloadButton}
          {!d.sentAt && sent}
        </div>
      </div>
    );
  }
  return (
    <Table.Row>
      <Table.Cell>{name}</Table.Cell>
      <Table.Cell>{d.registrationNumber}</Table.Cell>
      <Table.Cell>{issuedText}</Table.Cell>
      <Table.Cell>{sent || '–'}</Table.Cell>
      <Table.Cell>{downloadButton}</Table.Cell>
    </Table.Row>
  );
}

/** Records when an issued version was sent (once): the time it left, the current minute unless changed. */
function MarkSent(props: { doc: DocumentView; kindLabel: string; idPrefix: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = String(new FormData(event.currentTarget).get('sentAt') ?? '');
    setBusy(true);
    const { error, response } = await api.POST('/api/v1/documents/{id}/sent', {
      params: { path: { id: props.doc.id } },
      // The Stockholm wall-clock time the reader gives, sent as an instant.
      body: { sentAt: local ? fromStockholm(local) : '' },
    });
    setBusy(false);
    if (error) return setProblem(asProblem(error, response.status));
    setProblem(undefined);
    props.onSaved();
  }

  return (
    <Details>
      <Details.Summary>{t('documents.markSent')}</Details.Summary>
      <Details.Content>
        <form className="protocol" onSubmit={(e) => void save(e)}>
          {problem && !fieldError(problem, 'sentAt') && <ProblemMessage problem={problem} />}
          <Textfield
            id={`${props.idPrefix}-sentAt`}
            name="sentAt"
            type="datetime-local"
            label={t('documents.sentAt')}
            required
            defaultValue={stockholmLocal(new Date())}
            error={fieldError(problem, 'sentAt', t('documents.sentAt'))}
          />
          <div>
            <Button type="submit" data-size="sm" disabled={busy}>
              {t('documents.markSentSubmit')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}

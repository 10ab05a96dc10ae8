import { Button, Details, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asProblem, type Problem } from '../../api/client';
import { type components, youthInformationCategoryValues } from '../../api/schema';
import { dateTime, EmptyState, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { fieldError, SelectField } from '../../components/forms';
import './attachments.css';

type Attachment = components['schemas']['AttachmentView'];

/** A size in the reader's words: bytes, kB or MB. */
function size(bytes: number, language: string): string {
  const format = (n: number, unit: string) => `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n)} ${unit}`;
  if (bytes < 1024) return format(bytes, 'B');
  if (bytes < 1024 * 1024) return format(bytes / 1024, 'kB');
  return format(bytes / (1024 * 1024), 'MB');
}

/** Downloads through the signed-in api (every download is recorded in the audit trail) and hands the file to the browser. */
async function download(attachment: Attachment): Promise<Problem | undefined> {
  const { data, error, response } = await api.GET('/api/v1/attachments/{id}/content', { params: { path: { id: attachment.id } }, parseAs: 'blob' });
  if (error || !data) return asProblem(error, response.status);
  const url = URL.createObjectURL(data as Blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = attachment.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: the browser has the file by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return undefined;
}

/** The records that carry attachments, by the api's name. */
export type AttachmentRecordKind = components['schemas']['AttachmentRecordType'];

/** The record's attachments as the api lists them for the reader (the record's own rules decide). */
function listAttachments(kind: AttachmentRecordKind, id: string) {
  const params = { params: { path: { id }, query: { limit: 200 } } };
  switch (kind) {
    case 'youth_case':
      return api.GET('/api/v1/youth-cases/{id}/attachments', params);
    case 'inspection':
      return api.GET('/api/v1/inspections/{id}/attachments', params);
    case 'sanction_case':
      return api.GET('/api/v1/sanction-cases/{id}/attachments', params);
    case 'operation':
      return api.GET('/api/v1/operations/{id}/attachments', params);
    case 'finding':
      return api.GET('/api/v1/findings/{id}/attachments', params);
  }
}

type UploadQuery = { fileName: string; description: string; category?: string };

/** Uploads the raw bytes as application/octet-stream: the api reads the type from the bytes themselves. */
function uploadAttachment(kind: AttachmentRecordKind, id: string, query: UploadQuery, file: Blob) {
  const init = {
    body: file as unknown as string,
    bodySerializer: (body: unknown) => body as BodyInit,
    headers: { 'content-type': 'application/octet-stream' },
  };
  const { category, ...plain } = query;
  switch (kind) {
    case 'youth_case':
      return api.POST('/api/v1/youth-cases/{id}/attachments', { params: { path: { id }, query: { ...plain, category } }, ...init });
    case 'inspection':
      return api.POST('/api/v1/inspections/{id}/attachments', { params: { path: { id }, query: plain }, ...init });
    case 'sanction_case':
      return api.POST('/api/v1/sanction-cases/{id}/attachments', { params: { path: { id }, query: plain }, ...init });
    case 'operation':
      return api.POST('/api/v1/operations/{id}/attachments', { params: { path: { id }, query: plain }, ...init });
    case 'finding':
      return api.POST('/api/v1/findings/{id}/attachments', { params: { path: { id }, query: plain }, ...init });
  }
}

/**
 * A record's attachments (issue #21): those the reader may see (on youth cases, of the categories
 * shared with them), with download; those who may change the record add a file with a description
 * (and on youth cases the information category that decides, as for notes, who else sees it).
 */
export function RecordAttachments(props: { kind: AttachmentRecordKind; recordId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const list = useLoad(() => listAttachments(props.kind, props.recordId), [props.kind, props.recordId]);
  const [problem, setProblem] = useState<Problem>();
  const items = list.data?.items;
  const categories = props.kind === 'youth_case';

  async function get(attachment: Attachment) {
    setProblem(await download(attachment));
  }

  async function remove(attachment: Attachment) {
    const { error, response } = await api.DELETE('/api/v1/attachments/{id}', { params: { path: { id: attachment.id } } });
    setProblem(error ? asProblem(error, response.status) : undefined);
    if (!error) list.reload();
  }

  return (
    <section id={props.kind === 'youth_case' ? 'case-attachments' : 'record-attachments'} className="attachments">
      <Heading level={2} data-size="sm">
        {t('attachments.title')}
      </Heading>
      <ProblemMessage problem={list.problem ?? problem} />
      {items?.length ? (
        <TableWrap>
          <Table data-size="sm">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('attachments.fileName')}</Table.HeaderCell>
                {categories && <Table.HeaderCell>{t('attachments.category')}</Table.HeaderCell>}
                <Table.HeaderCell>{t('attachments.size')}</Table.HeaderCell>
                <Table.HeaderCell>{t('attachments.uploadedBy')}</Table.HeaderCell>
                <Table.HeaderCell>{t('attachments.uploadedAt')}</Table.HeaderCell>
                {props.canWrite && <Table.HeaderCell>{t('attachments.removeHeading')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((a) => (
                <Table.Row key={a.id}>
                  <Table.Cell>
                    <Button type="button" variant="tertiary" data-size="sm" className="attachments-name" onClick={() => void get(a)}>
                      {a.fileName}
                    </Button>
                    {a.description && <Paragraph data-size="sm">{a.description}</Paragraph>}
                  </Table.Cell>
                  {categories && <Table.Cell>{a.category ? t(`youth.categories.${a.category}`) : ''}</Table.Cell>}
                  <Table.Cell>
                    {t(`attachments.types.${a.contentType}`)}, {size(a.byteSize, i18n.language)}
                  </Table.Cell>
                  <Table.Cell>{a.uploadedByName ?? ''}</Table.Cell>
                  <Table.Cell>{dateTime(a.uploadedAt, i18n.language)}</Table.Cell>
                  {props.canWrite && (
                    <Table.Cell>
                      <Button type="button" variant="tertiary" data-size="sm" data-color="danger" onClick={() => void remove(a)}>
                        {t('attachments.remove', { name: a.fileName })}
                      </Button>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableWrap>
      ) : (
        items && <EmptyState>{t('attachments.none')}</EmptyState>
      )}
      {props.canWrite && <UploadForm kind={props.kind} recordId={props.recordId} onSaved={list.reload} />}
    </section>
  );
}

/** A youth case's attachments. */
export function YouthCaseAttachments(props: { caseId: string; canWrite: boolean }) {
  return <RecordAttachments kind="youth_case" recordId={props.caseId} canWrite={props.canWrite} />;
}

function UploadForm(props: { kind: AttachmentRecordKind; recordId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File>();
  const [problem, setProblem] = useState<Problem>();
  const [state, setState] = useState<'idle' | 'uploading' | 'saved'>('idle');

  function chosen(event: ChangeEvent<HTMLInputElement>) {
    setFile(event.currentTarget.files?.[0]);
    setState('idle');
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const data = new FormData(element);
    setState('uploading');
    const category = String(data.get('category') ?? '');
    const { error, response } = await uploadAttachment(
      props.kind,
      props.recordId,
      { fileName: file?.name ?? '', description: String(data.get('description') ?? ''), ...(category ? { category } : {}) },
      file ?? new Blob([]),
    );
    if (error) {
      setProblem(asProblem(error, response.status));
      setState('idle');
      return;
    }
    setProblem(undefined);
    setState('saved');
    setFile(undefined);
    element.reset();
    props.onSaved();
  }

  return (
    <Details>
      <Details.Summary>{t('attachments.add')}</Details.Summary>
      <Details.Content>
        <form className="protocol" onSubmit={(e) => void save(e)}>
          <ProblemMessage problem={problem} />
          <div className="file-upload">
            <input
              id="attachment-file"
              type="file"
              className="file-upload-input"
              accept="application/pdf,image/jpeg,image/png,image/webp"
              onChange={chosen}
              aria-describedby="attachment-file-chosen"
            />
            <label htmlFor="attachment-file" className="ds-button" data-variant="secondary" data-size="sm">
              {t('attachments.choose')}
            </label>
            <Paragraph data-size="sm" id="attachment-file-chosen" className="file-upload-file">
              {file ? t('attachments.chosen', { name: file.name }) : t('attachments.noneChosen')}
            </Paragraph>
          </div>
          {(fieldError(problem, 'body') || fieldError(problem, 'fileName')) && (
            <Paragraph data-size="sm" data-color="danger" role="alert">
              {[fieldError(problem, 'body', t('attachments.fileName')), fieldError(problem, 'fileName', t('attachments.fileName'))].filter(Boolean).join(' ')}
            </Paragraph>
          )}
          {props.kind === 'youth_case' && (
            <SelectField
              id="attachment-category"
              name="category"
              label={t('attachments.category')}
              description={t('attachments.categoryHint')}
              required
              defaultValue=""
              error={fieldError(problem, 'category', t('attachments.category'))}
            >
              <option value="">{t('youthNew.choose')}</option>
              {youthInformationCategoryValues.map((c) => (
                <option key={c} value={c}>
                  {t(`youth.categories.${c}`)}
                </option>
              ))}
            </SelectField>
          )}
          <Textfield
            id="attachment-description"
            name="description"
            label={t('attachments.description')}
            maxLength={500}
            error={fieldError(problem, 'description', t('attachments.description'))}
          />
          <div>
            <Button type="submit" disabled={state === 'uploading'}>
              {state === 'uploading' ? t('attachments.uploading') : t('attachments.submit')}
            </Button>
          </div>
          <Paragraph data-size="sm" role="status">
            {state === 'saved' ? t('attachments.saved') : ''}
          </Paragraph>
        </form>
      </Details.Content>
    </Details>
  );
}

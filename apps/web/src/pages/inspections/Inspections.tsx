import { Alert, Button, Field, Fieldset, Heading, Label, Link as DsLink, Paragraph, Radio, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { dateTime, EmptyState, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { useListQuery } from '../../components/useListQuery';
import { useSession } from '../../session';
import { FindingPhotos } from './FindingPhotos';
import { InspectionSteps } from './InspectionSteps';
import { useInspectors, usePremisesOptions } from './shared';
import { Pager } from '../../components/Pager';
import { type components, findingResultValues, inspectionStatusValues, inspectionTypeValues } from '../../api/schema';
import { addDays, fromStockholm } from '../../components/time';
import { RecordAttachments } from '../attachments/Attachments';
import { RecordDocuments } from '../documents/Documents';

const PAGE_SIZE = 25;

/** The list of inspections with filters kept in the query string (so a filtered list can be linked to). */
export function Inspections() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const { params, setParams, goToOffset } = useListQuery();
  const filter = {
    status: params.get('status') ?? '',
    type: params.get('type') ?? '',
    inspectorId: params.get('inspectorId') ?? '',
    premisesId: params.get('premisesId') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const offset = Number(params.get('offset') ?? 0);
  const list = useLoad(
    () =>
      api.GET('/api/v1/inspections', {
        params: {
          query: {
            limit: PAGE_SIZE,
            offset,
            status: (filter.status || undefined) as components['schemas']['InspectionStatus'] | undefined,
            type: (filter.type || undefined) as components['schemas']['InspectionType'] | undefined,
            inspectorId: filter.inspectorId || undefined,
            premisesId: filter.premisesId || undefined,
            // Dates are whole Stockholm days: from the start of `from` to the end of `to`.
            from: filter.from ? fromStockholm(`${filter.from}T00:00`) : undefined,
            to: filter.to ? fromStockholm(`${addDays(filter.to, 1)}T00:00`) : undefined,
          },
        },
      }),
    [params.toString()],
  );
  const inspectors = useInspectors();
  const premises = usePremisesOptions();

  function applyFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['status', 'type', 'inspectorId', 'premisesId', 'from', 'to']) {
      const value = String(form.get(key) ?? '');
      if (value) next.set(key, value);
    }
    setParams(next);
  }

  return (
    <>
      <PageTitle>{t('inspections.title')}</PageTitle>
      {can('inspection:plan') && (
        <div>
          <Button asChild variant="primary">
            <Link to="/inspections/new">{t('inspections.schedule.title')}</Link>
          </Button>
        </div>
      )}
      <form className="inspections-filters" onSubmit={applyFilter} aria-label={t('inspections.filter.label')}>
        <Field>
          <Label htmlFor="status">{t('inspections.status')}</Label>
          <Select id="status" name="status" defaultValue={filter.status}>
            <Select.Option value="">{t('inspections.filter.all')}</Select.Option>
            {inspectionStatusValues.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`statuses.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="type">{t('inspections.type')}</Label>
          <Select id="type" name="type" defaultValue={filter.type}>
            <Select.Option value="">{t('inspections.filter.all')}</Select.Option>
            {inspectionTypeValues.map((x) => (
              <Select.Option key={x} value={x}>
                {t(`inspections.types.${x}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="inspectorId">{t('inspections.inspector')}</Label>
          {/* Keyed by the options, so the chosen inspector shows once the list has arrived. */}
          <Select id="inspectorId" name="inspectorId" defaultValue={filter.inspectorId} key={`i${inspectors.length}`}>
            <Select.Option value="">{t('inspections.filter.all')}</Select.Option>
            {inspectors.map((i) => (
              <Select.Option key={i.id} value={i.id}>
                {i.displayName}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {premises.data && (
          <Field>
            <Label htmlFor="premisesId">{t('inspections.premises')}</Label>
            <Select id="premisesId" name="premisesId" defaultValue={filter.premisesId}>
              <Select.Option value="">{t('inspections.filter.all')}</Select.Option>
              {premises.data.items.map((p) => (
                <Select.Option key={p.id} value={p.id}>
                  {p.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        <Textfield id="from" name="from" type="date" label={t('inspections.filter.from')} defaultValue={filter.from} />
        <Textfield id="to" name="to" type="date" label={t('inspections.filter.to')} defaultValue={filter.to} />
        <div className="row">
          <Button type="submit" variant="secondary">
            {t('inspections.filter.apply')}
          </Button>
          {params.size > 0 && (
            <Button type="button" variant="tertiary" onClick={() => setParams(new URLSearchParams())}>
              {t('inspections.filter.clear')}
            </Button>
          )}
        </div>
      </form>
      {list.loading && <Loading />}
      <ProblemMessage problem={list.problem} />
      {!list.loading && list.data?.items.length === 0 && <EmptyState>{params.size > 0 ? t('inspections.filter.none') : t('inspections.empty')}</EmptyState>}
      {!!list.data?.items.length && (
        <TableWrap>
          <Table zebra>
            <caption className="inspections-caption">{t('inspections.filter.count', { count: list.data.total })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('inspections.premises')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inspections.when')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inspections.type')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inspections.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inspections.inspectors')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.items.map((i) => (
                <Table.Row key={i.id}>
                  <Table.Cell>
                    <DsLink asChild>
                      <Link to={`/inspections/${i.id}`}>{i.premisesName}</Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell>{dateTime(i.plannedStart, i18n.language)}</Table.Cell>
                  <Table.Cell>{t(`inspections.types.${i.type}`)}</Table.Cell>
                  <Table.Cell>{t(`statuses.${i.status}`)}</Table.Cell>
                  <Table.Cell>{i.inspectors.map((x) => x.displayName).join(', ')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableWrap>
      )}
      {list.data && <Pager page={list.data} onOffset={goToOffset} />}
    </>
  );
}

/** The on-site protocol: one fieldset per checklist item, usable on a phone; then the next steps. */
export function InspectionProtocol() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const inspection = useLoad(() => api.GET('/api/v1/inspections/{id}', { params: { path: { id: id! } } }), [id]);
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState(false);
  // Items given a result on the form (saved or not), for the progress line over a long protocol.
  const [marked, setMarked] = useState<number>();
  if (inspection.loading && !inspection.data) return <Loading />;
  if (!inspection.data) return <ProblemMessage problem={inspection.problem} />;
  const i = inspection.data;
  const found = new Map(i.findings.map((f) => [f.itemKey, f]));
  const open = i.status === 'planned' || i.status === 'performed';
  const editable = open && can('inspection:perform');
  const checklist = i.checklist ?? [];
  const done = marked ?? checklist.filter((item) => found.get(item.key)).length;

  function count(form: HTMLFormElement) {
    const data = new FormData(form);
    setMarked(checklist.filter((item) => data.get(`result-${item.key}`)).length);
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const findings = (i.checklist ?? [])
      .filter((item) => form.get(`result-${item.key}`))
      .map((item) => ({
        itemKey: item.key,
        result: String(form.get(`result-${item.key}`)) as components['schemas']['FindingResult'],
        note: String(form.get(`note-${item.key}`) ?? ''),
      }));
    setSaved(false);
    const { error, response } = await api.PUT('/api/v1/inspections/{id}/findings', { params: { path: { id: id! } }, body: { findings } });
    if (error) return setProblem(asProblem(error, response.status));
    setProblem(undefined);
    setSaved(true);
    inspection.reload();
  }

  return (
    <>
      <DsLink asChild>
        <Link to="/inspections">{t('inspections.title')}</Link>
      </DsLink>
      <PageTitle>{`${t('inspections.protocol')}: ${i.premisesName}`}</PageTitle>
      <Heading level={2} data-size="xs">
        {dateTime(i.plannedStart, i18n.language)} — {t(`statuses.${i.status}`)}
      </Heading>
      <div className="row">
        <Tag data-color="accent">{t(`inspections.types.${i.type}`)}</Tag>
        <Paragraph data-size="sm">
          {t('inspections.inspectors')}: {i.inspectors.map((x) => x.displayName).join(', ')}
        </Paragraph>
      </div>
      <div className="row">
        {can('premises:read') && (
          <DsLink asChild>
            <Link to={`/inspections/premises/${i.premisesId}`}>{t('inspections.premisesLink', { name: i.premisesName })}</Link>
          </DsLink>
        )}
        {i.previousInspectionId && (
          <DsLink asChild>
            <Link to={`/inspections/${i.previousInspectionId}`}>{t('inspections.previous')}</Link>
          </DsLink>
        )}
        {/* The tip (or police referral) it was booked from: its page is for those who manage premises. */}
        {i.tipId && can('premises:manage') && (
          <DsLink asChild>
            <Link to={`/inspections/tips/${i.tipId}`}>{t('premisesEdit.fromTip')}</Link>
          </DsLink>
        )}
        {i.status !== 'planned' && i.status !== 'cancelled' && i.status !== 'attempted' && (
          <DsLink asChild>
            <Link to={`/inspections/${i.id}/report`}>{t('inspections.report.open')}</Link>
          </DsLink>
        )}
      </div>
      {i.statusReason && (
        <Paragraph data-size="sm">
          {t('inspections.statusReason')}: {i.statusReason}
        </Paragraph>
      )}
      <ProblemMessage problem={problem} />
      {saved && (
        <Alert data-color="success" role="status">
          {t('inspections.saved')}
        </Alert>
      )}
      {checklist.length > 0 && (
        // On a phone the protocol is many screens long: this line stays in view and says how far it has come.
        <div className="inspections-progress">
          <Paragraph data-size="sm" id="protocol-progress">
            {t('inspections.progress', { done, total: checklist.length })}
          </Paragraph>
          <progress value={done} max={checklist.length} aria-labelledby="protocol-progress" />
        </div>
      )}
      <form className="protocol" onSubmit={(e) => void save(e)} onChange={(e) => count(e.currentTarget)}>
        {checklist.map((item) => (
          <Fieldset key={item.key} id={item.key}>
            <Fieldset.Legend>{item.label}</Fieldset.Legend>
            <div className="row">
              {findingResultValues.map((r) => (
                <Radio
                  key={r}
                  name={`result-${item.key}`}
                  value={r}
                  label={t(`inspections.results.${r}`)}
                  defaultChecked={found.get(item.key)?.result === r}
                  disabled={!editable}
                />
              ))}
            </div>
            <Textfield name={`note-${item.key}`} label={t('inspections.note')} defaultValue={found.get(item.key)?.note ?? ''} disabled={!editable} />
            <FindingPhotos
              inspectionId={i.id}
              item={item}
              photos={i.photos.filter((p) => p.itemKey === item.key)}
              editable={editable}
              onChange={inspection.reload}
            />
          </Fieldset>
        ))}
        {editable && <Button type="submit">{t('inspections.save')}</Button>}
      </form>
      <InspectionSteps inspection={i} onChange={inspection.reload} />
      <RecordAttachments kind="inspection" recordId={i.id} canWrite={can('inspection:perform')} />
      <RecordDocuments recordType="inspection" recordId={i.id} kinds={['inspection_report']} canIssue={can('inspection:perform')} />
    </>
  );
}

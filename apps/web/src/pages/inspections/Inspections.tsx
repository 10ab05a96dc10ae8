import { Alert, Button, Fieldset, Heading, Link as DsLink, Radio, Table, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { dateTime, EmptyState, Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';

interface InspectionRow { id: string; premisesName: string; type: string; plannedStart: string; status: string; inspectors: { displayName: string }[] }
interface Inspection extends InspectionRow {
  checklist: { key: string; label: string }[] | null;
  findings: { itemKey: string; result: string; note: string }[];
}

const RESULTS = ['ok', 'remark', 'not_applicable', 'not_checked'] as const;

export function Inspections() {
  const { t, i18n } = useTranslation();
  const list = useLoad<{ items: InspectionRow[] }>(() => api.GET('/api/v1/inspections', { params: { query: { limit: 100 } } }), []);
  return (
    <>
      <PageTitle>{t('inspections.title')}</PageTitle>
      {list.loading && <Loading />}
      <ProblemMessage problem={list.problem} />
      {!list.loading && list.data?.items.length === 0 && <EmptyState>{t('inspections.empty')}</EmptyState>}
      {!!list.data?.items.length && (
        <div className="table-wrap">
          <Table zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('inspections.premises')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inspections.when')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inspections.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inspections.inspectors')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.items.map((i) => (
                <Table.Row key={i.id}>
                  <Table.Cell><DsLink asChild><Link to={`/inspections/${i.id}`}>{i.premisesName}</Link></DsLink></Table.Cell>
                  <Table.Cell>{dateTime(i.plannedStart, i18n.language)}</Table.Cell>
                  <Table.Cell>{t(`statuses.${i.status}`)}</Table.Cell>
                  <Table.Cell>{i.inspectors.map((x) => x.displayName).join(', ')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </>
  );
}

/** The on-site protocol: one fieldset per checklist item, usable on a phone. */
export function InspectionProtocol() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const inspection = useLoad<Inspection>(() => api.GET('/api/v1/inspections/{id}', { params: { path: { id: id! } } }), [id]);
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState(false);
  if (inspection.loading) return <Loading />;
  if (!inspection.data) return <ProblemMessage problem={inspection.problem} />;
  const i = inspection.data;
  const found = new Map(i.findings.map((f) => [f.itemKey, f]));
  const open = i.status === 'planned' || i.status === 'performed';

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const findings = (i.checklist ?? [])
      .filter((item) => form.get(`result-${item.key}`))
      .map((item) => ({ itemKey: item.key, result: String(form.get(`result-${item.key}`)) as (typeof RESULTS)[number], note: String(form.get(`note-${item.key}`) ?? '') }));
    setSaved(false);
    const { error, response } = await api.PUT('/api/v1/inspections/{id}/findings', { params: { path: { id: id! } }, body: { findings } });
    if (error) return setProblem(asProblem(error, response.status));
    setProblem(undefined);
    setSaved(true);
    inspection.reload();
  }

  return (
    <>
      <DsLink asChild><Link to="/inspections">{t('inspections.title')}</Link></DsLink>
      <PageTitle>{`${t('inspections.protocol')}: ${i.premisesName}`}</PageTitle>
      <Heading level={2} data-size="xs">{dateTime(i.plannedStart, i18n.language)} — {t(`statuses.${i.status}`)}</Heading>
      <ProblemMessage problem={problem} />
      {saved && <Alert data-color="success" role="status">{t('inspections.saved')}</Alert>}
      <form className="protocol" onSubmit={(e) => void save(e)}>
        {(i.checklist ?? []).map((item) => (
          <Fieldset key={item.key} id={item.key}>
            <Fieldset.Legend>{item.label}</Fieldset.Legend>
            <div className="row">
              {RESULTS.map((r) => (
                <Radio key={r} name={`result-${item.key}`} value={r} label={t(`inspections.results.${r}`)} defaultChecked={found.get(item.key)?.result === r} disabled={!open} />
              ))}
            </div>
            <Textfield name={`note-${item.key}`} label={t('inspections.note')} defaultValue={found.get(item.key)?.note ?? ''} disabled={!open} />
          </Fieldset>
        ))}
        {open && <Button type="submit">{t('inspections.save')}</Button>}
      </form>
    </>
  );
}

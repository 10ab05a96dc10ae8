import { Alert, Button, Dialog, Heading, Link as DsLink, List, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, asProblem, type Problem } from '../api/client';
import { date, EmptyState, Loading, PageTitle, ProblemMessage, useLoad } from '../components/common';
import { useSession } from '../session';

interface Subject { id: string; name: string; personalNumber: string; age: number }
interface CaseRow { id: string; reference: string; form: string; status: string; reviewOn: string | null; coordinatorName: string | null; subject: Subject | null }
interface CaseView {
  id: string; reference: string; form: string; status: string; subject: Subject | null; coordinator: { displayName: string } | null;
  riskFactors: { key: string; label: string }[]; reviewOn: string | null; ownerOrganisation: { name: string };
  access: { owner: boolean; categories: { key: string; label: string }[] };
}
interface Entry { id: string; kind: string; category: string; occurredOn: string; body: string; authorName: string | null }
interface PlanItem { id: string; goal: string; task: string; dueOn: string; status: string; ownerName: string | null; ownerDescription: string }

/** The case list: masked numbers only; a police officer sees just the cases shared with the police. */
export function YouthCases() {
  const { t, i18n } = useTranslation();
  const cases = useLoad<{ items: CaseRow[] }>(() => api.GET('/api/v1/youth-cases', { params: { query: { limit: 100 } } }), []);
  return (
    <>
      <PageTitle>{t('youth.title')}</PageTitle>
      {cases.loading && <Loading />}
      <ProblemMessage problem={cases.problem} />
      {!cases.loading && cases.data?.items.length === 0 && <EmptyState>{t('youth.empty')}</EmptyState>}
      {!!cases.data?.items.length && (
        <div className="table-wrap">
          <Table zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('youth.reference')}</Table.HeaderCell>
                <Table.HeaderCell>{t('youth.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('youth.number')}</Table.HeaderCell>
                <Table.HeaderCell>{t('youth.form')}</Table.HeaderCell>
                <Table.HeaderCell>{t('youth.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('youth.review')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {cases.data.items.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell><DsLink asChild><Link to={`/youth-cases/${c.id}`}>{c.reference}</Link></DsLink></Table.Cell>
                  <Table.Cell>{c.subject?.name ?? '–'}</Table.Cell>
                  <Table.Cell>{c.subject?.personalNumber ?? '–'}</Table.Cell>
                  <Table.Cell>{c.form.toUpperCase()}</Table.Cell>
                  <Table.Cell>{t(`statuses.${c.status}`)}</Table.Cell>
                  <Table.Cell>{date(c.reviewOn, i18n.language)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </>
  );
}

/** One case as the reader may see it; revealing the full personal number asks for a reason. */
export function YouthCase() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const view = useLoad<CaseView>(() => api.GET('/api/v1/youth-cases/{id}', { params: { path: { id: id! } } }), [id]);
  const entries = useLoad<{ items: Entry[] }>(() => api.GET('/api/v1/youth-cases/{id}/entries', { params: { path: { id: id! }, query: { limit: 50 } } }), [id]);
  const plan = useLoad<PlanItem[]>(() => api.GET('/api/v1/youth-cases/{id}/plan-items', { params: { path: { id: id! } } }), [id]);
  if (view.loading) return <Loading />;
  if (!view.data) return <ProblemMessage problem={view.problem} />;
  const c = view.data;
  return (
    <>
      <DsLink asChild><Link to="/youth-cases">{t('youth.back')}</Link></DsLink>
      <PageTitle>{`${t('youth.reference')} ${c.reference}`}</PageTitle>
      {!c.access.owner && <Alert data-color="info">{t('youth.shared', { categories: c.access.categories.map((x) => x.label).join(', ') })}</Alert>}
      <div className="row">
        <Tag data-color="accent">{c.form.toUpperCase()}</Tag>
        <Tag data-color="neutral">{t(`statuses.${c.status}`)}</Tag>
        {c.reviewOn && <Paragraph data-size="sm">{t('youth.review')}: {date(c.reviewOn, i18n.language)}</Paragraph>}
      </div>
      {c.subject && (
        <Paragraph>
          {c.subject.name}, {c.subject.age} år — {t('youth.number')}: <span data-testid="personal-number">{c.subject.personalNumber}</span>
        </Paragraph>
      )}
      {c.subject && can('youth_subject:reveal') && <RevealNumber subjectId={c.subject.id} />}
      {c.riskFactors.length > 0 && (
        <section>
          <Heading level={2} data-size="sm">{t('youth.riskFactors')}</Heading>
          <div className="row">{c.riskFactors.map((r) => <Tag key={r.key} data-color="warning">{r.label}</Tag>)}</div>
        </section>
      )}
      <section>
        <Heading level={2} data-size="sm">{t('youth.plan')}</Heading>
        {plan.data?.length ? (
          <List.Unordered>{plan.data.map((p) => <List.Item key={p.id}>{p.goal}: {p.task} ({p.ownerName ?? p.ownerDescription}, {date(p.dueOn, i18n.language)})</List.Item>)}</List.Unordered>
        ) : <EmptyState>{t('youth.noPlan')}</EmptyState>}
      </section>
      <section>
        <Heading level={2} data-size="sm">{t('youth.entries')}</Heading>
        {entries.data?.items.length ? (
          <List.Unordered>
            {entries.data.items.map((e) => <List.Item key={e.id}><strong>{date(e.occurredOn, i18n.language)}</strong> ({e.category}) {e.body}</List.Item>)}
          </List.Unordered>
        ) : <EmptyState>{t('youth.noEntries')}</EmptyState>}
      </section>
    </>
  );
}

function RevealNumber({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [problem, setProblem] = useState<Problem>();
  const [number, setNumber] = useState<string>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason'));
    const { data, error, response } = await api.POST('/api/v1/youth-subjects/{id}/reveal', { params: { path: { id: subjectId } }, body: { reason } });
    if (error) return setProblem(asProblem(error, response.status));
    setNumber((data as unknown as { personalNumber: string }).personalNumber);
    dialog.current?.close();
  }

  if (number) return <Paragraph>{t('youth.number')}: <strong data-testid="revealed-number">{number}</strong></Paragraph>;
  return (
    <>
      <Button variant="secondary" data-size="sm" onClick={() => dialog.current?.showModal()}>{t('youth.reveal')}</Button>
      <Dialog ref={dialog} closeButton={t('youth.cancel')}>
        <form onSubmit={(e) => void submit(e)} className="protocol">
          <Heading level={2} data-size="xs">{t('youth.reveal')}</Heading>
          <ProblemMessage problem={problem} />
          <Textfield id="reason" name="reason" label={t('youth.revealReason')} required minLength={5} />
          <Button type="submit">{t('youth.revealSubmit')}</Button>
        </form>
      </Dialog>
    </>
  );
}

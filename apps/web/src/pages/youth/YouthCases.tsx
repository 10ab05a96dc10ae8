import { Alert, Button, Heading, Link as DsLink, List, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { date, dateTime, EmptyState, Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useSession } from '../../session';

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
      {c.access.owner && can('youth_case:share') && <Consents caseId={c.id} />}
      {c.access.owner && can('youth_case:disclose') && <Disclosures caseId={c.id} />}
      {c.access.owner && can('youth_case:access_log') && <AccessLog caseId={c.id} />}
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
  const [number, setNumber] = useState<string>();

  async function reveal(reason: string): Promise<Problem | undefined> {
    const { data, error, response } = await api.POST('/api/v1/youth-subjects/{id}/reveal', { params: { path: { id: subjectId } }, body: { reason } });
    if (error) return asProblem(error, response.status);
    setNumber((data as unknown as { personalNumber: string }).personalNumber);
  }

  if (number) return <Paragraph>{t('youth.number')}: <strong data-testid="revealed-number">{number}</strong></Paragraph>;
  return (
    <>
      <Button variant="secondary" data-size="sm" onClick={() => dialog.current?.showModal()}>{t('youth.reveal')}</Button>
      <ReasonDialog dialog={dialog} id="reason" title={t('youth.reveal')} label={t('youth.revealReason')} submitLabel={t('youth.revealSubmit')} onSubmit={reveal} />
    </>
  );
}

interface Consent { id: string; signers: { name: string; role: string }[]; categories: string[]; validFrom: string; validUntil: string; state: 'valid' | 'expired' | 'withdrawn' | 'pending'; withdrawalReason: string | null }

/** Consents with their state; withdrawing one asks for the reason and cuts sharing at once. */
function Consents({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const consents = useLoad<Consent[]>(() => api.GET('/api/v1/youth-cases/{id}/consents', { params: { path: { id: caseId } } }), [caseId]);
  const dialog = useRef<HTMLDialogElement>(null);
  const [withdrawing, setWithdrawing] = useState<string>();

  async function withdraw(reason: string): Promise<Problem | undefined> {
    const { error, response } = await api.POST('/api/v1/youth-cases/{id}/consents/{consentId}/withdraw', {
      params: { path: { id: caseId, consentId: withdrawing! } },
      body: { reason },
    });
    if (error) return asProblem(error, response.status);
    consents.reload();
  }

  return (
    <section>
      <Heading level={2} data-size="sm">{t('consents.title')}</Heading>
      {consents.data?.length === 0 && <EmptyState>{t('consents.empty')}</EmptyState>}
      <List.Unordered>
        {consents.data?.map((k) => (
          <List.Item key={k.id}>
            <Tag data-color={k.state === 'valid' ? 'success' : 'neutral'}>{t(`consents.states.${k.state}`)}</Tag>{' '}
            {t('consents.signers')}: {k.signers.map((s) => s.name).join(', ')} — {t('consents.validity')} {date(k.validFrom, i18n.language)}–{date(k.validUntil, i18n.language)} —{' '}
            {t('consents.categories')}: {k.categories.join(', ')}
            {k.state === 'valid' && (
              <> <Button variant="tertiary" data-size="sm" onClick={() => { setWithdrawing(k.id); dialog.current?.showModal(); }}>{t('consents.withdraw')}</Button></>
            )}
          </List.Item>
        ))}
      </List.Unordered>
      <ReasonDialog dialog={dialog} id="withdrawReason" title={t('consents.withdraw')} label={t('consents.withdrawReason')} submitLabel={t('consents.withdrawSubmit')} danger onSubmit={withdraw} />
    </section>
  );
}

interface Disclosure { id: string; ground: string; toOrganisation: string; categories: string[]; decidedAt: string; decidedByName: string }

function Disclosures({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const list = useLoad<Disclosure[]>(() => api.GET('/api/v1/youth-cases/{id}/disclosures', { params: { path: { id: caseId } } }), [caseId]);
  return (
    <section>
      <Heading level={2} data-size="sm">{t('disclosures.title')}</Heading>
      {list.data?.length === 0 && <EmptyState>{t('disclosures.empty')}</EmptyState>}
      <List.Unordered>
        {list.data?.map((d) => (
          <List.Item key={d.id}>
            {dateTime(d.decidedAt, i18n.language)} — {t('disclosures.ground')}: {d.ground} — {t('disclosures.to')}: {d.toOrganisation} ({d.categories.join(', ')}), {d.decidedByName}
          </List.Item>
        ))}
      </List.Unordered>
    </section>
  );
}

interface LogEvent { id: string; occurredAt: string; action: string; outcome: string; actorName: string | null; actorOrganisation: string | null }

function AccessLog({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const log = useLoad<{ items: LogEvent[] }>(() => api.GET('/api/v1/youth-cases/{id}/access-log', { params: { path: { id: caseId }, query: { limit: 20 } } }), [caseId]);
  return (
    <section>
      <Heading level={2} data-size="sm">{t('accessLog.title')}</Heading>
      <div className="table-wrap">
        <Table data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('accessLog.when')}</Table.HeaderCell>
              <Table.HeaderCell>{t('accessLog.who')}</Table.HeaderCell>
              <Table.HeaderCell>{t('accessLog.what')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {log.data?.items.map((e) => (
              <Table.Row key={e.id}>
                <Table.Cell>{dateTime(e.occurredAt, i18n.language)}</Table.Cell>
                <Table.Cell>{e.actorName ?? '–'} ({e.actorOrganisation ?? '–'})</Table.Cell>
                <Table.Cell>{e.action}{e.outcome !== 'success' ? ` (${e.outcome})` : ''}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}

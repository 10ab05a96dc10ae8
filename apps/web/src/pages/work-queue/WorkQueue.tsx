import { Alert, Button, Dialog, Heading, Link as DsLink, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { type components, workQueueStateValues } from '../../api/schema';
import { dueLabel, EmptyState, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { fieldError, SelectField } from '../../components/forms';
import { useEnumLabel } from '../../components/labels';
import { Pager } from '../../components/Pager';
import { useListQuery } from '../../components/useListQuery';
import { SubjectLink } from './links';

type Item = components['schemas']['WorkQueueItemView'];
type Staff = components['schemas']['StaffMemberView'];
type Counts = components['schemas']['WorkQueueCounts'];

const PAGE_SIZE = 25;
const FILTERS = ['personId', 'kind', 'state'] as const;

/** The api's query from the address: only the filters set, paged in SQL. */
function queueQuery(params: URLSearchParams) {
  const value = (name: string) => params.get(name) || undefined;
  return {
    personId: value('personId'),
    kind: value('kind'),
    state: value('state') as Item['state'] | undefined,
    limit: PAGE_SIZE,
    offset: Math.max(0, Number(params.get('offset')) || 0),
  };
}

/**
 * The work queue of the units or organisation the reader leads: counts per kind and per person,
 * the open deadlines filtered by person, kind and urgency (in the address), each opening its
 * subject; an action can be handed to a colleague (the promises lib's own update, If-Match).
 */
export default function WorkQueue() {
  const { t, i18n } = useTranslation();
  const label = useEnumLabel();
  const { params, applyFilters, goToOffset } = useListQuery();
  const search = params.toString();
  const list = useLoad(() => api.GET('/api/v1/work-queue', { params: { query: queueQuery(params) } }), [search]);
  const summary = useLoad(() => api.GET('/api/v1/work-queue/summary'), []);
  const staff = useLoad(() => api.GET('/api/v1/work-queue/staff'), []);
  const [moving, setMoving] = useState<Item>();
  const [done, setDone] = useState<string>();
  const dialog = useRef<HTMLDialogElement>(null);
  const filtered = FILTERS.some((f) => params.get(f));
  const kindLabel = (kind: string) => t(`adminRules.kinds.${kind}`, { defaultValue: t('workQueue.otherKind') });

  function reassign(item: Item) {
    setMoving(item);
    setDone(undefined);
    dialog.current?.showModal();
  }

  return (
    <>
      <PageTitle>{t('workQueue.title')}</PageTitle>
      <Paragraph>{t('workQueue.intro')}</Paragraph>
      {done && (
        <Alert data-color="success" role="status">
          {done}
        </Alert>
      )}
      <ProblemMessage problem={summary.problem} />
      {summary.data && (
        <div className="cards">
          <CountTable
            caption={t('workQueue.byKind')}
            head={t('workQueue.kind')}
            rows={[
              ...summary.data.byKind.map((k) => ({ key: k.kind, name: kindLabel(k.kind), to: `/work-queue?kind=${k.kind}`, counts: k })),
              { key: 'total', name: t('workQueue.total'), counts: summary.data.total },
            ]}
          />
          <CountTable
            caption={t('workQueue.byPerson')}
            head={t('workQueue.person')}
            rows={summary.data.byPerson.map((p) => ({
              key: p.userId ?? 'none',
              name: p.name ?? t('workQueue.noPerson'),
              to: p.userId ? `/work-queue?personId=${p.userId}` : undefined,
              counts: p,
            }))}
          />
        </div>
      )}
      <form key={search} className="promise-filters" onSubmit={applyFilters} aria-label={t('workQueue.filters')}>
        <SelectField id="personId" label={t('workQueue.person')} defaultValue={params.get('personId') ?? ''} error={fieldError(list.problem, 'personId')}>
          <option value="">{t('workQueue.any')}</option>
          {staff.data?.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </SelectField>
        <SelectField id="kind" label={t('workQueue.kind')} defaultValue={params.get('kind') ?? ''} error={fieldError(list.problem, 'kind')}>
          <option value="">{t('workQueue.any')}</option>
          {summary.data?.byKind.map((k) => (
            <option key={k.kind} value={k.kind}>
              {kindLabel(k.kind)}
            </option>
          ))}
        </SelectField>
        <SelectField id="state" label={t('workQueue.state')} defaultValue={params.get('state') ?? ''} error={fieldError(list.problem, 'state')}>
          <option value="">{t('workQueue.any')}</option>
          {workQueueStateValues.map((s) => (
            <option key={s} value={s}>
              {label('WorkQueueState', s)}
            </option>
          ))}
        </SelectField>
        <div className="row">
          <Button type="submit">{t('workQueue.apply')}</Button>
          {filtered && (
            <DsLink asChild>
              <Link to="/work-queue">{t('workQueue.clear')}</Link>
            </DsLink>
          )}
        </div>
      </form>
      {list.loading && <Loading />}
      <ProblemMessage problem={list.problem} />
      {!list.loading && list.data?.items.length === 0 && <EmptyState>{filtered ? t('workQueue.emptyFiltered') : t('workQueue.empty')}</EmptyState>}
      {!!list.data?.items.length && (
        <>
          <TableWrap>
            <Table zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('workQueue.subject')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('workQueue.kind')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('workQueue.responsible')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('workQueue.due')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('workQueue.state')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('workQueue.actions')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {list.data.items.map((d) => (
                  <Table.Row key={d.id}>
                    <Table.Cell>
                      <SubjectLink link={d.link}>{d.title}</SubjectLink>
                    </Table.Cell>
                    <Table.Cell>{kindLabel(d.kind)}</Table.Cell>
                    <Table.Cell>{d.responsibleUserName ?? d.responsibleUnitName ?? t('workQueue.noPerson')}</Table.Cell>
                    <Table.Cell>{dueLabel(d, i18n.language)}</Table.Cell>
                    <Table.Cell>
                      <Tag data-color={d.state === 'overdue' ? 'danger' : d.state === 'due_soon' ? 'warning' : 'neutral'}>
                        {label('WorkQueueState', d.state)}
                      </Tag>
                    </Table.Cell>
                    <Table.Cell>
                      {d.reassignVia === 'action' && (
                        <Button variant="secondary" data-size="sm" onClick={() => reassign(d)} aria-label={t('workQueue.reassignTitle', { title: d.title })}>
                          {t('workQueue.reassign')}
                        </Button>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableWrap>
          <Pager page={list.data} onOffset={goToOffset} />
        </>
      )}
      <Dialog ref={dialog} closeButton={t('app.cancel')}>
        {moving && (
          <ReassignForm
            key={moving.id}
            item={moving}
            staff={(staff.data ?? []).filter((p) => p.organisationId === moving.responsibleOrganisationId && p.id !== moving.responsibleUserId)}
            onDone={(name) => {
              dialog.current?.close();
              setDone(t('workQueue.reassigned', { title: moving.title, name }));
              list.reload();
              summary.reload();
            }}
            onCancel={() => dialog.current?.close()}
          />
        )}
      </Dialog>
    </>
  );
}

/** Counts by kind or person: overdue, due soon, open; each name filters the list. */
function CountTable({ caption, head, rows }: { caption: string; head: string; rows: { key: string; name: string; to?: string; counts: Counts }[] }) {
  const { t } = useTranslation();
  return (
    <TableWrap>
      <Table data-size="sm">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{head}</Table.HeaderCell>
            <Table.HeaderCell>{t('workQueue.overdue')}</Table.HeaderCell>
            <Table.HeaderCell>{t('workQueue.dueSoon')}</Table.HeaderCell>
            <Table.HeaderCell>{t('workQueue.open')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.key}>
              <Table.Cell>
                {r.to ? (
                  <DsLink asChild>
                    <Link to={r.to}>{r.name}</Link>
                  </DsLink>
                ) : (
                  r.name
                )}
              </Table.Cell>
              <Table.Cell>{r.counts.overdue}</Table.Cell>
              <Table.Cell>{r.counts.dueSoon}</Table.Cell>
              <Table.Cell>{r.counts.open}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableWrap>
  );
}

/** Hands an action to someone else: the promises lib's hand-over (PUT /actions/{id}/responsible) with the version just read (If-Match). */
function ReassignForm({ item, staff, onDone, onCancel }: { item: Item; staff: Staff[]; onDone: (name: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  async function save(form: FormData) {
    const personId = String(form.get('responsibleUserId') ?? '');
    setBusy(true);
    const current = await api.GET('/api/v1/actions/{id}', { params: { path: { id: item.resourceId } } });
    if (current.error || !current.data) {
      setBusy(false);
      setProblem(asProblem(current.error, current.response.status));
      return;
    }
    const { error, response } = await api.PUT('/api/v1/actions/{id}/responsible', {
      params: { path: { id: item.resourceId }, header: { 'If-Match': `"${current.data.version}"` } },
      body: { responsibleUserId: personId },
    });
    setBusy(false);
    if (error) return setProblem(asProblem(error, response.status));
    onDone(staff.find((p) => p.id === personId)?.displayName ?? '');
  }

  return (
    <form
      className="protocol"
      onSubmit={(event) => {
        event.preventDefault();
        void save(new FormData(event.currentTarget));
      }}
    >
      <Heading level={2} data-size="xs">
        {t('workQueue.reassignTitle', { title: item.title })}
      </Heading>
      <ProblemMessage problem={problem?.errors?.some((e) => e.field === 'responsibleUserId') ? undefined : problem} />
      <SelectField id="responsibleUserId" label={t('workQueue.reassignTo')} required defaultValue="" error={fieldError(problem, 'responsibleUserId')}>
        <option value="" disabled>
          {t('workQueue.choose')}
        </option>
        {staff.map((p) => (
          <option key={p.id} value={p.id}>
            {p.displayName} ({p.unitNames.join(', ')})
          </option>
        ))}
      </SelectField>
      <div className="row">
        <Button type="submit" disabled={busy}>
          {t('workQueue.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}

import { Button, Checkbox, Fieldset, Link as DsLink, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { actionStatusValues, type components, promisePartyValues } from '../../api/schema';
import { date, EmptyState, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { useListQuery } from '../../components/useListQuery';
import { useSession } from '../../session';
import { BackLink, promisePath, STATUS_COLOUR, useCurrentPromise } from './shared';
import { Pager } from '../../components/Pager';
import { fieldError, SelectField } from '../../components/forms';

type ActionView = components['schemas']['ActionView'];

const PAGE_SIZE = 25;

/** The list filters, named as the api names them; `responsible` is `user:<id>` or `organisation:<id>`. */
const FILTERS = ['status', 'party', 'problemAreaId', 'commitmentId', 'responsible', 'dueFrom', 'dueBefore', 'overdue', 'open'] as const;

/** The api's query from the page's query string: only filters that are set, paging in SQL (limit/offset). */
function actionQuery(params: URLSearchParams, promiseId: string) {
  const value = (name: string) => params.get(name) || undefined;
  const [who, whoId] = (params.get('responsible') ?? '').split(':');
  return {
    promiseId,
    status: value('status') as ActionView['status'] | undefined,
    party: value('party') as ActionView['party'] | undefined,
    problemAreaId: value('problemAreaId'),
    commitmentId: value('commitmentId'),
    responsibleUserId: who === 'user' ? whoId : undefined,
    responsibleOrganisationId: who === 'organisation' ? whoId : undefined,
    dueFrom: value('dueFrom'),
    dueBefore: value('dueBefore'),
    overdue: params.get('overdue') === 'true' ? true : undefined,
    open: params.get('open') === 'true' ? true : undefined,
    limit: PAGE_SIZE,
    offset: Math.max(0, Number(params.get('offset')) || 0),
  };
}

/** The actions of the promise, filtered as the query string says; overdue ones are marked. */
export function ActionsPage() {
  const { t } = useTranslation();
  const { params, applyFilters, goToOffset } = useListQuery({ keep: ['promise'] });
  const { promise, chosen, loading, problem } = useCurrentPromise();
  const search = params.toString();
  const list = useLoad(promise ? () => api.GET('/api/v1/actions', { params: { query: actionQuery(params, promise.id) } }) : null, [promise?.id, search]);
  const commitments = useLoad(
    promise ? () => api.GET('/api/v1/promises/{id}/commitments', { params: { path: { id: promise.id }, query: { limit: 200 } } }) : null,
    [promise?.id],
  );
  const filtered = FILTERS.some((f) => params.get(f));

  if (loading) return <Loading />;
  return (
    <>
      <BackLink to={promisePath('/promise', chosen)}>{promise?.title ?? t('promise.title')}</BackLink>
      <PageTitle>{t('promiseActions.title')}</PageTitle>
      <ProblemMessage problem={problem} />
      {promise && (
        // Keyed by the query string: the controls show the filter in the address after back/forward.
        <form key={search} className="promise-filters" onSubmit={applyFilters} aria-label={t('promiseActions.filters')}>
          <SelectField id="status" label={t('promiseActions.status')} defaultValue={params.get('status') ?? ''} error={fieldError(list.problem, 'status')}>
            <option value="">{t('promiseActions.any')}</option>
            {actionStatusValues.map((s) => (
              <option key={s} value={s}>
                {t(`promiseVocab.actionStatuses.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField id="party" label={t('promiseActions.party')} defaultValue={params.get('party') ?? ''} error={fieldError(list.problem, 'party')}>
            <option value="">{t('promiseActions.any')}</option>
            {promisePartyValues.map((p) => (
              <option key={p} value={p}>
                {t(`promiseVocab.parties.${p}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="problemAreaId"
            label={t('promiseActions.problemArea')}
            defaultValue={params.get('problemAreaId') ?? ''}
            error={fieldError(list.problem, 'problemAreaId')}
          >
            <option value="">{t('promiseActions.any')}</option>
            {promise.problemAreas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="commitmentId"
            label={t('promiseActions.commitment')}
            defaultValue={params.get('commitmentId') ?? ''}
            error={fieldError(list.problem, 'commitmentId')}
          >
            <option value="">{t('promiseActions.any')}</option>
            {commitments.data?.items.map((c) => (
              <option key={c.id} value={c.id}>
                {c.text}
              </option>
            ))}
          </SelectField>
          <ResponsibleSelect defaultValue={params.get('responsible') ?? ''} />
          <Textfield
            id="dueFrom"
            name="dueFrom"
            type="date"
            label={t('promiseActions.dueFrom')}
            defaultValue={params.get('dueFrom') ?? ''}
            error={fieldError(list.problem, 'dueFrom')}
          />
          <Textfield
            id="dueBefore"
            name="dueBefore"
            type="date"
            label={t('promiseActions.dueBefore')}
            defaultValue={params.get('dueBefore') ?? ''}
            error={fieldError(list.problem, 'dueBefore')}
          />
          <Fieldset>
            <Fieldset.Legend>{t('promiseActions.only')}</Fieldset.Legend>
            <Checkbox id="overdue" name="overdue" value="true" label={t('promiseActions.onlyOverdue')} defaultChecked={params.get('overdue') === 'true'} />
            <Checkbox id="open" name="open" value="true" label={t('promiseActions.onlyOpen')} defaultChecked={params.get('open') === 'true'} />
          </Fieldset>
          <div className="row">
            <Button type="submit">{t('promiseActions.apply')}</Button>
            {filtered && (
              <DsLink asChild>
                <Link to={promisePath('/promise/actions', chosen)}>{t('promiseActions.clear')}</Link>
              </DsLink>
            )}
          </div>
        </form>
      )}
      {list.loading && <Loading />}
      <ProblemMessage problem={list.problem} />
      {!list.loading && list.data?.items.length === 0 && <EmptyState>{filtered ? t('promiseActions.emptyFiltered') : t('promiseActions.empty')}</EmptyState>}
      {!!list.data?.items.length && (
        <>
          <ActionTable actions={list.data.items} />
          <Pager page={list.data} onOffset={goToOffset} />
        </>
      )}
    </>
  );
}

/** Whose actions: the caller's own, or those of one of the caller's organisations. */
function ResponsibleSelect({ defaultValue }: { defaultValue: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const organisations = [...new Map(me!.memberships.map((m) => [m.organisation.id, m.organisation])).values()];
  return (
    <SelectField id="responsible" label={t('promiseActions.responsible')} defaultValue={defaultValue}>
      <option value="">{t('promiseActions.anyone')}</option>
      <option value={`user:${me!.user.id}`}>{t('promiseActions.mine')}</option>
      {organisations.map((o) => (
        <option key={o.id} value={`organisation:${o.id}`}>
          {o.name}
        </option>
      ))}
    </SelectField>
  );
}

function ActionTable({ actions }: { actions: ActionView[] }) {
  const { t, i18n } = useTranslation();
  return (
    <TableWrap>
      <Table zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('promiseActions.action')}</Table.HeaderCell>
            <Table.HeaderCell>{t('promiseActions.party')}</Table.HeaderCell>
            <Table.HeaderCell>{t('promiseActions.responsible')}</Table.HeaderCell>
            <Table.HeaderCell>{t('promiseActions.due')}</Table.HeaderCell>
            <Table.HeaderCell>{t('promiseActions.status')}</Table.HeaderCell>
            <Table.HeaderCell>{t('promiseActions.progress')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {actions.map((a) => (
            <Table.Row key={a.id} className={a.overdue ? 'promise-overdue' : undefined}>
              <Table.Cell>
                <DsLink asChild>
                  <Link to={`/promise/actions/${a.id}`}>{a.title}</Link>
                </DsLink>
              </Table.Cell>
              <Table.Cell>{t(`promiseVocab.parties.${a.party}`)}</Table.Cell>
              <Table.Cell>{[a.responsibleUser?.displayName, a.responsibleUnit?.name ?? a.responsibleOrganisation.name].filter(Boolean).join(', ')}</Table.Cell>
              <Table.Cell>{date(a.dueDate, i18n.language)}</Table.Cell>
              <Table.Cell>
                <div className="row">
                  <Tag data-color={STATUS_COLOUR[a.status]}>{t(`promiseVocab.actionStatuses.${a.status}`)}</Tag>
                  {a.overdue && <Tag data-color="danger">{t('promiseActions.overdue')}</Tag>}
                </div>
              </Table.Cell>
              <Table.Cell>{a.progress} %</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableWrap>
  );
}

import { Button, Checkbox, Link as DsLink, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { type components, findingCategoryValues, findingStatusValues } from '../../api/schema';
import { date, EmptyState, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { fieldError, SelectField } from '../../components/forms';
import { Pager } from '../../components/Pager';
import { useListQuery } from '../../components/useListQuery';
import { useSession } from '../../session';
import { promisePath, useCurrentPromise } from '../promise/shared';
import { FINDING_STATUS_COLOUR, useFindingPlace } from './shared';

type FindingView = components['schemas']['FindingView'];
type FindingStatus = components['schemas']['FindingStatus'];
type FindingCategory = components['schemas']['FindingCategory'];

const PAGE_SIZE = 25;
const FILTERS = ['status', 'category', 'placeId', 'problemAreaId', 'responsibleUnitId', 'overdue'] as const;

/**
 * The findings register of the chosen promise (issue #20): what rounds and walks found, by due
 * date, filtered as the address says — status, category, place, problem area, the responsible unit
 * (one's own offered first) and overdue only.
 */
export function FindingsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { params, applyFilters, goToOffset } = useListQuery({ keep: ['promise'] });
  const { promise, chosen, loading, problem } = useCurrentPromise();
  const search = params.toString();
  const value = (name: string) => params.get(name) || undefined;
  const list = useLoad(
    promise
      ? () =>
          api.GET('/api/v1/findings', {
            params: {
              query: {
                promiseId: promise.id,
                status: value('status') as FindingStatus | undefined,
                category: value('category') as FindingCategory | undefined,
                placeId: value('placeId'),
                problemAreaId: value('problemAreaId'),
                responsibleUnitId: value('responsibleUnitId'),
                overdue: params.get('overdue') === 'true' ? true : undefined,
                limit: PAGE_SIZE,
                offset: Math.max(0, Number(params.get('offset')) || 0),
              },
            },
          })
      : null,
    [promise?.id, search],
  );
  const places = useLoad(promise ? () => api.GET('/api/v1/places', { params: { query: { collaborationId: promise.collaborationId, limit: 200 } } }) : null, [
    promise?.collaborationId,
  ]);
  const units = useLoad(promise ? () => api.GET('/api/v1/findings/responsible-units', { params: { query: { promiseId: promise.id } } }) : null, [promise?.id]);
  const myUnits = new Set(me?.memberships.map((m) => m.unit.id));
  // One's own units first: "my unit's findings" is one choice away.
  const unitOptions = [...(units.data ?? []).filter((u) => myUnits.has(u.id)), ...(units.data ?? []).filter((u) => !myUnits.has(u.id))];
  const filtered = FILTERS.some((f) => params.get(f));

  if (loading) return <Loading />;
  return (
    <>
      <PageTitle>{t('findings.title')}</PageTitle>
      <Paragraph>{t('findings.intro')}</Paragraph>
      <ProblemMessage problem={problem} />
      {!promise && !problem && <EmptyState>{t('findings.noPromise')}</EmptyState>}
      {promise && (
        <form key={search} className="promise-filters" onSubmit={applyFilters} aria-label={t('findings.filters')}>
          <SelectField id="status" label={t('findings.status')} defaultValue={params.get('status') ?? ''} error={fieldError(list.problem, 'status')}>
            <option value="">{t('findings.any')}</option>
            {findingStatusValues.map((s) => (
              <option key={s} value={s}>
                {t(`promiseVocab.findingStatuses.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField id="category" label={t('findings.category')} defaultValue={params.get('category') ?? ''} error={fieldError(list.problem, 'category')}>
            <option value="">{t('findings.any')}</option>
            {findingCategoryValues.map((c) => (
              <option key={c} value={c}>
                {t(`promiseVocab.findingCategories.${c}`)}
              </option>
            ))}
          </SelectField>
          <SelectField id="placeId" label={t('findings.place')} defaultValue={params.get('placeId') ?? ''} error={fieldError(list.problem, 'placeId')}>
            <option value="">{t('findings.any')}</option>
            {places.data?.items.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="problemAreaId"
            label={t('findings.problemArea')}
            defaultValue={params.get('problemAreaId') ?? ''}
            error={fieldError(list.problem, 'problemAreaId')}
          >
            <option value="">{t('findings.any')}</option>
            {promise.problemAreas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="responsibleUnitId"
            label={t('findings.unit')}
            defaultValue={params.get('responsibleUnitId') ?? ''}
            error={fieldError(list.problem, 'responsibleUnitId')}
          >
            <option value="">{t('findings.any')}</option>
            {unitOptions.map((u) => (
              <option key={u.id} value={u.id}>
                {myUnits.has(u.id) ? t('findings.myUnit', { name: u.name }) : `${u.name} (${u.organisation.name})`}
              </option>
            ))}
          </SelectField>
          <Checkbox id="overdue" name="overdue" value="true" label={t('findings.overdueOnly')} defaultChecked={params.get('overdue') === 'true'} />
          <div className="row">
            <Button type="submit">{t('findings.apply')}</Button>
            {filtered && (
              <DsLink asChild>
                <Link to={promisePath('/findings', chosen)}>{t('findings.clear')}</Link>
              </DsLink>
            )}
          </div>
        </form>
      )}
      {list.loading && <Loading />}
      <ProblemMessage problem={list.problem} />
      {!list.loading && list.data?.items.length === 0 && <EmptyState>{filtered ? t('findings.emptyFiltered') : t('findings.empty')}</EmptyState>}
      {!!list.data?.items.length && (
        <>
          <FindingTable findings={list.data.items} />
          <Pager page={list.data} onOffset={goToOffset} />
        </>
      )}
    </>
  );
}

/** Findings as a table: what and where, who deals with it by when, and its status; overdue rows marked in words and with a bar. */
export function FindingTable({ findings }: { findings: FindingView[] }) {
  const { t, i18n } = useTranslation();
  const placeOf = useFindingPlace();
  return (
    <TableWrap>
      <Table data-size="sm" zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('findings.description')}</Table.HeaderCell>
            <Table.HeaderCell>{t('findings.category')}</Table.HeaderCell>
            <Table.HeaderCell>{t('findings.place')}</Table.HeaderCell>
            <Table.HeaderCell>{t('findings.responsible')}</Table.HeaderCell>
            <Table.HeaderCell>{t('findings.due')}</Table.HeaderCell>
            <Table.HeaderCell>{t('findings.status')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {findings.map((f) => (
            <Table.Row key={f.id} className={f.overdue ? 'promise-overdue' : undefined}>
              <Table.Cell>
                <DsLink asChild>
                  <Link to={`/findings/${f.id}`}>{f.description}</Link>
                </DsLink>
              </Table.Cell>
              <Table.Cell>{t(`promiseVocab.findingCategories.${f.category}`)}</Table.Cell>
              <Table.Cell>{placeOf(f)}</Table.Cell>
              <Table.Cell>{`${f.responsibleUnit.name}, ${f.responsibleOrganisation.name}`}</Table.Cell>
              <Table.Cell>
                {date(f.dueDate, i18n.language)}
                {f.overdue && (
                  <>
                    {' '}
                    <Tag data-color="danger" data-size="sm">
                      {t('findings.overdue')}
                    </Tag>
                  </>
                )}
              </Table.Cell>
              <Table.Cell>
                <Tag data-color={FINDING_STATUS_COLOUR[f.status]} data-size="sm">
                  {t(`promiseVocab.findingStatuses.${f.status}`)}
                </Tag>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableWrap>
  );
}

import { Button, Link as DsLink, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { activityKindValues, type components } from '../../api/schema';
import { EmptyState, Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';
import { useListQuery } from '../../components/useListQuery';
import { ActivityTable } from './Action';
import { BackLink, promisePath, useCurrentPromise } from './shared';
import { Pager } from '../../components/Pager';
import { fieldError, SelectField } from '../../components/forms';

type ActivityKind = components['schemas']['ActivityKind'];

const PAGE_SIZE = 25;
const FILTERS = ['commitmentId', 'kind', 'from', 'to'] as const;

/** What was carried out under the promise, newest first, filtered as the query string says. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const { params, applyFilters, goToOffset } = useListQuery({ keep: ['promise'] });
  const { promise, chosen, loading, problem } = useCurrentPromise();
  const search = params.toString();
  const value = (name: string) => params.get(name) || undefined;
  const list = useLoad(
    promise
      ? () =>
          api.GET('/api/v1/activities', {
            params: {
              query: {
                promiseId: promise.id,
                commitmentId: value('commitmentId'),
                kind: value('kind') as ActivityKind | undefined,
                from: value('from'),
                to: value('to'),
                limit: PAGE_SIZE,
                offset: Math.max(0, Number(params.get('offset')) || 0),
              },
            },
          })
      : null,
    [promise?.id, search],
  );
  const commitments = useLoad(
    promise ? () => api.GET('/api/v1/promises/{id}/commitments', { params: { path: { id: promise.id }, query: { limit: 200 } } }) : null,
    [promise?.id],
  );
  const texts = new Map(commitments.data?.items.map((c) => [c.id, c.text]));
  const filtered = FILTERS.some((f) => params.get(f));

  if (loading) return <Loading />;
  return (
    <>
      <BackLink to={promisePath('/promise', chosen)}>{promise?.title ?? t('promise.title')}</BackLink>
      <PageTitle>{t('promiseActivities.title')}</PageTitle>
      <ProblemMessage problem={problem} />
      {promise && (
        <form key={search} className="promise-filters" onSubmit={applyFilters} aria-label={t('promiseActions.filters')}>
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
          <SelectField id="kind" label={t('promiseActivities.kind')} defaultValue={params.get('kind') ?? ''} error={fieldError(list.problem, 'kind')}>
            <option value="">{t('promiseActions.any')}</option>
            {activityKindValues.map((k) => (
              <option key={k} value={k}>
                {t(`promiseVocab.kinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <Textfield
            id="from"
            name="from"
            type="date"
            label={t('promiseActivities.from')}
            defaultValue={params.get('from') ?? ''}
            error={fieldError(list.problem, 'from')}
          />
          <Textfield
            id="to"
            name="to"
            type="date"
            label={t('promiseActivities.to')}
            defaultValue={params.get('to') ?? ''}
            error={fieldError(list.problem, 'to')}
          />
          <div className="row">
            <Button type="submit">{t('promiseActions.apply')}</Button>
            {filtered && (
              <DsLink asChild>
                <Link to={promisePath('/promise/activities', chosen)}>{t('promiseActions.clear')}</Link>
              </DsLink>
            )}
          </div>
        </form>
      )}
      {list.loading && <Loading />}
      <ProblemMessage problem={list.problem} />
      {!list.loading && list.data?.items.length === 0 && (
        <EmptyState>{filtered ? t('promiseActivities.emptyFiltered') : t('promiseActivities.empty')}</EmptyState>
      )}
      {!!list.data?.items.length && (
        <>
          <ActivityTable activities={list.data.items} commitments={texts} />
          <Pager page={list.data} onOffset={goToOffset} />
        </>
      )}
    </>
  );
}

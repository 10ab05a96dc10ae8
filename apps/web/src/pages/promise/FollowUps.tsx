import { Button, Heading, Link as DsLink, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { approvalSideValues, type components } from '../../api/schema';
import { date, EmptyState, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { useSession } from '../../session';
import { AnnualReport } from './Report';
import { BackLink, percent, promisePath, useCurrentPromise } from './shared';
import { fieldError, SelectField } from '../../components/forms';

type FollowUpView = components['schemas']['FollowUpView'];
type PromiseView = components['schemas']['PromiseView'];

/** "2021" or "2022, första halvåret". */
export function usePeriodLabel() {
  const { t } = useTranslation();
  return (f: Pick<FollowUpView, 'year' | 'half'>) =>
    f.half ? t('promiseFollowUps.halfYear', { year: f.year, half: t(`promiseFollowUps.halves.${f.half}`) }) : String(f.year);
}

/** The yearly (and half-yearly) follow-ups of the promise, starting a new one, and the year's report. */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { promise, chosen, loading, problem } = useCurrentPromise();
  const list = useLoad(promise ? () => api.GET('/api/v1/promises/{id}/follow-ups', { params: { path: { id: promise.id } } }) : null, [promise?.id]);
  if (loading) return <Loading />;
  return (
    <>
      <BackLink to={promisePath('/promise', chosen)}>{promise?.title ?? t('promise.title')}</BackLink>
      <PageTitle>{t('promiseFollowUps.title')}</PageTitle>
      <ProblemMessage problem={problem ?? list.problem} />
      {!promise && !problem && <EmptyState>{t('promise.empty')}</EmptyState>}
      {promise && (
        <>
          <Paragraph>{t('promiseFollowUps.intro')}</Paragraph>
          {list.loading && <Loading />}
          {list.data?.length === 0 && <EmptyState>{can('promise:report') ? t('promiseFollowUps.emptyStart') : t('promiseFollowUps.empty')}</EmptyState>}
          {!!list.data?.length && <FollowUpTable followUps={list.data} />}
          {can('promise:report') && <StartFollowUp promise={promise} />}
          <AnnualReport promise={promise} />
        </>
      )}
    </>
  );
}

function FollowUpTable({ followUps }: { followUps: FollowUpView[] }) {
  const { t } = useTranslation();
  const period = usePeriodLabel();
  return (
    <TableWrap>
      <Table zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('promiseFollowUps.period')}</Table.HeaderCell>
            <Table.HeaderCell>{t('promiseFollowUps.status')}</Table.HeaderCell>
            {approvalSideValues.map((side) => (
              <Table.HeaderCell key={side}>{t(`promiseVocab.parties.${side}`)}</Table.HeaderCell>
            ))}
            <Table.HeaderCell>{t('promiseFollowUps.fulfilment')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {followUps.map((f) => (
            <Table.Row key={f.id}>
              <Table.Cell>
                <DsLink asChild>
                  <Link to={`/promise/follow-ups/${f.id}`}>{t('promiseFollowUps.followUpOf', { period: period(f) })}</Link>
                </DsLink>
              </Table.Cell>
              <Table.Cell>
                <FollowUpStatus status={f.status} />
              </Table.Cell>
              {approvalSideValues.map((side) => (
                <Table.Cell key={side}>
                  <ApprovalText approval={f.approvals.find((a) => a.side === side)} />
                </Table.Cell>
              ))}
              <Table.Cell>{percent(f.progress)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableWrap>
  );
}

export function FollowUpStatus({ status }: { status: FollowUpView['status'] }) {
  const { t } = useTranslation();
  return <Tag data-color={status === 'frozen' ? 'success' : 'warning'}>{t(`promiseFollowUps.statuses.${status}`)}</Tag>;
}

/** Who approved for a side and when, or that the side has not yet. */
export function ApprovalText({ approval }: { approval: FollowUpView['approvals'][number] | undefined }) {
  const { t, i18n } = useTranslation();
  return approval ? (
    <>{t('promiseFollowUps.approvedBy', { name: approval.user.displayName, when: date(approval.approvedAt, i18n.language) })}</>
  ) : (
    <>{t('promiseFollowUps.notApproved')}</>
  );
}

/** Starts the follow-up of a year or half-year: the api drafts it from the figures. */
function StartFollowUp({ promise }: { promise: PromiseView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<Problem>();
  const thisYear = new Date().getFullYear();
  const lastYear = Math.min(thisYear, Number(promise.periodEnd.slice(0, 4)));

  async function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const half = String(form.get('half') ?? '');
    const { data, error, response } = await api.POST('/api/v1/promises/{id}/follow-ups', {
      params: { path: { id: promise.id } },
      body: { year: Number(form.get('year')), ...(half ? { half: Number(half) as 1 | 2 } : {}) },
    });
    if (error || !data) return setProblem(asProblem(error, response.status));
    void navigate(`/promise/follow-ups/${data.id}`);
  }

  return (
    <section aria-labelledby="promise-start">
      <Heading level={2} data-size="sm" id="promise-start">
        {t('promiseFollowUps.start')}
      </Heading>
      <form className="protocol promise-narrow" onSubmit={(e) => void start(e)} noValidate>
        <ProblemMessage problem={problem} />
        <Textfield
          id="year"
          name="year"
          type="number"
          inputMode="numeric"
          label={t('promiseFollowUps.year')}
          defaultValue={String(lastYear)}
          error={fieldError(problem, 'year')}
        />
        <SelectField id="half" label={t('promiseFollowUps.periodKind')} defaultValue="" error={fieldError(problem, 'half')}>
          <option value="">{t('promiseFollowUps.wholeYear')}</option>
          <option value="1">{t('promiseFollowUps.halves.1')}</option>
          <option value="2">{t('promiseFollowUps.halves.2')}</option>
        </SelectField>
        <div>
          <Button type="submit">{t('promiseFollowUps.startSubmit')}</Button>
        </div>
      </form>
    </section>
  );
}

import { Alert, Button, Fieldset, Heading, List, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { approvalSideValues, type components, followUpAssessmentValues, followUpDecisionValues } from '../../api/schema';
import { date, dateTime, Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';
import { useSession } from '../../session';
import { ApprovalText, FollowUpStatus, usePeriodLabel } from './FollowUps';
import { CommitmentOutcomes } from './CommitmentOutcomes';
import { BackLink, figure, percent } from './shared';
import { fieldError, SelectField } from '../../components/forms';
import { RecordDocuments } from '../documents/Documents';

type FollowUpView = components['schemas']['FollowUpView'];
type Assessment = components['schemas']['FollowUpAssessment'];
type Decision = components['schemas']['FollowUpDecision'];
type Side = components['schemas']['ApprovalSide'];

/**
 * One follow-up: the figures per commitment with their assessment, the conclusion, and the two
 * approvals (police and municipality); the second approval freezes it.
 */
export function FollowUpPage() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const period = usePeriodLabel();
  const view = useLoad(() => api.GET('/api/v1/follow-ups/{id}', { params: { path: { id: id! } } }), [id]);
  const [notice, setNotice] = useState<'saved' | 'stale'>();
  const f = view.data;
  if (view.loading && !f) return <Loading />;
  if (!f) return <ProblemMessage problem={view.problem} />;
  const editable = f.status === 'draft' && can('promise:report');
  return (
    <>
      <BackLink to="/promise/follow-ups">{t('promiseFollowUps.title')}</BackLink>
      <PageTitle>{t('promiseFollowUps.followUpOf', { period: period(f) })}</PageTitle>
      <div className="row">
        <FollowUpStatus status={f.status} />
        <Paragraph data-size="sm">
          {f.promiseTitle} — {t('promiseReport.window', { from: date(f.window.from, i18n.language), to: date(f.window.to, i18n.language) })}
          {f.frozenAt && <> — {t('promiseFollowUps.frozenAt', { when: dateTime(f.frozenAt, i18n.language) })}</>}
        </Paragraph>
      </div>
      <Approvals followUp={f} onApproved={view.reload} />
      <section aria-labelledby="promise-items">
        <Heading level={2} data-size="sm" id="promise-items">
          {t('promiseFollowUps.items')}
        </Heading>
        <Paragraph>
          {t('promiseFollowUps.fulfilment')}: <strong>{percent(f.progress)}</strong>
        </Paragraph>
        <CommitmentOutcomes rows={f.items} />
      </section>
      <section aria-labelledby="promise-conclusion">
        <Heading level={2} data-size="sm" id="promise-conclusion">
          {t('promiseFollowUps.conclusion')}
        </Heading>
        <Paragraph>{f.conclusion || t('promiseFollowUps.noConclusion')}</Paragraph>
        <Paragraph>
          <strong>{t('promiseFollowUps.decision')}:</strong> {f.decision ? t(`promiseVocab.decisions.${f.decision}`) : '–'}
        </Paragraph>
      </section>
      {editable && (
        <section aria-labelledby="promise-edit">
          <Heading level={2} data-size="sm" id="promise-edit">
            {t('promiseFollowUps.edit')}
          </Heading>
          {notice === 'saved' && (
            <Alert data-color="success" role="status">
              {t('promiseFollowUps.saved')}
            </Alert>
          )}
          {notice === 'stale' && (
            <Alert data-color="warning" role="alert">
              {t('promiseFollowUps.stale')}
            </Alert>
          )}
          {f.approvals.length > 0 && <Alert data-color="info">{t('promiseFollowUps.editWithdraws')}</Alert>}
          <EditFollowUp
            key={f.version}
            followUp={f}
            onDone={(outcome) => {
              setNotice(outcome);
              if (outcome) view.reload();
            }}
          />
        </section>
      )}
      <RecordDocuments recordType="follow_up" recordId={f.id} kinds={['follow_up_report']} canIssue={can('promise:report')} />
    </>
  );
}

/** Both parties' approvals, and the approve button for a party that has not yet approved. */
function Approvals({ followUp, onApproved }: { followUp: FollowUpView; onApproved: () => void }) {
  const { t } = useTranslation();
  const { can, me } = useSession();
  const [problem, setProblem] = useState<Problem>();
  const [approvedAs, setApprovedAs] = useState<Side>();
  // The parties the caller belongs to; the api decides for which one (and whether) they approve.
  const mySides = approvalSideValues.filter((side) => me!.memberships.some((m) => m.organisation.kind === side));
  const pending = mySides.filter((side) => !followUp.approvals.some((a) => a.side === side));

  async function approve() {
    const { data, error, response } = await api.POST('/api/v1/follow-ups/{id}/approve', { params: { path: { id: followUp.id } } });
    if (error || !data) return setProblem(asProblem(error, response.status));
    setProblem(undefined);
    setApprovedAs(data.approvals.find((a) => a.user.id === me!.user.id)?.side);
    onApproved();
  }

  return (
    <section aria-labelledby="promise-approvals">
      <Heading level={2} data-size="sm" id="promise-approvals">
        {t('promiseFollowUps.approvals')}
      </Heading>
      <Paragraph data-size="sm">{t('promiseFollowUps.approvalRule')}</Paragraph>
      <List.Unordered>
        {approvalSideValues.map((side) => {
          const approval = followUp.approvals.find((a) => a.side === side);
          return (
            <List.Item key={side} data-testid={`approval-${side}`}>
              <strong>{t(`promiseVocab.parties.${side}`)}:</strong>{' '}
              <Tag data-color={approval ? 'success' : 'neutral'}>{approval ? t('promiseFollowUps.approved') : t('promiseFollowUps.waiting')}</Tag>{' '}
              <ApprovalText approval={approval} />
            </List.Item>
          );
        })}
      </List.Unordered>
      {approvedAs && (
        <Alert data-color="success" role="status">
          {t('promiseFollowUps.approvedNotice', { side: t(`promiseVocab.sides.${approvedAs}`) })}
        </Alert>
      )}
      <ProblemMessage problem={problem} />
      {followUp.status === 'draft' && can('promise:report') && pending.length > 0 && (
        <div>
          <Button onClick={() => void approve()}>
            {t('promiseFollowUps.approve', { side: pending.map((s) => t(`promiseVocab.sides.${s}`)).join(' / ') })}
          </Button>
        </div>
      )}
    </section>
  );
}

/**
 * The draft's text: conclusion, decision, and per commitment an assessment and a comment. Sent
 * with the version read (If-Match); saving withdraws approvals already given (the api does that).
 */
function EditFollowUp({ followUp, onDone }: { followUp: FollowUpView; onDone: (outcome: 'saved' | 'stale' | undefined) => void }) {
  const { t, i18n } = useTranslation();
  const [problem, setProblem] = useState<Problem>();

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const decision = String(form.get('decision') ?? '');
    const { error, response } = await api.PATCH('/api/v1/follow-ups/{id}', {
      params: { path: { id: followUp.id }, header: { 'If-Match': `"${followUp.version}"` } },
      body: {
        conclusion: String(form.get('conclusion') ?? ''),
        ...(decision ? { decision: decision as Decision } : {}),
        items: followUp.items.map((item, i) => ({
          commitmentId: item.id,
          assessment: String(form.get(`items[${i}].assessment`)) as Assessment,
          narrative: String(form.get(`items[${i}].narrative`) ?? ''),
        })),
      },
    });
    if (response.status === 412) return onDone('stale');
    if (error) {
      setProblem(asProblem(error, response.status));
      return onDone(undefined);
    }
    setProblem(undefined);
    onDone('saved');
  }

  return (
    <form className="protocol promise-form" onSubmit={(e) => void save(e)} aria-label={t('promiseFollowUps.edit')} noValidate>
      <ProblemMessage problem={problem} />
      <Textfield
        id="conclusion"
        name="conclusion"
        multiline
        rows={4}
        label={t('promiseFollowUps.conclusion')}
        defaultValue={followUp.conclusion}
        error={fieldError(problem, 'conclusion')}
      />
      <SelectField id="decision" label={t('promiseFollowUps.decision')} defaultValue={followUp.decision ?? ''} error={fieldError(problem, 'decision')}>
        <option value="">{t('promiseFollowUps.noDecision')}</option>
        {followUpDecisionValues.map((d) => (
          <option key={d} value={d}>
            {t(`promiseVocab.decisions.${d}`)}
          </option>
        ))}
      </SelectField>
      {followUp.items.map((item, i) => (
        <Fieldset key={item.id}>
          <Fieldset.Legend>{item.text}</Fieldset.Legend>
          <Fieldset.Description>
            {item.target
              ? t('promiseFollowUps.figures', {
                  actual: figure(item.actual, i18n.language),
                  target: figure(item.target.forWindow, i18n.language),
                  unit: item.target.unit,
                })
              : ''}{' '}
            {t('promiseFollowUps.suggested', { assessment: t(`promiseVocab.assessments.${item.suggestedAssessment}`) })}
          </Fieldset.Description>
          <SelectField
            id={`items[${i}].assessment`}
            label={t('promiseFollowUps.assessment')}
            defaultValue={item.assessment}
            error={fieldError(problem, `items[${i}].assessment`)}
          >
            {followUpAssessmentValues.map((a) => (
              <option key={a} value={a}>
                {t(`promiseVocab.assessments.${a}`)}
              </option>
            ))}
          </SelectField>
          <Textfield
            id={`items[${i}].narrative`}
            name={`items[${i}].narrative`}
            multiline
            rows={2}
            label={t('promiseFollowUps.narrative')}
            defaultValue={item.narrative}
            error={fieldError(problem, `items[${i}].narrative`)}
          />
        </Fieldset>
      ))}
      <div>
        <Button type="submit">{t('promiseFollowUps.save')}</Button>
      </div>
    </form>
  );
}

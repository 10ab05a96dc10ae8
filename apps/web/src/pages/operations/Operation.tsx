import { Alert, Button, Card, Heading, Link as DsLink, List, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { date, dateTime, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useSession } from '../../session';
import { OutcomeEditor } from './OutcomeEditor';
import type { components } from '../../api/schema';
import { ParticipantsSection } from './ParticipantsSection';
import { Referrals } from './Referrals';
import { CountsTable, ReleaseSummary } from './ReleaseSummary';
import { useSeizureText } from './shared';
import { RecordAttachments } from '../attachments/Attachments';

type OperationView = components['schemas']['OperationView'];
type OperationStatus = components['schemas']['OperationStatus'];

type Notice = 'proposed' | 'decided' | 'moved' | 'cancelled' | 'participants' | 'outcome' | 'released' | 'referral';

/** The next steps each status offers, and the permission behind each (the api decides in the end). */
const NEXT: Partial<Record<OperationStatus, { to: OperationStatus; permission: string }[]>> = {
  proposed: [{ to: 'decided', permission: 'operation:decide' }],
  decided: [{ to: 'executing', permission: 'operation:report' }],
  executing: [{ to: 'completed', permission: 'operation:report' }],
  completed: [{ to: 'outcome_reported', permission: 'operation:report' }],
};
/** Where the commander may still call the operation off (the api's path). */
const CANCELLABLE: OperationStatus[] = ['proposed', 'decided', 'executing'];
/** Where the participants record the outcome (the api's rule). */
const OUTCOME_OPEN: OperationStatus[] = ['executing', 'completed'];

/** One operation for its participants and commanders; the intelligence only for commanders. */
export function Operation() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const location = useLocation();
  const view = useLoad(() => api.GET('/api/v1/operations/{id}', { params: { path: { id: id! } } }), [id]);
  const substances = useLoad(view.data ? () => api.GET('/api/v1/operations/substances') : null, [!!view.data]);
  const [problem, setProblem] = useState<Problem>();
  const [notice, setNotice] = useState<Notice | undefined>((location.state as { notice?: Notice } | null)?.notice);
  const cancelDialog = useRef<HTMLDialogElement>(null);
  const seizureText = useSeizureText();

  function done(what: Notice) {
    setProblem(undefined);
    setNotice(what);
    view.reload();
  }

  /** One step along the path; a refusal is answered (for the cancel dialog) and shown on the page for the other steps. */
  async function move(to: OperationStatus, extra: { conditions?: string; reason?: string } = {}): Promise<Problem | undefined> {
    const { error, response } = await api.POST('/api/v1/operations/{id}/transition', {
      params: { path: { id: id! }, header: { 'If-Match': `"${view.data!.version}"` } },
      body: { to, ...extra },
    });
    if (error) {
      const refused = asProblem(error, response.status);
      if (to !== 'cancelled') {
        setProblem(refused);
        setNotice(undefined);
      }
      view.reload();
      return refused;
    }
    done(to === 'decided' ? 'decided' : to === 'cancelled' ? 'cancelled' : 'moved');
  }

  async function decide(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await move('decided', { conditions: String(new FormData(event.currentTarget).get('conditions') ?? '') });
  }

  if (view.loading && !view.data) return <Loading />;
  if (!view.data) return <ProblemMessage problem={view.problem} />;
  const o = view.data;
  const canDecide = can('operation:decide');
  const canReport = can('operation:report');
  return (
    <>
      <DsLink asChild>
        <Link to="/operations">{t('operations.title')}</Link>
      </DsLink>
      <PageTitle>{o.title}</PageTitle>
      <div className="row">
        <Tag data-color="accent">{t(`statuses.${o.status}`)}</Tag>
        <Paragraph data-size="sm">
          {o.area} — {dateTime(o.plannedStart, i18n.language)} – {dateTime(o.plannedEnd, i18n.language)}
        </Paragraph>
      </div>
      {notice && (
        <Alert data-color="success" role="status">
          {t(`operationsNotices.${notice}`)}
        </Alert>
      )}
      <ProblemMessage problem={problem} />
      <OperationFacts o={o} />
      {o.intelligence && (
        <Card data-color="warning">
          <Heading level={2} data-size="xs">
            {t('operations.intelligence')}
          </Heading>
          <Paragraph>{o.intelligence.text}</Paragraph>
          <Paragraph data-size="sm">{o.intelligence.reference}</Paragraph>
        </Card>
      )}
      {o.decisionConditions && (
        <Alert data-color="info">
          {t('operations.conditions')}: {o.decisionConditions} ({o.decidedBy})
        </Alert>
      )}
      {o.status === 'cancelled' && o.statusReason && <Alert data-color="warning">{t('operationsDetail.cancelledBecause', { reason: o.statusReason })}</Alert>}

      {o.status === 'proposed' && canDecide && (
        <form className="protocol" onSubmit={(e) => void decide(e)}>
          <Textfield id="conditions" name="conditions" label={t('operations.conditions')} multiline rows={2} />
          <Button type="submit">{t('operations.decide')}</Button>
        </form>
      )}
      <div className="row">
        {(NEXT[o.status] ?? [])
          .filter((n) => n.to !== 'decided' && can(n.permission))
          .map((n) => (
            <Button key={n.to} variant="secondary" onClick={() => void move(n.to)}>
              {t(`operations.to.${n.to}`)}
            </Button>
          ))}
        {CANCELLABLE.includes(o.status) && canDecide && (
          <Button variant="tertiary" data-color="danger" onClick={() => cancelDialog.current?.showModal()}>
            {t('operationsDetail.cancel')}
          </Button>
        )}
      </div>
      {o.status === 'completed' && !o.outcome && canReport && <Paragraph data-size="sm">{t('operationsDetail.recordFirst')}</Paragraph>}
      <ReasonDialog
        dialog={cancelDialog}
        id="reason"
        title={t('operationsDetail.cancel')}
        label={t('operationsDetail.cancelReason')}
        submitLabel={t('operationsDetail.cancelSubmit')}
        danger
        onSubmit={(reason) => move('cancelled', { reason })}
      />

      <ParticipantsSection operationId={o.id} version={o.version} participants={o.participants} canEdit={canDecide} onSaved={() => done('participants')} />

      <section className="protocol" aria-labelledby="outcome-heading">
        <Heading level={2} data-size="sm" id="outcome-heading">
          {t('operations.outcome')}
        </Heading>
        {o.outcome ? (
          <>
            <Paragraph>
              {t('operations.counts', {
                arrests: o.outcome.arrests,
                reports: o.outcome.reportsFiled,
                persons: o.outcome.personsChecked,
                places: o.outcome.placesChecked,
              })}
            </Paragraph>
            {o.outcome.seizures.length > 0 && (
              <List.Unordered>
                {o.outcome.seizures.map((s, i) => (
                  <List.Item key={i}>{seizureText(s)}</List.Item>
                ))}
              </List.Unordered>
            )}
            {o.outcome.notes && (
              <Paragraph data-size="sm">
                {t('operationsOutcome.notes')}: {o.outcome.notes}
              </Paragraph>
            )}
          </>
        ) : (
          <Paragraph data-size="sm">{t('operationsDetail.noOutcome')}</Paragraph>
        )}
        {OUTCOME_OPEN.includes(o.status) && canReport && substances.data && (
          <OutcomeEditor
            key={o.version}
            operationId={o.id}
            version={o.version}
            outcome={o.outcome}
            substances={substances.data}
            onSaved={() => done('outcome')}
          />
        )}
      </section>

      {(o.summary || (o.status === 'outcome_reported' && canDecide)) && (
        <section className="protocol" aria-labelledby="summary-heading">
          <Heading level={2} data-size="sm" id="summary-heading">
            {t('operationsDetail.summary')}
          </Heading>
          {o.summary ? (
            <>
              <Paragraph>
                {t('operationsDetail.released', {
                  area: o.summary.area,
                  start: date(o.summary.periodStart, i18n.language),
                  end: date(o.summary.periodEnd, i18n.language),
                  at: dateTime(o.summary.releasedAt, i18n.language),
                })}
              </Paragraph>
              <TableWrap>
                <CountsTable counts={o.summary.counts} caption={t('operationsDetail.releasedCounts')} />
              </TableWrap>
            </>
          ) : (
            o.outcome && (
              <ReleaseSummary
                operationId={o.id}
                collaborationId={o.collaborationId}
                outcome={o.outcome}
                commitment={o.commitment}
                onReleased={() => done('released')}
              />
            )
          )}
        </section>
      )}

      <Referrals operationId={o.id} collaborationId={o.collaborationId} referrals={o.referrals} canRefer={canReport} onSent={() => done('referral')} />
      <RecordAttachments kind="operation" recordId={o.id} canWrite />
    </>
  );
}

/** Where, what and who: the facts every reader of the operation sees. */
function OperationFacts({ o }: { o: OperationView }) {
  const { t } = useTranslation();
  const place = (p: OperationView['places'][number]) => (p.latitude != null && p.longitude != null ? `${p.name} (${p.latitude}, ${p.longitude})` : p.name);
  return (
    <dl className="operations-facts">
      <dt>{t('operationsDetail.proposedBy')}</dt>
      <dd>
        {o.proposedBy} ({o.ownerUnit})
      </dd>
      <dt>{t('operationsDetail.collaboration')}</dt>
      <dd>{o.collaboration}</dd>
      {o.places.length > 0 && (
        <>
          <dt>{t('operationsPropose.places')}</dt>
          <dd>{o.places.map(place).join('; ')}</dd>
        </>
      )}
      {o.premises.length > 0 && (
        <>
          <dt>{t('operationsPropose.premises')}</dt>
          <dd>{o.premises.map((p) => p.name).join(', ')}</dd>
        </>
      )}
      <dt>{t('operationsPropose.commitment')}</dt>
      <dd>{o.commitment?.text ?? t('operationsDetail.noCommitment')}</dd>
    </dl>
  );
}

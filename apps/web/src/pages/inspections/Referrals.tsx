import { Alert, Button, Card, Heading, Link as DsLink, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { date, dateTime, EmptyState, Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';
import { fieldError } from '../../components/forms';
import { useEnumLabel } from '../../components/labels';
import { Pager } from '../../components/Pager';
import { useSession } from '../../session';
import type { components } from '../../api/schema';

type Referral = components['schemas']['LicensingReferralView'];
type Tip = components['schemas']['PremisesTipDetailView'];

const PAGE_SIZE = 20;

/** Whether a tip or referral is acknowledged, as a tag. */
function AckTag({ acknowledgedAt }: { acknowledgedAt: string | null }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={acknowledgedAt ? 'success' : 'warning'}>{acknowledgedAt ? t('inspectionsCasework.acknowledged') : t('inspectionsCasework.open')}</Tag>
  );
}

/**
 * The licensing officer's one place for what others tell licensing about premises (AL 9 kap 2 §):
 * police referrals from operations and other tips, each in full, those not yet acknowledged first.
 * The two come from two owners (operations, licensing) and are shown side by side, not merged.
 */
export function TipsAndReferrals() {
  const { t, i18n } = useTranslation();
  const label = useEnumLabel();
  const [referralOffset, setReferralOffset] = useState(0);
  const [tipOffset, setTipOffset] = useState(0);
  const referrals = useLoad(
    () => api.GET('/api/v1/licensing-referrals', { params: { query: { limit: PAGE_SIZE, offset: referralOffset } } }),
    [referralOffset],
  );
  const tips = useLoad(() => api.GET('/api/v1/premises-tips', { params: { query: { origin: 'direct', limit: PAGE_SIZE, offset: tipOffset } } }), [tipOffset]);

  return (
    <>
      <PageTitle>{t('inspectionsCasework.title')}</PageTitle>
      <Paragraph data-size="sm">{t('inspectionsCasework.intro')}</Paragraph>
      <section aria-labelledby="referrals-heading">
        <Heading level={2} data-size="sm" id="referrals-heading">
          {t('inspectionsCasework.referralsHeading')}
        </Heading>
        {referrals.loading && <Loading />}
        <ProblemMessage problem={referrals.problem} />
        {referrals.data?.items.length === 0 && <EmptyState>{t('inspectionsCasework.noReferrals')}</EmptyState>}
        <div className="cards">
          {referrals.data?.items.map((r) => (
            <Card key={r.id}>
              <Heading level={3} data-size="xs">
                <DsLink asChild>
                  <Link to={`/inspections/referrals/${r.id}`}>{r.premisesName}</Link>
                </DsLink>
              </Heading>
              <div className="row">
                <AckTag acknowledgedAt={r.acknowledgedAt} />
                <Paragraph data-size="sm">{t('inspectionsCasework.observedOn', { date: date(r.observedOn, i18n.language) })}</Paragraph>
              </div>
              <Paragraph className="inspections-pre">{r.observation}</Paragraph>
              <Paragraph data-size="sm">{t('inspectionsCasework.fromWhen', { from: r.from, when: dateTime(r.sentAt, i18n.language) })}</Paragraph>
            </Card>
          ))}
        </div>
        {referrals.data && <Pager page={referrals.data} onOffset={setReferralOffset} />}
      </section>
      <section aria-labelledby="tips-heading">
        <Heading level={2} data-size="sm" id="tips-heading">
          {t('inspectionsCasework.tipsHeading')}
        </Heading>
        {tips.loading && <Loading />}
        <ProblemMessage problem={tips.problem} />
        {tips.data?.items.length === 0 && <EmptyState>{t('inspectionsCasework.noTips')}</EmptyState>}
        <div className="cards">
          {tips.data?.items.map((tip) => (
            <Card key={tip.id}>
              <Heading level={3} data-size="xs">
                <DsLink asChild>
                  <Link to={`/inspections/tips/${tip.id}`}>{tip.premisesName}</Link>
                </DsLink>
              </Heading>
              <div className="row">
                <AckTag acknowledgedAt={tip.acknowledgedAt} />
                <Paragraph data-size="sm">
                  {label('TipSource', tip.source)}, {t('inspectionsCasework.receivedOn', { date: date(tip.receivedOn, i18n.language) })}
                </Paragraph>
              </div>
              <Paragraph className="inspections-pre">{tip.summary}</Paragraph>
            </Card>
          ))}
        </div>
        {tips.data && <Pager page={tips.data} onOffset={setTipOffset} />}
      </section>
    </>
  );
}

/** Acknowledging a referral or a tip: what was done, optionally. */
function AcknowledgeForm({ onAcknowledge }: { onAcknowledge: (note: string | undefined) => Promise<Problem | undefined> }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<Problem>();
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim();
    setSending(true);
    setProblem(await onAcknowledge(note || undefined));
    setSending(false);
  }

  return (
    <form className="protocol" onSubmit={(e) => void submit(e)}>
      <ProblemMessage problem={problem} />
      <Textfield
        id="note"
        name="note"
        multiline
        rows={2}
        label={t('inspectionsCasework.note')}
        description={t('inspectionsCasework.noteHelp')}
        error={fieldError(problem, 'note')}
      />
      <div>
        <Button type="submit" variant="secondary" disabled={sending}>
          {t('inspectionsCasework.acknowledge')}
        </Button>
      </div>
    </form>
  );
}

/** Where a tip stands in the risk score, and the inspections booked from it. */
function TipFacts({ tip }: { tip: Tip }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Paragraph data-size="sm">{tip.countsInRisk ? t('inspectionsCasework.countsInRisk') : t('inspectionsCasework.notInRisk')}</Paragraph>
      <Heading level={2} data-size="xs">
        {t('inspectionsCasework.bookedFrom')}
      </Heading>
      {tip.inspections.length === 0 ? (
        <Paragraph data-size="sm">{t('inspectionsCasework.noneBooked')}</Paragraph>
      ) : (
        <ul>
          {tip.inspections.map((i) => (
            <li key={i.id}>
              <DsLink asChild>
                <Link to={`/inspections/${i.id}`}>{t('inspectionsCasework.inspectionAt', { when: dateTime(i.plannedStart, i18n.language) })}</Link>
              </DsLink>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** "Boka tillsyn" from a tip or referral: the booking form with the premises and the tip filled in. */
function BookFromTip({ premisesId, tipId }: { premisesId: string; tipId: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  if (!can('inspection:plan')) return null;
  return (
    <div>
      <Button asChild>
        <Link to={`/inspections/new?premisesId=${premisesId}&tipId=${tipId}`}>{t('inspectionsCasework.book')}</Link>
      </Button>
    </div>
  );
}

/** One police referral in full (the subject a referral's notification opens): acknowledge it, book an inspection from it. */
export function ReferralView() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const view = useLoad(() => api.GET('/api/v1/licensing-referrals/{id}', { params: { path: { id: id! } } }), [id]);
  const tipId = view.data?.tipId;
  const tip = useLoad(tipId ? () => api.GET('/api/v1/premises-tips/{id}', { params: { path: { id: tipId } } }) : null, [tipId]);
  const [saved, setSaved] = useState<Referral>();
  if (view.loading && !view.data) return <Loading />;
  if (!view.data) return <ProblemMessage problem={view.problem} />;
  const r = saved ?? view.data;

  async function acknowledge(note: string | undefined): Promise<Problem | undefined> {
    const { data, error, response } = await api.POST('/api/v1/licensing-referrals/{id}/acknowledge', { params: { path: { id: r.id } }, body: { note } });
    if (error) return asProblem(error, response.status);
    setSaved(data);
    return undefined;
  }

  return (
    <>
      <DsLink asChild>
        <Link to="/inspections/referrals">{t('inspectionsCasework.title')}</Link>
      </DsLink>
      <PageTitle>{t('inspectionsCasework.referralTitle', { name: r.premisesName })}</PageTitle>
      <div className="row">
        <AckTag acknowledgedAt={r.acknowledgedAt} />
        <Paragraph data-size="sm">{t('inspectionsCasework.fromWhen', { from: r.from, when: dateTime(r.sentAt, i18n.language) })}</Paragraph>
      </div>
      <DsLink asChild>
        <Link to={`/inspections/premises/${r.premisesId}`}>{t('inspections.premisesLink', { name: r.premisesName })}</Link>
      </DsLink>
      <section>
        <Heading level={2} data-size="sm">
          {t('inspectionsCasework.observation')}
        </Heading>
        <Paragraph data-size="sm">{t('inspectionsCasework.observedOn', { date: date(r.observedOn, i18n.language) })}</Paragraph>
        <Paragraph className="inspections-pre">{r.observation}</Paragraph>
        {tip.data && <TipFacts tip={tip.data} />}
      </section>
      {r.tipId && <BookFromTip premisesId={r.premisesId} tipId={r.tipId} />}
      <section>
        {r.acknowledgedAt ? (
          <Alert data-color="success" role="status">
            <Paragraph>
              {t('inspectionsCasework.acknowledgedOn', { when: dateTime(r.acknowledgedAt, i18n.language), name: r.acknowledgedByName ?? '–' })}
            </Paragraph>
            {r.acknowledgement && <Paragraph className="inspections-pre">{r.acknowledgement}</Paragraph>}
          </Alert>
        ) : (
          <AcknowledgeForm onAcknowledge={acknowledge} />
        )}
      </section>
    </>
  );
}

/** One tip in full (the subject a tip's notification opens): acknowledge it, book an inspection from it. */
export function TipView() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const label = useEnumLabel();
  const view = useLoad(() => api.GET('/api/v1/premises-tips/{id}', { params: { path: { id: id! } } }), [id]);
  const [saved, setSaved] = useState<Tip>();
  if (view.loading && !view.data) return <Loading />;
  if (!view.data) return <ProblemMessage problem={view.problem} />;
  const tip = saved ?? view.data;

  async function acknowledge(note: string | undefined): Promise<Problem | undefined> {
    const { data, error, response } = await api.POST('/api/v1/premises-tips/{id}/acknowledge', { params: { path: { id: tip.id } }, body: { note } });
    if (error) return asProblem(error, response.status);
    setSaved(data);
    return undefined;
  }

  return (
    <>
      <DsLink asChild>
        <Link to="/inspections/referrals">{t('inspectionsCasework.title')}</Link>
      </DsLink>
      <PageTitle>{t('inspectionsCasework.tipTitle', { name: tip.premisesName })}</PageTitle>
      <div className="row">
        <AckTag acknowledgedAt={tip.acknowledgedAt} />
      </div>
      <DsLink asChild>
        <Link to={`/inspections/premises/${tip.premisesId}`}>{t('inspections.premisesLink', { name: tip.premisesName })}</Link>
      </DsLink>
      <dl className="inspections-facts">
        <dt>{t('inspectionsCasework.source')}</dt>
        <dd>{label('TipSource', tip.source)}</dd>
        <dt>{t('inspectionsCasework.origin')}</dt>
        <dd>{label('TipOrigin', tip.origin)}</dd>
        <dt>{t('inspectionsCasework.recordedBy')}</dt>
        <dd>{tip.recordedBy ?? '–'}</dd>
        <dt>{t('inspectionsCasework.receivedLabel')}</dt>
        <dd>{date(tip.receivedOn, i18n.language)}</dd>
      </dl>
      <section>
        <Heading level={2} data-size="sm">
          {t('inspectionsCasework.tipText')}
        </Heading>
        <Paragraph className="inspections-pre">{tip.summary}</Paragraph>
        <TipFacts tip={tip} />
      </section>
      <BookFromTip premisesId={tip.premisesId} tipId={tip.id} />
      <section>
        {tip.acknowledgedAt ? (
          <Alert data-color="success" role="status">
            <Paragraph>
              {t('inspectionsCasework.acknowledgedOn', { when: dateTime(tip.acknowledgedAt, i18n.language), name: tip.acknowledgedByName ?? '–' })}
            </Paragraph>
            {tip.acknowledgement && <Paragraph className="inspections-pre">{tip.acknowledgement}</Paragraph>}
          </Alert>
        ) : tip.origin === 'direct' ? (
          <AcknowledgeForm onAcknowledge={acknowledge} />
        ) : (
          <Paragraph data-size="sm">{t('inspectionsCasework.ackWithReferral')}</Paragraph>
        )}
      </section>
    </>
  );
}

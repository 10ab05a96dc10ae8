import { Alert, Button, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { ProblemMessage } from '../../components/common';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useSession } from '../../session';
import type { components } from '../../api/schema';

type Inspection = components['schemas']['InspectionView'];
type Status = components['schemas']['InspectionStatus'];

/** Steps recorded with a reason: cancelling needs one (the api requires it); escalating names why a sanction is considered. */
const WITH_REASON = new Set<Status>(['cancelled', 'escalated']);

/**
 * The next steps of an inspection, as the api names them (nextStatuses), each for those whose
 * permission allows it: cancelling is planning, the rest is performing. A follow-up visit is
 * booked from here too.
 */
export function InspectionSteps({ inspection: i, onChange }: { inspection: Inspection; onChange: () => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const [withReason, setWithReason] = useState<Status>();
  const [problem, setProblem] = useState<Problem>();
  const [done, setDone] = useState<Status>();
  const steps = i.nextStatuses.filter((to) => can(to === 'cancelled' ? 'inspection:plan' : 'inspection:perform'));

  async function move(to: Status, reason?: string): Promise<Problem | undefined> {
    const { error, response } = await api.POST('/api/v1/inspections/{id}/transition', {
      params: { path: { id: i.id }, header: { 'If-Match': `"${i.version}"` } },
      body: { to, reason },
    });
    const refused = error ? asProblem(error, response.status) : undefined;
    // A refusal of a step with a reason shows in its dialog, the others here.
    setProblem(reason === undefined ? refused : undefined);
    setDone(refused ? undefined : to);
    if (!refused) onChange();
    return refused;
  }

  function start(to: Status) {
    if (!WITH_REASON.has(to)) return void move(to);
    setWithReason(to);
    dialog.current?.showModal();
  }

  const reinspect = can('inspection:plan') && i.status !== 'planned' && i.status !== 'cancelled';
  if (steps.length === 0 && !reinspect && !i.sanctionCaseId) return null;
  return (
    <section className="protocol" aria-labelledby="inspection-steps">
      <Heading level={2} data-size="sm" id="inspection-steps">
        {t('inspections.steps.title')}
      </Heading>
      {done && (
        <Alert data-color="success" role="status">
          {t('inspections.steps.done', { status: t(`statuses.${done}`) })}
        </Alert>
      )}
      <ProblemMessage problem={problem} />
      {i.sanctionCaseId && can('premises:read') && (
        <Paragraph>
          <DsLink asChild>
            <Link to={`/inspections/sanctions/${i.sanctionCaseId}`}>{t('inspections.steps.sanctionCase')}</Link>
          </DsLink>
        </Paragraph>
      )}
      <div className="row">
        {steps.map((to) => (
          <Button
            key={to}
            variant={to === 'performed' ? 'primary' : 'secondary'}
            data-color={to === 'cancelled' || to === 'escalated' ? 'danger' : undefined}
            onClick={() => start(to)}
          >
            {t(`inspections.steps.to.${to}`)}
          </Button>
        ))}
        {reinspect && (
          <Button asChild variant="secondary">
            <Link to={`/inspections/new?reinspect=${i.id}`}>{t('inspections.steps.reinspect')}</Link>
          </Button>
        )}
      </div>
      {steps.includes('escalated') && <Paragraph data-size="sm">{t('inspections.steps.escalateHelp')}</Paragraph>}
      <ReasonDialog
        dialog={dialog}
        id="reason"
        title={withReason ? t(`inspections.steps.to.${withReason}`) : ''}
        label={withReason === 'escalated' ? t('inspections.steps.escalateReason') : t('inspections.steps.cancelReason')}
        submitLabel={withReason ? t(`inspections.steps.to.${withReason}`) : ''}
        danger
        onSubmit={(reason) => move(withReason!, reason)}
      />
    </section>
  );
}

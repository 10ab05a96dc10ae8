import {
  Alert,
  Button,
  Checkbox,
  Field,
  Fieldset,
  Label,
  Link as DsLink,
  Paragraph,
  Radio,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { dateTime, Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';
import { useSession } from '../../session';
import { useInspectors, usePremisesOptions } from './shared';
import { fieldError, fieldErrorWithin } from '../../components/forms';
import { type FieldProblem, problemText } from '../../api/problem-text';
import { fromStockholm, stockholmDay } from '../../components/time';
import { type components, inspectionTypeValues } from '../../api/schema';

type Inspection = components['schemas']['InspectionView'];

interface Conflict {
  message: string;
  inspectionId?: string;
}

/**
 * Booking an inspection (or a follow-up of an earlier one, `?reinspect=<id>`): premises, type,
 * time and inspectors. The api checks the rest — an inspector already booked then, a coordinated
 * visit without both police and municipality — and its answers are shown at the fields.
 */
export function ScheduleInspection() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const [params] = useSearchParams();
  const reinspectId = params.get('reinspect');
  const earlier = useLoad(reinspectId ? () => api.GET('/api/v1/inspections/{id}', { params: { path: { id: reinspectId } } }) : null, [reinspectId]);
  const premises = usePremisesOptions();
  const [picked, setPicked] = useState(params.get('premisesId') ?? '');
  // Booked from a tip or a police referral (its "Boka tillsyn"): the inspection records the tip.
  const tipId = reinspectId ? null : params.get('tipId');
  const tip = useLoad(tipId ? () => api.GET('/api/v1/premises-tips/{id}', { params: { path: { id: tipId } } }) : null, [tipId]);
  const [timeConflict, setTimeConflict] = useState<Conflict>();
  const premisesId = earlier.data?.premisesId ?? picked;
  const chosen = premises.data?.items.find((p) => p.id === premisesId);
  const inspectors = useInspectors(chosen?.collaborationId);
  const [problem, setProblem] = useState<Problem>();
  const [conflict, setConflict] = useState<Conflict>();
  const [booked, setBooked] = useState<Inspection>();
  const [sending, setSending] = useState(false);

  if (premises.loading || earlier.loading) return <Loading />;
  if (reinspectId && !earlier.data) return <ProblemMessage problem={earlier.problem} />;
  const activeLicences = chosen?.licences.filter((l) => l.status === 'active') ?? [];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const start = String(form.get('plannedStart') ?? '');
    const end = String(form.get('plannedEnd') ?? '');
    const common = {
      type: String(form.get('type') ?? '') as components['schemas']['InspectionType'],
      plannedStart: start ? fromStockholm(start) : '',
      plannedEnd: end ? fromStockholm(end) : '',
      inspectorIds: form.getAll('inspectorIds').map(String),
    };
    setSending(true);
    setBooked(undefined);
    const { data, error, response } = reinspectId
      ? await api.POST('/api/v1/inspections/{id}/reinspect', { params: { path: { id: reinspectId } }, body: common })
      : await api.POST('/api/v1/inspections', {
          body: {
            ...common,
            premisesId,
            licenceId: String(form.get('licenceId') ?? '') || undefined,
            tipId: tip.data?.premisesId === premisesId ? tipId! : undefined,
          },
        });
    setSending(false);
    setTimeConflict(undefined);
    if (!error) {
      setProblem(undefined);
      setConflict(undefined);
      setBooked(data);
      return;
    }
    const refused = asProblem(error, response.status) as Problem & { conflictingInspectionId?: string };
    if (refused.code === 'inspection.premises_clash') {
      // Another inspection of the premises then: said at the time, with a link to that inspection.
      setConflict(undefined);
      setTimeConflict({ message: problemText(refused), inspectionId: refused.conflictingInspectionId });
      setProblem({ ...refused, errors: [{ field: 'plannedStart', code: refused.code as FieldProblem['code'], params: refused.params, message: '' }] });
    } else if (refused.code === 'inspection.inspector_booked') {
      // The clash concerns the inspectors: said at their field (and in the summary, which links
      // there), with who is booked where and when, from the refusal's code and params.
      setConflict({ message: problemText(refused), inspectionId: refused.conflictingInspectionId });
      setProblem({ ...refused, errors: [{ field: 'inspectorIds', code: refused.code as FieldProblem['code'], params: refused.params, message: '' }] });
    } else {
      setConflict(undefined);
      setProblem(refused);
    }
  }

  const inspectorError = conflict ? undefined : fieldErrorWithin(problem, 'inspectorIds');
  return (
    <>
      <DsLink asChild>
        <Link to={reinspectId ? `/inspections/${reinspectId}` : '/inspections'}>{reinspectId ? t('inspections.protocol') : t('inspections.title')}</Link>
      </DsLink>
      <PageTitle>{reinspectId ? t('inspections.schedule.reinspectTitle', { name: earlier.data!.premisesName }) : t('inspections.schedule.title')}</PageTitle>
      {booked && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('inspections.schedule.booked', { name: booked.premisesName, when: dateTime(booked.plannedStart, i18n.language) })}</Paragraph>
          <div className="row">
            <DsLink asChild>
              <Link to={`/inspections/${booked.id}`}>{t('inspections.schedule.openBooked')}</Link>
            </DsLink>
            <DsLink asChild>
              <Link to={`/inspections/calendar?view=week&date=${stockholmDay(booked.plannedStart)}`}>{t('inspections.schedule.showWeek')}</Link>
            </DsLink>
          </div>
        </Alert>
      )}
      <ProblemMessage problem={problem} />
      {tip.data && tip.data.premisesId === premisesId && (
        <Alert data-color="info">
          <Paragraph className="inspections-pre">{t('inspectionsCasework.fromTip', { summary: tip.data.summary })}</Paragraph>
        </Alert>
      )}
      <form className="protocol" onSubmit={(e) => void submit(e)}>
        {!reinspectId && (
          <Field>
            <Label htmlFor="premisesId">{t('inspections.premises')}</Label>
            <Select
              id="premisesId"
              name="premisesId"
              required
              value={picked}
              onChange={(e) => setPicked(e.target.value)}
              aria-invalid={!!fieldError(problem, 'premisesId') || undefined}
            >
              <Select.Option value="">{t('inspections.schedule.choosePremises')}</Select.Option>
              {premises.data?.items.map((p) => (
                <Select.Option key={p.id} value={p.id}>
                  {p.name}
                </Select.Option>
              ))}
            </Select>
            {fieldError(problem, 'premisesId') && <ValidationMessage>{fieldError(problem, 'premisesId')}</ValidationMessage>}
          </Field>
        )}
        {!reinspectId && chosen && (
          <Field>
            <Label htmlFor="licenceId">{t('inspections.schedule.licence')}</Label>
            <Select id="licenceId" name="licenceId" key={chosen.id} defaultValue={activeLicences.length === 1 ? activeLicences[0].id : ''}>
              <Select.Option value="">{t('inspections.schedule.noLicence')}</Select.Option>
              {chosen.licences.map((l) => (
                <Select.Option
                  key={l.id}
                  value={l.id}
                >{`${l.holderName} – ${t(`inspections.licence.types.${l.type}`)} (${t(`inspections.licence.statuses.${l.status}`)})`}</Select.Option>
              ))}
            </Select>
            {fieldError(problem, 'licenceId') && <ValidationMessage>{fieldError(problem, 'licenceId')}</ValidationMessage>}
          </Field>
        )}
        <Fieldset id="type">
          <Fieldset.Legend>{t('inspections.type')}</Fieldset.Legend>
          {inspectionTypeValues.map((x) => (
            <Radio
              key={x}
              name="type"
              value={x}
              label={t(`inspections.types.${x}`)}
              description={t(`inspections.typeHelp.${x}`)}
              defaultChecked={x === 'external'}
            />
          ))}
          {fieldError(problem, 'type') && <ValidationMessage>{fieldError(problem, 'type')}</ValidationMessage>}
        </Fieldset>
        <div className="inspections-times">
          <Textfield
            id="plannedStart"
            name="plannedStart"
            type="datetime-local"
            required
            label={t('inspections.schedule.start')}
            error={timeConflict ? undefined : fieldError(problem, 'plannedStart')}
            aria-invalid={timeConflict ? true : undefined}
            aria-describedby={timeConflict ? 'premises-clash' : undefined}
          />
          <Textfield
            id="plannedEnd"
            name="plannedEnd"
            type="datetime-local"
            required
            label={t('inspections.schedule.end')}
            error={fieldError(problem, 'plannedEnd')}
          />
        </div>
        {timeConflict && (
          <ValidationMessage id="premises-clash">
            {timeConflict.message}{' '}
            {timeConflict.inspectionId && (
              <DsLink asChild>
                <Link to={`/inspections/${timeConflict.inspectionId}`}>{t('inspections.schedule.openConflict')}</Link>
              </DsLink>
            )}
          </ValidationMessage>
        )}
        <Fieldset id="inspectorIds">
          <Fieldset.Legend>{t('inspections.inspectors')}</Fieldset.Legend>
          <Fieldset.Description>{t('inspections.schedule.inspectorsHelp')}</Fieldset.Description>
          {inspectors.map((p) => (
            <Checkbox
              key={`${premisesId}-${p.id}`}
              name="inspectorIds"
              value={p.id}
              label={p.organisation ? `${p.displayName} (${p.organisation})` : p.displayName}
              defaultChecked={p.id === me?.user.id}
            />
          ))}
          {inspectorError && <ValidationMessage>{inspectorError}</ValidationMessage>}
          {conflict && (
            <ValidationMessage>
              {conflict.message}{' '}
              {conflict.inspectionId && (
                <DsLink asChild>
                  <Link to={`/inspections/${conflict.inspectionId}`}>{t('inspections.schedule.openConflict')}</Link>
                </DsLink>
              )}
            </ValidationMessage>
          )}
        </Fieldset>
        <div>
          <Button type="submit" disabled={sending}>
            {t('inspections.schedule.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}

import { Button, Checkbox, Fieldset, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { EmptyState, Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';
import { fieldError, SelectField } from '../../components/forms';
import { stockholmLocal } from '../../components/time';
import { useSession } from '../../session';
import { KIND_METRICS } from '../promise/shared';
import { isFieldKind } from './shared';

type Position = { latitude: number; longitude: number; accuracy: number };
type Locating = 'idle' | 'busy' | 'denied' | 'unavailable';

/**
 * A round, a safety walk or a speed check, recorded on the spot: date and time (now), a named place
 * or the phone's position, the kind's counts, the organisations taking part, an open action if any,
 * a note. The commitment is the one of the running promise that takes the kind (a select when
 * several do). The api checks everything; its refusals show at the fields (ids are its field names).
 */
export function NewFieldActivity() {
  const { kind } = useParams();
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const choices = useLoad(() => api.GET('/api/v1/activities/field-choices'), []);
  const [commitmentId, setCommitmentId] = useState('');
  const [position, setPosition] = useState<Position>();
  const [locating, setLocating] = useState<Locating>('idle');
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const now = stockholmLocal(new Date());
  if (!isFieldKind(kind)) return <Navigate to="/" replace />;
  const fieldKind = kind;

  const options = (choices.data?.collaborations ?? []).flatMap((c) =>
    c.commitments.filter((m) => m.activityKind === kind).map((m) => ({ ...m, collaboration: c })),
  );
  const chosen = options.length === 1 ? options[0] : options.find((o) => o.id === commitmentId);
  const collaboration = chosen?.collaboration;
  const own = new Set(me!.memberships.map((m) => m.organisation.id));
  // A safety walk is made with the police, the municipality and the rescue service; other kinds by the parties.
  const organisations = (collaboration?.organisations ?? []).filter((o) => kind === 'safety_walk' || o.kind === 'police' || o.kind === 'municipality');
  const metrics = KIND_METRICS[kind];

  function locate() {
    if (!('geolocation' in navigator)) {
      setLocating('unavailable');
      return;
    }
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setPosition({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: Math.round(p.coords.accuracy) });
        setLocating('idle');
      },
      // Refused or not found: say so politely; the list of places still works.
      () => setLocating('denied'),
      { enableHighAccuracy: true, timeout: 15000 },
    );
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen) return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const counts = Object.fromEntries(metrics.filter((m) => text(`metrics.${m}`) !== '').map((m) => [m, Number(text(`metrics.${m}`))]));
    setBusy(true);
    const { data, error, response } = await api.POST('/api/v1/activities', {
      body: {
        commitmentId: chosen.id,
        kind: fieldKind,
        occurredOn: text('occurredOn'),
        ...(text('startTime') ? { startTime: text('startTime') } : {}),
        ...(text('placeId') ? { placeId: text('placeId') } : {}),
        // Six decimals: about a decimetre, as the api stores it.
        ...(position ? { latitude: Number(position.latitude.toFixed(6)), longitude: Number(position.longitude.toFixed(6)) } : {}),
        participatingOrganisationIds: form.getAll('participatingOrganisationIds').map(String),
        ...(text('actionId') ? { actionId: text('actionId') } : {}),
        ...(Object.keys(counts).length ? { metrics: counts } : {}),
        ...(text('note') ? { note: text('note') } : {}),
      },
    });
    setBusy(false);
    if (error || !data) {
      setProblem(asProblem(error, response.status));
      return;
    }
    void navigate(`/promise/activities/${data.id}`);
  }

  const title = t(`field.newKind.${kind}`);
  if (choices.loading) return <Loading />;
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <ProblemMessage problem={choices.problem} />
      {!choices.problem && options.length === 0 && <EmptyState>{t('field.nothing')}</EmptyState>}
      {options.length > 0 && (
        <form className="field-form" onSubmit={(e) => void save(e)} aria-label={title} noValidate>
          <ProblemMessage problem={problem} />
          {options.length > 1 && (
            <SelectField
              id="commitmentId"
              label={t('field.commitment')}
              value={commitmentId}
              onChange={(e) => setCommitmentId(e.target.value)}
              error={fieldError(problem, 'commitmentId')}
            >
              <option value="">{t('field.chooseCommitment')}</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {options.some((x) => x.collaboration.collaborationId !== o.collaboration.collaborationId)
                    ? `${o.collaboration.collaborationName}: ${o.text}`
                    : o.text}
                </option>
              ))}
            </SelectField>
          )}
          {chosen && collaboration && (
            <>
              <Paragraph data-size="sm">
                {chosen.text} — {t('field.promise', { title: collaboration.promiseTitle, start: collaboration.periodStart, end: collaboration.periodEnd })}
              </Paragraph>
              <div className="field-row">
                <Textfield
                  id="occurredOn"
                  name="occurredOn"
                  type="date"
                  label={t('field.date')}
                  defaultValue={now.slice(0, 10)}
                  error={fieldError(problem, 'occurredOn')}
                />
                <Textfield
                  id="startTime"
                  name="startTime"
                  type="time"
                  label={t('field.time')}
                  defaultValue={now.slice(11, 16)}
                  error={fieldError(problem, 'startTime')}
                />
              </div>
              <SelectField id="placeId" label={t('field.place')} defaultValue="" error={fieldError(problem, 'placeId')}>
                <option value="">{t('field.choosePlace')}</option>
                {collaboration.places.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </SelectField>
              <div className="field-position">
                {position ? (
                  <>
                    <Paragraph data-size="sm" role="status">
                      {t('field.position', { latitude: position.latitude.toFixed(5), longitude: position.longitude.toFixed(5), accuracy: position.accuracy })}
                    </Paragraph>
                    <Button type="button" variant="tertiary" onClick={() => setPosition(undefined)}>
                      {t('field.clearPosition')}
                    </Button>
                  </>
                ) : (
                  <Button type="button" variant="secondary" onClick={locate} aria-busy={locating === 'busy'}>
                    {locating === 'busy' ? t('field.locating') : t('field.usePosition')}
                  </Button>
                )}
                {(locating === 'denied' || locating === 'unavailable') && (
                  <Paragraph data-size="sm" role="status">
                    {locating === 'denied' ? t('field.positionDenied') : t('field.noPositioning')}
                  </Paragraph>
                )}
                {(fieldError(problem, 'latitude') || fieldError(problem, 'longitude')) && (
                  <ValidationMessage>{[fieldError(problem, 'latitude'), fieldError(problem, 'longitude')].filter(Boolean).join(' ')}</ValidationMessage>
                )}
              </div>
              {metrics.length > 0 && (
                <Fieldset>
                  <Fieldset.Legend>{t('field.counts')}</Fieldset.Legend>
                  <div className="field-row">
                    {metrics.map((m) => (
                      <Textfield
                        key={m}
                        id={`metrics.${m}`}
                        name={`metrics.${m}`}
                        type="number"
                        inputMode="numeric"
                        min={0}
                        label={t(`promiseVocab.metrics.${m}`, { defaultValue: m })}
                        error={fieldError(problem, `metrics.${m}`)}
                      />
                    ))}
                  </div>
                </Fieldset>
              )}
              <Fieldset id="participatingOrganisationIds" aria-invalid={fieldError(problem, 'participatingOrganisationIds') ? true : undefined}>
                <Fieldset.Legend>{t('field.participants')}</Fieldset.Legend>
                {organisations.map((o) => (
                  <Checkbox
                    key={o.id}
                    id={`participant-${o.id}`}
                    name="participatingOrganisationIds"
                    value={o.id}
                    label={o.name}
                    defaultChecked={own.has(o.id)}
                  />
                ))}
                {fieldError(problem, 'participatingOrganisationIds') && (
                  <ValidationMessage>{fieldError(problem, 'participatingOrganisationIds')}</ValidationMessage>
                )}
              </Fieldset>
              {chosen.actions.length > 0 && (
                <SelectField id="actionId" label={t('field.action')} defaultValue="" error={fieldError(problem, 'actionId')}>
                  <option value="">{t('field.noAction')}</option>
                  {chosen.actions.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.title}
                    </option>
                  ))}
                </SelectField>
              )}
              <Textfield id="note" name="note" multiline rows={3} label={t('field.note')} error={fieldError(problem, 'note')} />
              <Button type="submit" data-size="lg" disabled={busy}>
                {busy ? t('field.saving') : t('field.save')}
              </Button>
            </>
          )}
        </form>
      )}
    </>
  );
}

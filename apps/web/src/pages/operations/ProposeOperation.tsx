import {
  Alert,
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Link as DsLink,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { PageTitle, ProblemMessage, useLoad } from '../../components/common';
import { useSession } from '../../session';
import { noParticipants, ParticipantPicker, participantIds, type Participants } from './ParticipantPicker';
import { fieldError } from '../../components/forms';
import { fromStockholm } from '../../components/time';

interface PlaceRow {
  name: string;
  latitude: string;
  longitude: string;
}

/** The promise commitments an operation may work toward: the police's and the joint ones, newest promise first. */
async function loadCommitments(collaborationId: string) {
  const promises = await api.GET('/api/v1/promises', { params: { query: { collaborationId, limit: 5 } } });
  if (!promises.data) return { error: promises.error, response: promises.response };
  const groups = await Promise.all(
    promises.data.items.map(async (promise) => {
      const { data } = await api.GET('/api/v1/promises/{id}/commitments', { params: { path: { id: promise.id }, query: { limit: 200 } } });
      const items = (data?.items ?? []).filter((c) => c.party !== 'municipality');
      return { promise, commitments: items };
    }),
  );
  return { data: groups.filter((g) => g.commitments.length > 0), response: promises.response };
}

/** An officer or commander proposes an operation; the intelligence basis is sealed for commanders. */
export function ProposeOperation() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const collaborations = me?.collaborations ?? [];
  const [collaborationId, setCollaborationId] = useState(collaborations[0]?.id ?? '');
  const [places, setPlaces] = useState<PlaceRow[]>([{ name: '', latitude: '', longitude: '' }]);
  const [participants, setParticipants] = useState<Participants>(noParticipants);
  const [problem, setProblem] = useState<Problem>();
  const [saving, setSaving] = useState(false);
  const premises = useLoad(collaborationId ? () => api.GET('/api/v1/operations/premises', { params: { query: { collaborationId, limit: 200 } } }) : null, [
    collaborationId,
  ]);
  const commitments = useLoad(collaborationId ? () => loadCommitments(collaborationId) : null, [collaborationId]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const coordinate = (value: string) => (value.trim() === '' ? undefined : Number(value.replace(',', '.')));
    setSaving(true);
    const { data, error, response } = await api.POST('/api/v1/operations', {
      body: {
        collaborationId,
        title: text('title'),
        area: text('area'),
        places: places.filter((p) => p.name.trim()).map((p) => ({ name: p.name.trim(), latitude: coordinate(p.latitude), longitude: coordinate(p.longitude) })),
        premisesIds: form.getAll('premisesIds').map(String),
        commitmentId: text('commitmentId') || undefined,
        plannedStart: text('plannedStart') && fromStockholm(text('plannedStart')),
        plannedEnd: text('plannedEnd') && fromStockholm(text('plannedEnd')),
        intelligence: text('intelligence'),
        intelligenceReference: text('intelligenceReference'),
        ...participantIds(participants),
      },
    });
    setSaving(false);
    if (!data) {
      setProblem(asProblem(error, response.status));
      return;
    }
    void navigate(`/operations/${data.id}`, { state: { notice: 'proposed' } });
  }

  const setPlace = (index: number, change: Partial<PlaceRow>) => setPlaces(places.map((p, i) => (i === index ? { ...p, ...change } : p)));
  return (
    <>
      <DsLink asChild>
        <Link to="/operations">{t('operations.title')}</Link>
      </DsLink>
      <PageTitle>{t('operationsPropose.title')}</PageTitle>
      <Paragraph>{t('operationsPropose.intro')}</Paragraph>
      <ProblemMessage problem={problem} />
      <form className="protocol" onSubmit={(e) => void submit(e)} noValidate>
        {collaborations.length > 1 && (
          <Field>
            <Label htmlFor="collaborationId">{t('operationsPropose.collaboration')}</Label>
            <Select id="collaborationId" value={collaborationId} onChange={(e) => setCollaborationId(e.target.value)}>
              {collaborations.map((c) => (
                <Select.Option key={c.id} value={c.id}>
                  {c.name}
                </Select.Option>
              ))}
            </Select>
            {fieldError(problem, 'collaborationId') && <ValidationMessage>{fieldError(problem, 'collaborationId')}</ValidationMessage>}
          </Field>
        )}
        {collaborations.length === 1 && fieldError(problem, 'collaborationId') && (
          <Alert id="collaborationId" data-color="danger">
            {fieldError(problem, 'collaborationId')}
          </Alert>
        )}
        <Textfield id="title" name="title" label={t('operationsPropose.titleField')} required error={fieldError(problem, 'title')} />
        <Textfield
          id="area"
          name="area"
          label={t('operationsPropose.area')}
          description={t('operationsPropose.areaHelp')}
          required
          error={fieldError(problem, 'area')}
        />
        <div className="row operations-window">
          <Textfield
            id="plannedStart"
            name="plannedStart"
            type="datetime-local"
            label={t('operationsPropose.plannedStart')}
            required
            error={fieldError(problem, 'plannedStart')}
          />
          <Textfield
            id="plannedEnd"
            name="plannedEnd"
            type="datetime-local"
            label={t('operationsPropose.plannedEnd')}
            required
            error={fieldError(problem, 'plannedEnd')}
          />
        </div>

        <Fieldset id="places">
          <Fieldset.Legend>{t('operationsPropose.places')}</Fieldset.Legend>
          <Fieldset.Description>{t('operationsPropose.placesHelp')}</Fieldset.Description>
          {places.map((p, i) => (
            <div key={i} className="row operations-place">
              <Textfield
                id={`places[${i}].name`}
                label={t('operationsPropose.placeName', { n: i + 1 })}
                value={p.name}
                onChange={(e) => setPlace(i, { name: e.target.value })}
                error={fieldError(problem, `places[${i}].name`)}
              />
              <Textfield
                id={`places[${i}].latitude`}
                label={t('operationsPropose.latitude')}
                inputMode="decimal"
                value={p.latitude}
                onChange={(e) => setPlace(i, { latitude: e.target.value })}
                error={fieldError(problem, `places[${i}].latitude`)}
              />
              <Textfield
                id={`places[${i}].longitude`}
                label={t('operationsPropose.longitude')}
                inputMode="decimal"
                value={p.longitude}
                onChange={(e) => setPlace(i, { longitude: e.target.value })}
                error={fieldError(problem, `places[${i}].longitude`)}
              />
              {places.length > 1 && (
                <Button type="button" variant="tertiary" data-size="sm" onClick={() => setPlaces(places.filter((_, j) => j !== i))}>
                  {t('operationsPropose.removePlace', { n: i + 1 })}
                </Button>
              )}
            </div>
          ))}
          <div>
            <Button type="button" variant="secondary" data-size="sm" onClick={() => setPlaces([...places, { name: '', latitude: '', longitude: '' }])}>
              {t('operationsPropose.addPlace')}
            </Button>
          </div>
          {fieldError(problem, 'places') && <ValidationMessage>{fieldError(problem, 'places')}</ValidationMessage>}
        </Fieldset>

        <Fieldset id="premisesIds">
          <Fieldset.Legend>{t('operationsPropose.premises')}</Fieldset.Legend>
          <Fieldset.Description>{t('operationsPropose.premisesHelp')}</Fieldset.Description>
          <ProblemMessage problem={premises.problem} />
          {premises.data?.items.map((p) => (
            <Checkbox key={p.id} name="premisesIds" value={p.id} label={`${p.name}, ${p.address}`} />
          ))}
          {premises.data?.items.length === 0 && <Paragraph data-size="sm">{t('operationsPropose.noPremises')}</Paragraph>}
          {fieldError(problem, 'premisesIds') && <ValidationMessage>{fieldError(problem, 'premisesIds')}</ValidationMessage>}
        </Fieldset>

        <Field>
          <Label htmlFor="commitmentId">{t('operationsPropose.commitment')}</Label>
          <Field.Description>{t('operationsPropose.commitmentHelp')}</Field.Description>
          <Select id="commitmentId" name="commitmentId" defaultValue="">
            <Select.Option value="">{t('operationsPropose.noCommitment')}</Select.Option>
            {commitments.data?.map((g) => (
              <Select.Optgroup key={g.promise.id} label={`${g.promise.title} (${g.promise.periodStart.slice(0, 4)}–${g.promise.periodEnd.slice(0, 4)})`}>
                {g.commitments.map((c) => (
                  <Select.Option key={c.id} value={c.id}>
                    {c.text}
                  </Select.Option>
                ))}
              </Select.Optgroup>
            ))}
          </Select>
          {fieldError(problem, 'commitmentId') && <ValidationMessage>{fieldError(problem, 'commitmentId')}</ValidationMessage>}
        </Field>

        <section className="protocol operations-sealed" aria-labelledby="intelligence-heading">
          <Heading level={2} data-size="xs" id="intelligence-heading">
            {t('operationsPropose.intelligenceHeading')}
          </Heading>
          <Alert data-color="warning">{t('operationsPropose.sealedNote')}</Alert>
          <Textfield
            id="intelligence"
            name="intelligence"
            label={t('operationsPropose.intelligence')}
            description={t('operationsPropose.intelligenceHelp')}
            multiline
            rows={5}
            required
            error={fieldError(problem, 'intelligence')}
          />
          <Textfield
            id="intelligenceReference"
            name="intelligenceReference"
            label={t('operationsPropose.reference')}
            description={t('operationsPropose.referenceHelp')}
            required
            error={fieldError(problem, 'intelligenceReference')}
          />
        </section>

        <section className="protocol" aria-labelledby="participants-heading">
          <Heading level={2} data-size="xs" id="participants-heading">
            {t('operationsPropose.participantsHeading')}
          </Heading>
          <Paragraph data-size="sm">{t('operationsPropose.participantsHelp')}</Paragraph>
          <ParticipantPicker value={participants} onChange={setParticipants} problem={problem} />
        </section>

        <div className="row">
          <Button type="submit" disabled={saving}>
            {t('operationsPropose.submit')}
          </Button>
          <Button asChild variant="tertiary">
            <Link to="/operations">{t('operationsCommon.cancel')}</Link>
          </Button>
        </div>
      </form>
    </>
  );
}

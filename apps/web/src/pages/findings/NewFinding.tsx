import { Alert, Button, Link as DsLink, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { type components, findingCategoryValues } from '../../api/schema';
import { Loading, ProblemMessage, useLoad } from '../../components/common';
import { fieldError, SelectField } from '../../components/forms';
import { useSession } from '../../session';
import { PhotoInput, uploadFindingPhoto } from './Photos';

type ActivityView = components['schemas']['ActivityView'];
type FindingCategory = components['schemas']['FindingCategory'];

/** A due date a month ahead: a starting point the recorder changes when the matter is more or less urgent. */
function monthAhead(): string {
  const due = new Date();
  due.setDate(due.getDate() + 30);
  return due.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

/**
 * "Nytt fynd" in a round's or walk's report: what was found where, who deals with it by when, and
 * a photo from the phone's camera. The finding is created first, then the photo uploaded to it, so
 * a refused photo never loses what was written; the api's refusals show at the fields.
 */
export function NewFinding({ activity, problemAreaId, onCreated }: { activity: ActivityView; problemAreaId?: string; onCreated: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const promise = useLoad(() => api.GET('/api/v1/promises/{id}', { params: { path: { id: activity.promiseId } } }), [activity.promiseId]);
  const collaborationId = promise.data?.collaborationId;
  const places = useLoad(collaborationId ? () => api.GET('/api/v1/places', { params: { query: { collaborationId, limit: 200 } } }) : null, [collaborationId]);
  const units = useLoad(() => api.GET('/api/v1/findings/responsible-units', { params: { query: { promiseId: activity.promiseId } } }), [activity.promiseId]);
  const [problem, setProblem] = useState<Problem>();
  const [photo, setPhoto] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ id: string; photo: 'none' | 'saved' | 'failed'; count: number }>();

  // The activity's named place; for an older activity, the named place its free text names.
  const activityPlace = activity.placeId ?? places.data?.items.find((p) => p.name.localeCompare(activity.place, 'sv', { sensitivity: 'base' }) === 0)?.id ?? '';
  const myUnits = new Set(me?.memberships.map((m) => m.unit.id));
  const ownUnit = units.data?.find((u) => myUnits.has(u.id))?.id ?? '';
  const byOrganisation = [...new Map((units.data ?? []).map((u) => [u.organisation.id, u.organisation])).values()];

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const unit = units.data?.find((u) => u.id === text('responsibleUnitId'));
    setBusy(true);
    const { data, error, response } = await api.POST('/api/v1/findings', {
      body: {
        promiseId: activity.promiseId,
        activityId: activity.id,
        ...(text('placeId') ? { placeId: text('placeId') } : {}),
        category: text('category') as FindingCategory,
        description: text('description'),
        ...(text('problemAreaId') ? { problemAreaId: text('problemAreaId') } : {}),
        // The unit's organisation is the responsible party; an unchosen unit is refused by the api at its field.
        responsibleOrganisationId: unit?.organisation.id ?? '',
        responsibleUnitId: text('responsibleUnitId'),
        dueDate: text('dueDate'),
      },
    });
    if (error || !data) {
      setBusy(false);
      setProblem(asProblem(error, response.status));
      return;
    }
    let photoOutcome: 'none' | 'saved' | 'failed' = 'none';
    if (photo) {
      const uploaded = await uploadFindingPhoto(data.id, photo);
      photoOutcome = uploaded.error ? 'failed' : 'saved';
      setProblem(uploaded.error ? asProblem(uploaded.error, uploaded.response.status) : undefined);
    } else {
      setProblem(undefined);
    }
    setBusy(false);
    setPhoto(undefined);
    setCreated({ id: data.id, photo: photoOutcome, count: (created?.count ?? 0) + 1 });
    onCreated();
  }

  // The form's defaults (the activity's place, the own unit) come with these lists: it is drawn once
  // they are here, so a choice made meanwhile is not reset by the form starting afresh.
  if (!promise.problem && !places.problem && !units.problem && (!places.data || !units.data)) return <Loading />;

  return (
    <>
      {created && (
        <Alert data-color={created.photo === 'failed' ? 'warning' : 'success'} role="status">
          {created.photo === 'failed' ? t('findingNew.photoFailed') : created.photo === 'saved' ? t('findingNew.createdWithPhoto') : t('findingNew.created')}{' '}
          <DsLink asChild>
            <Link to={`/findings/${created.id}`}>{t('findingNew.open')}</Link>
          </DsLink>
        </Alert>
      )}
      {/* A fresh form after each finding: a walk records several, one after the other. */}
      <form
        key={`${created?.count ?? 0}-${activityPlace}-${ownUnit}`}
        className="protocol promise-form"
        onSubmit={(e) => void save(e)}
        aria-label={t('findingNew.title')}
        noValidate
      >
        <ProblemMessage problem={problem ?? promise.problem ?? units.problem} />
        <SelectField id="category" label={t('findingNew.category')} defaultValue="" error={fieldError(problem, 'category')}>
          <option value="">{t('findingPage.choose')}</option>
          {findingCategoryValues.map((c) => (
            <option key={c} value={c}>
              {t(`promiseVocab.findingCategories.${c}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="placeId"
          label={t('findingNew.place')}
          description={t('findingNew.placeHelp')}
          defaultValue={activityPlace}
          error={fieldError(problem, 'placeId')}
        >
          <option value="">{t('findingPage.choose')}</option>
          {places.data?.items.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <Textfield id="description" name="description" multiline rows={3} label={t('findingNew.description')} error={fieldError(problem, 'description')} />
        <SelectField
          id="problemAreaId"
          label={t('findingNew.problemArea')}
          description={t('findingNew.problemAreaHelp')}
          defaultValue={problemAreaId ?? ''}
          error={fieldError(problem, 'problemAreaId')}
        >
          <option value="">{t('findingNew.none')}</option>
          {promise.data?.problemAreas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="responsibleUnitId"
          label={t('findingNew.unit')}
          defaultValue={ownUnit}
          error={fieldError(problem, 'responsibleUnitId') ?? fieldError(problem, 'responsibleOrganisationId')}
        >
          <option value="">{t('findingPage.choose')}</option>
          {byOrganisation.map((o) => (
            <optgroup key={o.id} label={o.name}>
              {units.data
                ?.filter((u) => u.organisation.id === o.id)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </SelectField>
        <Textfield id="dueDate" name="dueDate" type="date" label={t('findingNew.dueDate')} defaultValue={monthAhead()} error={fieldError(problem, 'dueDate')} />
        <div className="file-upload" role="group" aria-label={t('findingNew.photo')}>
          <PhotoInput id="body" label={t('findingNew.takePhoto')} disabled={busy} onFile={setPhoto} />
          <Paragraph data-size="sm" role="status" className="file-upload-file">
            {photo ? t('findingNew.chosenPhoto', { name: photo.name }) : t('findingNew.noPhoto')}
          </Paragraph>
          {photo && (
            <Button type="button" variant="tertiary" data-size="sm" onClick={() => setPhoto(undefined)}>
              {t('findingNew.removePhoto')}
            </Button>
          )}
        </div>
        {fieldError(problem, 'body') && <ValidationMessage>{fieldError(problem, 'body', t('findingNew.photo'))}</ValidationMessage>}
        <div>
          <Button type="submit" disabled={busy}>
            {busy ? t('findingNew.saving') : t('findingNew.save')}
          </Button>
        </div>
      </form>
    </>
  );
}

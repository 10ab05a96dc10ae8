import { Alert, Button, Heading, Link as DsLink, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import type { components } from '../../api/schema';
import { date, dateTime, Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';
import { fieldError, SelectField } from '../../components/forms';
import { useSession } from '../../session';
import { BackLink } from '../promise/shared';
import { FindingPhotos } from './Photos';
import { FINDING_STATUS_COLOUR, useFindingPlace, useMayWorkOn } from './shared';
import { RecordAttachments } from '../attachments/Attachments';

type FindingView = components['schemas']['FindingView'];
type UpdateFindingRequest = components['schemas']['UpdateFindingRequest'];

/** What a change came to: saved, or someone else changed the finding meanwhile (412). */
type Outcome = 'saved' | 'stale';

/**
 * One finding (issue #20): where, what, who deals with it by when, the walk it came from, its photos;
 * and, for the unit responsible, the way through to done — start work, done with what was done,
 * rejected with why, or handed to another unit — each with the version read (If-Match).
 */
export function FindingPage() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const view = useLoad(() => api.GET('/api/v1/findings/{id}', { params: { path: { id: id! } } }), [id]);
  const f = view.data;
  const activity = useLoad(f?.activityId ? () => api.GET('/api/v1/activities/{id}', { params: { path: { id: f.activityId! } } }) : null, [f?.activityId]);
  const placeOf = useFindingPlace();
  const mayWorkOn = useMayWorkOn();
  const [notice, setNotice] = useState<Outcome>();

  if (view.loading && !f) return <Loading />;
  if (!f) return <ProblemMessage problem={view.problem} />;
  const final = f.status === 'done' || f.status === 'rejected';
  const mayWork = mayWorkOn(f);
  const done = (outcome: Outcome) => {
    setNotice(outcome);
    view.reload();
  };
  return (
    <>
      <BackLink to={`/findings?promise=${f.promiseId}`}>{t('findingPage.back')}</BackLink>
      <PageTitle>{f.description}</PageTitle>
      <div className="row">
        <Tag data-color={FINDING_STATUS_COLOUR[f.status]}>{t(`promiseVocab.findingStatuses.${f.status}`)}</Tag>
        {f.overdue && <Tag data-color="danger">{t('findings.overdue')}</Tag>}
        <Tag data-color="neutral">{t(`promiseVocab.findingCategories.${f.category}`)}</Tag>
      </div>
      <section aria-labelledby="finding-facts">
        <Heading level={2} data-size="sm" id="finding-facts">
          {t('findingPage.facts')}
        </Heading>
        <dl className="promise-facts">
          <dt>{t('findings.place')}</dt>
          <dd>{placeOf(f)}</dd>
          <dt>{t('findings.category')}</dt>
          <dd>{t(`promiseVocab.findingCategories.${f.category}`)}</dd>
          <dt>{t('findings.problemArea')}</dt>
          <dd>{f.problemArea?.title ?? '–'}</dd>
          <dt>{t('findings.responsible')}</dt>
          <dd>{`${f.responsibleUnit.name}, ${f.responsibleOrganisation.name}`}</dd>
          <dt>{t('findings.due')}</dt>
          <dd>{date(f.dueDate, i18n.language)}</dd>
          <dt>{t('findingPage.recorded')}</dt>
          <dd>
            {dateTime(f.recordedAt, i18n.language)} —{' '}
            {t('findingPage.recordedBy', { name: f.recordedBy.displayName, organisation: f.recorderOrganisation.name })}
          </dd>
          {f.activityId && (
            <>
              <dt>{t('findingPage.activity')}</dt>
              <dd>
                <DsLink asChild>
                  <Link to={`/promise/activities/${f.activityId}`}>
                    {activity.data
                      ? t('findingPage.openActivity', {
                          kind: t(`promiseVocab.kinds.${activity.data.kind}`).toLowerCase(),
                          date: date(activity.data.occurredOn, i18n.language),
                        })
                      : t('activityReport.facts')}
                  </Link>
                </DsLink>
              </dd>
            </>
          )}
          {f.resolution && (
            <>
              <dt>{f.status === 'done' ? t('findingPage.resolution') : t('findingPage.rejection')}</dt>
              <dd>{f.resolution}</dd>
              <dt>{t('findingPage.resolvedAt')}</dt>
              <dd>{dateTime(f.resolvedAt, i18n.language)}</dd>
            </>
          )}
        </dl>
      </section>
      <section aria-labelledby="finding-photos">
        <Heading level={2} data-size="sm" id="finding-photos">
          {t('findingPage.photos')}
        </Heading>
        <FindingPhotos finding={f} mayAdd={!final && (mayWork || f.recordedBy.id === me?.user.id)} mayRemove={!final && mayWork} onChange={view.reload} />
      </section>
      <RecordAttachments kind="finding" recordId={f.id} canWrite={!final && (mayWork || f.recordedBy.id === me?.user.id)} />
      {mayWork && (
        <section aria-labelledby="finding-work" className="findings-work">
          <Heading level={2} data-size="sm" id="finding-work">
            {t('findingPage.work')}
          </Heading>
          {notice && (
            <Alert data-color={notice === 'saved' ? 'success' : 'warning'} role={notice === 'saved' ? 'status' : 'alert'}>
              {notice === 'saved' ? t('findingPage.saved') : t('findingPage.stale')}
            </Alert>
          )}
          {final ? <Paragraph>{t('findingPage.final')}</Paragraph> : <WorkOnFinding key={f.version} finding={f} onDone={done} />}
        </section>
      )}
    </>
  );
}

/** The changes the responsible unit makes: one at a time, each a PATCH with If-Match. */
function WorkOnFinding({ finding, onDone }: { finding: FindingView; onDone: (outcome: Outcome) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'done' | 'rejected' | 'reassign' | null>(null);
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const units = useLoad(
    open === 'reassign' ? () => api.GET('/api/v1/findings/responsible-units', { params: { query: { promiseId: finding.promiseId } } }) : null,
    [open, finding.promiseId],
  );

  async function change(body: UpdateFindingRequest) {
    setBusy(true);
    const { error, response } = await api.PATCH('/api/v1/findings/{id}', {
      params: { path: { id: finding.id }, header: { 'If-Match': `"${finding.version}"` } },
      body,
    });
    setBusy(false);
    if (response.status === 412) return onDone('stale');
    if (error) return setProblem(asProblem(error, response.status));
    onDone('saved');
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    if (open === 'reassign') return void change({ responsibleUnitId: text('responsibleUnitId') });
    // The api says so at the field when it is missing (finding.resolution_required).
    void change({ status: open === 'done' ? 'done' : 'rejected', ...(text('resolution') ? { resolution: text('resolution') } : {}) });
  }

  const toggle = (which: typeof open) => {
    setProblem(undefined);
    setOpen(open === which ? null : which);
  };
  return (
    <>
      <div className="row">
        {finding.status === 'open' ? (
          <Button disabled={busy} onClick={() => void change({ status: 'in_progress' })}>
            {t('findingPage.start')}
          </Button>
        ) : (
          <Button variant="secondary" disabled={busy} onClick={() => void change({ status: 'open' })}>
            {t('findingPage.reopen')}
          </Button>
        )}
        <Button variant={open === 'done' ? 'primary' : 'secondary'} aria-expanded={open === 'done'} onClick={() => toggle('done')}>
          {t('findingPage.done')}
        </Button>
        <Button variant={open === 'rejected' ? 'primary' : 'secondary'} aria-expanded={open === 'rejected'} onClick={() => toggle('rejected')}>
          {t('findingPage.reject')}
        </Button>
        <Button variant={open === 'reassign' ? 'primary' : 'secondary'} aria-expanded={open === 'reassign'} onClick={() => toggle('reassign')}>
          {t('findingPage.reassign')}
        </Button>
      </div>
      {!open && <ProblemMessage problem={problem} />}
      {(open === 'done' || open === 'rejected') && (
        <form
          key={open}
          className="protocol promise-form"
          onSubmit={submit}
          aria-label={open === 'done' ? t('findingPage.done') : t('findingPage.reject')}
          noValidate
        >
          <ProblemMessage problem={problem} />
          <Textfield
            id="resolution"
            name="resolution"
            multiline
            rows={3}
            label={open === 'done' ? t('findingPage.whatWasDone') : t('findingPage.whyRejected')}
            description={open === 'done' ? t('findingPage.whatWasDoneHelp') : t('findingPage.whyRejectedHelp')}
            error={fieldError(problem, 'resolution', open === 'done' ? t('findingPage.whatWasDone') : t('findingPage.whyRejected'))}
          />
          {fieldError(problem, 'status') && <Paragraph data-size="sm">{fieldError(problem, 'status')}</Paragraph>}
          <div>
            <Button type="submit" disabled={busy} data-color={open === 'rejected' ? 'danger' : undefined}>
              {open === 'done' ? t('findingPage.saveDone') : t('findingPage.saveReject')}
            </Button>
          </div>
        </form>
      )}
      {/* The select proposes the present unit, and a default is read once: drawn when the units are here,
          or saving at once would hand the finding to the list's first unit. */}
      {open === 'reassign' && units.loading && <Loading />}
      {open === 'reassign' && !units.loading && (
        <form className="protocol promise-form" onSubmit={submit} aria-label={t('findingPage.reassign')} noValidate>
          <ProblemMessage problem={problem ?? units.problem} />
          <SelectField
            id="responsibleUnitId"
            label={t('findingPage.newUnit')}
            defaultValue={finding.responsibleUnit.id}
            error={fieldError(problem, 'responsibleUnitId', t('findingPage.newUnit'))}
          >
            {units.data?.map((u) => (
              <option key={u.id} value={u.id}>
                {`${u.name} (${u.organisation.name})`}
              </option>
            ))}
          </SelectField>
          <div>
            <Button type="submit" disabled={busy || !units.data}>
              {t('findingPage.saveReassign')}
            </Button>
          </div>
        </form>
      )}
    </>
  );
}

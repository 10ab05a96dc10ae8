import { Alert, Button, Details, Heading, List, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Problem } from '../../api/client';
import { type components, youthMeetingKindValues } from '../../api/schema';
import { date, dateTime, EmptyState, ProblemMessage } from '../../components/common';
import { EntryFields, entryFields } from './Entries';
import { FormStatus, text, useApiForm } from './forms';
import { SelectField } from '../../components/forms';
import { RecordDocuments } from '../documents/Documents';

type MeetingKind = components['schemas']['YouthMeetingKind'];
type Meeting = components['schemas']['YouthMeetingView'];

/** Network and follow-up meetings; once held, their minutes become an entry of the case. */
export function Meetings(props: {
  caseId: string;
  meetings: { data?: Meeting[]; problem?: Problem; reload: () => void };
  canWrite: boolean;
  onMinutes: () => void;
}) {
  const { t, i18n } = useTranslation();
  const items = props.meetings.data;
  // The minutes form goes away with the meeting it was for (now held): the message stays here.
  const [minuted, setMinuted] = useState(false);
  return (
    <section id="case-meetings">
      <Heading level={2} data-size="sm">
        {t('youthMeetings.title')}
      </Heading>
      <ProblemMessage problem={props.meetings.problem} />
      {minuted && (
        <Alert data-color="success" role="status">
          {t('youthMeetings.minutesSaved')}
        </Alert>
      )}
      {items?.length ? (
        <List.Unordered>
          {items.map((m) => (
            <List.Item key={m.id}>
              <div className="youth-item">
                <div className="row">
                  <strong>
                    {t(`youthMeetings.kinds.${m.kind}`)}, {dateTime(m.plannedAt, i18n.language)}
                  </strong>
                  <Tag data-color={m.heldOn ? 'success' : 'info'}>
                    {m.heldOn ? t('youthMeetings.held', { date: date(m.heldOn, i18n.language) }) : t('youthMeetings.planned')}
                  </Tag>
                </div>
                {m.attendees && <Paragraph data-size="sm">{m.attendees}</Paragraph>}
                {m.heldOn && (
                  <RecordDocuments
                    recordType="youth_meeting"
                    recordId={m.id}
                    kinds={['meeting_minutes']}
                    id={`meeting-${m.id}-documents`}
                    title={t('documents.meetingTitle')}
                    canIssue={props.canWrite}
                    compact
                  />
                )}
                {props.canWrite && !m.heldOn && (
                  <MinutesForm
                    caseId={props.caseId}
                    meeting={m}
                    onSaved={() => {
                      setMinuted(true);
                      props.meetings.reload();
                      props.onMinutes();
                    }}
                  />
                )}
              </div>
            </List.Item>
          ))}
        </List.Unordered>
      ) : (
        items && <EmptyState>{t('youthMeetings.empty')}</EmptyState>
      )}
      {props.canWrite && <MeetingForm caseId={props.caseId} onSaved={props.meetings.reload} />}
    </section>
  );
}

function MeetingForm({ caseId, onSaved }: { caseId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm('meeting');

  async function plan(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const data = new FormData(element);
    const local = String(data.get('plannedAt') ?? '');
    await form.send(
      () =>
        api.POST('/api/v1/youth-cases/{id}/meetings', {
          params: { path: { id: caseId } },
          // The browser's local time, sent as an instant.
          body: { kind: String(data.get('kind')) as MeetingKind, plannedAt: local ? new Date(local).toISOString() : '', attendees: text(data, 'attendees') },
        }),
      () => {
        element.reset();
        onSaved();
      },
    );
  }

  return (
    <Details>
      <Details.Summary>{t('youthMeetings.add')}</Details.Summary>
      <Details.Content>
        <form className="protocol" onSubmit={(e) => void plan(e)}>
          <FormStatus form={form} success={t('youthMeetings.saved')} />
          <SelectField id={form.id('kind')} name="kind" label={t('youthMeetings.kind')} defaultValue="network" error={form.error('kind')}>
            {youthMeetingKindValues.map((k) => (
              <option key={k} value={k}>
                {t(`youthMeetings.kinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <Textfield
            id={form.id('plannedAt')}
            name="plannedAt"
            type="datetime-local"
            label={t('youthMeetings.plannedAt')}
            required
            error={form.error('plannedAt')}
          />
          <Textfield id={form.id('attendees')} name="attendees" label={t('youthMeetings.attendees')} maxLength={1000} error={form.error('attendees')} />
          <div>
            <Button type="submit" disabled={form.busy}>
              {t('youthMeetings.submit')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}

function MinutesForm({ caseId, meeting, onSaved }: { caseId: string; meeting: Meeting; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm(`minutes-${meeting.id}`);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    await form.send(
      () =>
        api.POST('/api/v1/youth-cases/{id}/meetings/{meetingId}/minutes', { params: { path: { id: caseId, meetingId: meeting.id } }, body: entryFields(data) }),
      onSaved,
    );
  }

  return (
    <Details>
      <Details.Summary>{t('youthMeetings.minutes')}</Details.Summary>
      <Details.Content>
        <form className="protocol" onSubmit={(e) => void save(e)}>
          <FormStatus form={form} />
          <EntryFields form={form} dateLabel={t('youthMeetings.heldOn')} bodyLabel={t('youthMeetings.body')} />
          <div>
            <Button type="submit" disabled={form.busy}>
              {t('youthMeetings.minutesSubmit')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}

import { Alert, Button, Heading, List, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { useLoad } from '../../components/common';
import { useSession } from '../../session';
import { FormStatus, text, useApiForm } from './forms';
import { SelectField } from '../../components/forms';

type Status = components['schemas']['YouthCaseStatus'];
/** Where a request may move a case (never to `purged`: only retention does that). */
type Target = components['schemas']['TransitionInput']['to'];
type Participant = components['schemas']['YouthParticipantView'];

/**
 * The next step of the case, among those the api says it can take from here; closing is for
 * those who may close (youth_case:close). The api checks the rest (e.g. a valid consent before the
 * mapping of an SSPF case).
 */
export function StatusChange({ caseId, version, nextStatuses, onChanged }: { caseId: string; version: number; nextStatuses: Status[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const form = useApiForm('status');
  const [changedTo, setChangedTo] = useState<Target>();
  const options = nextStatuses.filter((s) => can(s === 'closed' ? 'youth_case:close' : 'youth_case:update'));
  if (options.length === 0) return null;

  async function move(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const data = new FormData(element);
    const to = String(data.get('to')) as Target;
    await form.send(
      () =>
        api.POST('/api/v1/youth-cases/{id}/transition', {
          params: { path: { id: caseId }, header: { 'If-Match': `"${version}"` } },
          body: { to, reason: text(data, 'reason') },
        }),
      () => {
        element.reset();
        setChangedTo(to);
        onChanged();
      },
    );
  }

  return (
    <form className="protocol youth-status" onSubmit={(e) => void move(e)}>
      <Heading level={2} data-size="xs">
        {t('youthStatus.heading')}
      </Heading>
      <FormStatus form={form} success={changedTo && t('youthStatus.changed', { status: t(`statuses.${changedTo}`) })} />
      <SelectField id={form.id('to')} name="to" label={t('youthStatus.next')} defaultValue={options[0]} error={form.error('to')}>
        {options.map((s) => (
          <option key={s} value={s}>
            {t(`statuses.${s}`)}
          </option>
        ))}
      </SelectField>
      <Textfield id={form.id('reason')} name="reason" label={t('youthStatus.reason')} maxLength={2000} error={form.error('reason')} />
      <div>
        <Button type="submit" disabled={form.busy}>
          {t('youthStatus.submit')}
        </Button>
      </div>
    </form>
  );
}

/**
 * Who works with the case: its coordinator and contact persons; a contact is chosen from the staff
 * of the case's unit, and can be taken off.
 */
export function Participants({
  caseId,
  unitId,
  participants,
  canManage,
  onChanged,
}: {
  caseId: string;
  unitId: string;
  participants: Participant[];
  canManage: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const form = useApiForm('participants');
  const [removed, setRemoved] = useState<string>();

  async function remove(p: Participant) {
    await form.send(
      () => api.DELETE('/api/v1/youth-cases/{id}/participants/{userId}', { params: { path: { id: caseId, userId: p.userId } } }),
      () => {
        setRemoved(p.displayName);
        onChanged();
      },
    );
  }

  return (
    <section id="case-participants">
      <Heading level={2} data-size="sm">
        {t('youthParticipants.title')}
      </Heading>
      <FormStatus form={form} />
      {removed && form.done && (
        <Alert data-color="success" role="status">
          {t('youthParticipants.removed', { name: removed })}
        </Alert>
      )}
      <List.Unordered>
        {participants.map((p) => (
          <List.Item key={p.userId}>
            {p.displayName} ({p.organisation}) — {t(`youthParticipants.roles.${p.role}`)}
            {canManage && p.role === 'contact' && (
              <>
                {' '}
                <Button variant="tertiary" data-size="sm" onClick={() => void remove(p)}>
                  {t('youthParticipants.remove', { name: p.displayName })}
                </Button>
              </>
            )}
          </List.Item>
        ))}
      </List.Unordered>
      {canManage && <AddContact caseId={caseId} unitId={unitId} participants={participants} onChanged={onChanged} />}
    </section>
  );
}

/** Adds a contact person from the unit's staff (the api refuses anyone outside the unit). */
function AddContact({ caseId, unitId, participants, onChanged }: { caseId: string; unitId: string; participants: Participant[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm('contact');
  const [added, setAdded] = useState<string>();
  const staff = useLoad(() => api.GET('/api/v1/youth-cases/staff', { params: { query: { unitId } } }), [unitId]);
  const choices = (staff.data?.members ?? []).filter((m) => !participants.some((p) => p.userId === m.userId));
  if (choices.length === 0) return null;

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const userId = String(new FormData(event.currentTarget).get(form.id('userId')) ?? '');
    const name = choices.find((m) => m.userId === userId)?.displayName;
    await form.send(
      () => api.POST('/api/v1/youth-cases/{id}/participants', { params: { path: { id: caseId } }, body: { userId } }),
      () => {
        setAdded(name);
        onChanged();
      },
    );
  }

  return (
    <form className="protocol" onSubmit={(e) => void add(e)}>
      <FormStatus form={form} success={added && t('youthParticipants.added', { name: added })} />
      <SelectField id={form.id('userId')} label={t('youthParticipants.person')} error={form.error('userId')} defaultValue="" required>
        <option value="">{t('youthNew.choose')}</option>
        {choices.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.displayName}
          </option>
        ))}
      </SelectField>
      <div>
        <Button type="submit" variant="secondary" data-size="sm" disabled={form.busy}>
          {t('youthParticipants.add')}
        </Button>
      </div>
    </form>
  );
}

import { Button, Heading, List } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asProblem, type Problem } from '../../api/client';
import { EmptyState, ProblemMessage } from '../../components/common';
import type { components } from '../../api/schema';
import { ParticipantPicker, participantIds, type Participants } from './ParticipantPicker';

type Participant = components['schemas']['ParticipantView'];

const chosen = (list: Participant[]): Participants => ({
  users: new Map(list.filter((p) => p.type === 'user').map((p) => [p.id, p.name])),
  units: new Map(list.filter((p) => p.type === 'unit').map((p) => [p.id, p.name])),
});

/**
 * Who takes part (each gets read and report access); the commander changes the whole list at once,
 * against the version shown (If-Match), and saying so when the new list is empty (removeAll).
 */
export function ParticipantsSection(props: { operationId: string; version: number; participants: Participant[]; canEdit: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Participants>();
  const [problem, setProblem] = useState<Problem>();

  async function save() {
    const ids = participantIds(editing!);
    const none = ids.userIds.length === 0 && ids.unitIds.length === 0;
    const { error, response } = await api.PUT('/api/v1/operations/{id}/participants', {
      params: { path: { id: props.operationId }, header: { 'If-Match': `"${props.version}"` } },
      body: none ? { removeAll: true } : ids,
    });
    setProblem(error ? asProblem(error, response.status) : undefined);
    if (!error) {
      setEditing(undefined);
      props.onSaved();
    }
  }

  return (
    <section className="protocol" aria-labelledby="participants-heading">
      <Heading level={2} data-size="sm" id="participants-heading">
        {t('operations.participants')}
      </Heading>
      {props.participants.length === 0 ? (
        <EmptyState>{t('operationsParticipants.none')}</EmptyState>
      ) : (
        <List.Unordered>
          {props.participants.map((p) => (
            <List.Item key={p.id}>{p.type === 'unit' ? t('operationsParticipants.unit', { name: p.name }) : p.name}</List.Item>
          ))}
        </List.Unordered>
      )}
      {props.canEdit && !editing && (
        <div>
          <Button
            variant="secondary"
            onClick={() => {
              setProblem(undefined);
              setEditing(chosen(props.participants));
            }}
          >
            {t('operationsParticipants.change')}
          </Button>
        </div>
      )}
      {editing && (
        <div className="protocol">
          <ProblemMessage problem={problem} />
          <ParticipantPicker value={editing} onChange={setEditing} problem={problem} />
          <div className="row">
            <Button onClick={() => void save()}>{t('operationsParticipants.save')}</Button>
            <Button variant="tertiary" onClick={() => setEditing(undefined)}>
              {t('operationsCommon.cancel')}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}

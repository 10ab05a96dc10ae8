import { Checkbox, Fieldset, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Problem } from '../../api/client';
import { Loading, ProblemMessage, useLoad } from '../../components/common';
import { fieldError } from '../../components/forms';

/** Who takes part: officers and units by id, with the names to show for those chosen. */
export interface Participants {
  users: Map<string, string>;
  units: Map<string, string>;
}

export const noParticipants = (): Participants => ({ users: new Map(), units: new Map() });

/** The api's body for the chosen participants. */
export const participantIds = (p: Participants) => ({ userIds: [...p.users.keys()], unitIds: [...p.units.keys()] });

// The api lists at most 200 a page; a police area with more officers than that searches by name.
const LIMIT = 200;

/**
 * Checkboxes of the police area's officers and commanders, and of its units (the api's lists
 * of those a commander may name). Those already chosen stay listed while a search narrows the rest.
 */
export function ParticipantPicker({ value, onChange, problem }: { value: Participants; onChange: (next: Participants) => void; problem?: Problem }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const colleagues = useLoad(() => api.GET('/api/v1/operations/colleagues', { params: { query: { limit: LIMIT, q: q.trim() || undefined } } }), [q]);
  const units = useLoad(() => api.GET('/api/v1/operations/units', { params: { query: { limit: LIMIT } } }), []);

  const listed = colleagues.data?.items ?? [];
  const chosenElsewhere = [...value.users].filter(([id]) => !listed.some((c) => c.id === id));
  const searchable = !!q || (colleagues.data?.total ?? 0) > listed.length;

  function toggle(kind: 'users' | 'units', id: string, name: string, on: boolean) {
    const next = new Map(value[kind]);
    if (on) next.set(id, name);
    else next.delete(id);
    onChange({ ...value, [kind]: next });
  }

  return (
    <>
      <Fieldset id="userIds">
        <Fieldset.Legend>{t('operationsParticipants.officers')}</Fieldset.Legend>
        <Fieldset.Description>{t('operationsParticipants.officersHelp')}</Fieldset.Description>
        {searchable && <Textfield label={t('operationsParticipants.search')} type="search" value={q} onChange={(e) => setQ(e.target.value)} />}
        <ProblemMessage problem={colleagues.problem} />
        {colleagues.loading && !colleagues.data && <Loading />}
        {chosenElsewhere.map(([id, name]) => (
          <Checkbox key={id} label={name} checked onChange={() => toggle('users', id, name, false)} />
        ))}
        {listed.map((c) => (
          <Checkbox
            key={c.id}
            label={`${c.displayName} (${c.units.join(', ')})`}
            checked={value.users.has(c.id)}
            onChange={(e) => toggle('users', c.id, c.displayName, e.target.checked)}
          />
        ))}
        {colleagues.data && listed.length === 0 && <Paragraph data-size="sm">{t('operationsParticipants.noneFound')}</Paragraph>}
        {fieldError(problem, 'userIds') && <ValidationMessage>{fieldError(problem, 'userIds')}</ValidationMessage>}
      </Fieldset>
      <Fieldset id="unitIds">
        <Fieldset.Legend>{t('operationsParticipants.units')}</Fieldset.Legend>
        <Fieldset.Description>{t('operationsParticipants.unitsHelp')}</Fieldset.Description>
        <ProblemMessage problem={units.problem} />
        {units.data?.items.map((u) => (
          <Checkbox key={u.id} label={u.name} checked={value.units.has(u.id)} onChange={(e) => toggle('units', u.id, u.name, e.target.checked)} />
        ))}
        {fieldError(problem, 'unitIds') && <ValidationMessage>{fieldError(problem, 'unitIds')}</ValidationMessage>}
      </Fieldset>
    </>
  );
}

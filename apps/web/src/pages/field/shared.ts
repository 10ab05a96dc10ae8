import type { components } from '../../api/schema';

export type ActivityKind = components['schemas']['ActivityKind'];
export type FieldChoices = components['schemas']['FieldChoicesView'];

/** The kinds recorded out of doors with one tap from the start page, in the order the buttons show. */
export const FIELD_KINDS = ['guard_patrol', 'safety_walk', 'speed_check'] as const satisfies readonly ActivityKind[];
export type FieldKind = (typeof FIELD_KINDS)[number];

export const isFieldKind = (kind: string | undefined): kind is FieldKind => FIELD_KINDS.includes(kind as FieldKind);

/** The field kinds the caller may record somewhere: a running promise has a commitment taking it that they may record under. */
export function recordableKinds(choices: FieldChoices | undefined): FieldKind[] {
  const offered = new Set(choices?.collaborations.flatMap((c) => c.commitments.map((m) => m.activityKind)) ?? []);
  return FIELD_KINDS.filter((k) => offered.has(k));
}

import { Link as DsLink } from '@digdir/designsystemet-react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useLoad } from '../../components/common';
import type { Page } from '../../components/Pager';

/*
 * What the promise screens share: the shapes the api answers with (read from libs/promises'
 * services), the api's vocabularies (to label them), the chosen promise, and small form helpers.
 */

export type Party = 'joint' | 'police' | 'municipality';
export type ActionStatus = 'planned' | 'in_progress' | 'blocked' | 'done' | 'cancelled';
export type Side = 'police' | 'municipality';

/** promises.service.ts PromiseView */
export interface PromiseView {
  id: string;
  collaborationId: string;
  collaborationName: string;
  title: string;
  summary: string;
  periodStart: string;
  periodEnd: string;
  status: string;
  published: boolean;
  version: number;
  problemAreas: { id: string; position: number; title: string; description: string }[];
}

/** promises.service.ts CommitmentView */
export interface CommitmentView {
  id: string;
  promiseId: string;
  problemAreaId: string;
  problemAreaTitle: string;
  party: Party;
  text: string;
  target: { value: number; unit: string; period: 'year' | 'promise_period'; metric: string | null } | null;
}

/** actions.service.ts ActionView */
export interface ActionView {
  id: string;
  commitmentId: string;
  promiseId: string;
  party: Party;
  title: string;
  description: string;
  responsibleOrganisation: { id: string; name: string };
  responsibleUnit: { id: string; name: string } | null;
  responsibleUser: { id: string; displayName: string } | null;
  startDate: string | null;
  dueDate: string;
  status: ActionStatus;
  statusReason: string | null;
  progress: number;
  weight: number;
  overdue: boolean;
  version: number;
}

/** activities.service.ts ActivityView */
export interface ActivityView {
  id: string;
  commitmentId: string;
  actionId: string | null;
  occurredOn: string;
  place: string;
  kind: ActivityKind;
  participatingOrganisations: { id: string; name: string }[];
  metrics: Record<string, number>;
  note: string;
  source: string;
}

/* The api's vocabularies (libs/promises/src/vocabulary.ts); labels live in messages.ts. */
export const ACTION_STATUSES: readonly ActionStatus[] = ['planned', 'in_progress', 'blocked', 'done', 'cancelled'];
export const PARTIES: readonly Party[] = ['joint', 'police', 'municipality'];
export const SIDES: readonly Side[] = ['police', 'municipality'];
export const ACTIVITY_KINDS = [
  'speed_check',
  'traffic_operation',
  'neighbourhood_watch',
  'guard_patrol',
  'safety_walk',
  'prevention_session',
  'licensed_premises_inspection',
  'drug_sale_operation',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ASSESSMENTS = ['achieved', 'partly', 'not_achieved', 'not_assessed'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];
export const DECISIONS = ['continue', 'adjust', 'extend', 'new_promise'] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * The counts people usually record for each kind of activity (the names the demo data and other
 * modules use). The api accepts any snake_case name; these are only what the form offers.
 */
export const KIND_METRICS: Record<ActivityKind, readonly string[]> = {
  speed_check: ['vehicles_checked', 'speeding_offences'],
  traffic_operation: ['vehicles_checked', 'reports_filed'],
  neighbourhood_watch: ['new_areas', 'households'],
  guard_patrol: ['findings', 'contacts_with_youth'],
  safety_walk: ['participants', 'findings'],
  prevention_session: ['participants'],
  licensed_premises_inspection: ['premises_visited', 'remarks'],
  drug_sale_operation: ['arrests', 'reports_filed'],
  other: ['participants'],
};

/** The tag colour of an action status; the text of the tag carries the meaning. */
export const STATUS_COLOUR: Record<ActionStatus, string> = {
  planned: 'neutral',
  in_progress: 'info',
  blocked: 'warning',
  done: 'success',
  cancelled: 'neutral',
};

/**
 * The promise the screens show: `?promise=<id>` when one was chosen, otherwise the newest of the
 * caller's collaborations (the api lists them newest first).
 */
export function useCurrentPromise() {
  const [params] = useSearchParams();
  const chosen = params.get('promise');
  const promises = useLoad<Page<PromiseView>>(() => api.GET('/api/v1/promises', { params: { query: { limit: 50 } } }), []);
  const items = promises.data?.items ?? [];
  const promise = items.find((p) => p.id === chosen) ?? items[0];
  return { promise, promises: items, chosen, loading: promises.loading, problem: promises.problem };
}

/** A path within the promise area that keeps the chosen promise (if one was chosen). */
export function promisePath(path: string, chosen: string | null, query: Record<string, string> = {}): string {
  const params = new URLSearchParams(query);
  if (chosen) params.set('promise', chosen);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** A back link inside the promise area. */
export function BackLink({ to, children }: { to: string; children: string }) {
  return <DsLink asChild><Link to={to}>{children}</Link></DsLink>;
}

export const percent = (value: number | null | undefined) => (value === null || value === undefined ? '–' : `${Math.round(value)} %`);

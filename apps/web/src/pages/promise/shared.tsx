import { Button, Field, Label, Link as DsLink, Paragraph, Select, ValidationMessage } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, type Problem } from '../../api/client';
import { useLoad } from '../../components/common';

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

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
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

/** The api's message for one field of a 400 answer, shown next to that field. */
export function fieldError(problem: Problem | undefined, field: string): string | undefined {
  const messages = problem?.errors?.filter((e) => e.field === field).map((e) => e.message);
  return messages?.length ? messages.join(' ') : undefined;
}

/** A labelled select whose id is the api's field name, with the api's error under it. */
export function SelectField(props: {
  id: string;
  label: string;
  name?: string;
  defaultValue?: string;
  value?: string;
  onChange?: (value: string) => void;
  error?: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Field>
      <Label htmlFor={props.id}>{props.label}</Label>
      {props.description && <Paragraph data-size="sm" data-field="description">{props.description}</Paragraph>}
      <Select
        id={props.id}
        name={props.name ?? props.id}
        defaultValue={props.value === undefined ? props.defaultValue : undefined}
        value={props.value}
        onChange={props.onChange && ((e) => props.onChange!(e.target.value))}
        width="full"
      >
        {props.children}
      </Select>
      {props.error && <ValidationMessage>{props.error}</ValidationMessage>}
    </Field>
  );
}

/** Previous/next through a list paged by the api (limit/offset in the query string). */
export function Pager({ page, onOffset }: { page: Page<unknown>; onOffset: (offset: number) => void }) {
  const { t } = useTranslation();
  if (page.total === 0) return null;
  const first = page.offset + 1;
  const last = page.offset + page.items.length;
  return (
    <nav aria-label={t('promiseVocab.pages')} className="row">
      <Paragraph data-size="sm" role="status">{t('promiseVocab.showing', { first, last, total: page.total })}</Paragraph>
      {page.offset > 0 && (
        <Button variant="secondary" data-size="sm" onClick={() => onOffset(Math.max(0, page.offset - page.limit))}>{t('promiseVocab.previous')}</Button>
      )}
      {last < page.total && (
        <Button variant="secondary" data-size="sm" onClick={() => onOffset(page.offset + page.limit)}>{t('promiseVocab.next')}</Button>
      )}
    </nav>
  );
}

/** A back link inside the promise area. */
export function BackLink({ to, children }: { to: string; children: string }) {
  return <DsLink asChild><Link to={to}>{children}</Link></DsLink>;
}

/** Today's date in Stockholm, as the api's calendar dates (YYYY-MM-DD). */
export function todayInStockholm(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

export const percent = (value: number | null | undefined) => (value === null || value === undefined ? '–' : `${Math.round(value)} %`);

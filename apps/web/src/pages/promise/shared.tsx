import { Link as DsLink } from '@digdir/designsystemet-react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { useLoad } from '../../components/common';
import { todayInStockholm } from '../../components/time';

/*
 * What the promise screens share: colours and form helpers keyed by the api's vocabularies, the
 * chosen promise, and small helpers. The shapes and vocabularies themselves come from the api's
 * document (../../api/schema); labels live in messages.ts.
 */

type ActivityKind = components['schemas']['ActivityKind'];
type ActionStatus = components['schemas']['ActionStatus'];

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
 * The promise the screens show: `?promise=<id>` when one was chosen, otherwise the one in force
 * today, else the newest that is not a draft (the api lists them newest first).
 */
export function useCurrentPromise() {
  const [params] = useSearchParams();
  const chosen = params.get('promise');
  // Loaded again when another promise is chosen: it may be one just started (the next promise).
  const promises = useLoad(() => api.GET('/api/v1/promises', { params: { query: { limit: 50 } } }), [chosen]);
  const items = promises.data?.items ?? [];
  const today = todayInStockholm();
  // Not a draft by default: the next promise, being planned, is opened by choice (?promise=).
  const promise =
    items.find((p) => p.id === chosen) ??
    items.find((p) => p.status !== 'draft' && p.periodStart <= today && today <= p.periodEnd) ??
    items.find((p) => p.status !== 'draft') ??
    items[0];
  return { promise, promises: items, chosen, loading: promises.loading, problem: promises.problem, reload: promises.reload };
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
  return (
    <DsLink asChild>
      <Link to={to}>{children}</Link>
    </DsLink>
  );
}

export const percent = (value: number | null | undefined) => (value === null || value === undefined ? '–' : `${Math.round(value)} %`);

/** A figure as people read it: a whole-period target due part-way is a decimal (5,3), written the Swedish way. */
export function figure(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 1 }).format(value);
}

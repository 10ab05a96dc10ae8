import { Alert, ErrorSummary, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { type DependencyList, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../api/client';
import { fieldErrorText, problemText } from '../api/problem-text';
import { formatDate, formatDateTime } from './time';

/**
 * Loads data for a screen; `reload` runs it again after a change. The data's type is the typed
 * client's answer for the route (from the OpenAPI document), never written by hand. A null `load` waits (nothing to
 * load yet). A reload keeps showing the data it refreshes; an answer to an earlier query (the deps
 * changed, e.g. another filter or year) is never shown, so a screen cannot show the last query's
 * rows under the new one's heading while the new answer is on its way.
 */
export function useLoad<T>(load: (() => Promise<{ data?: T; error?: unknown; response: Response }>) | null, deps: DependencyList) {
  const key = JSON.stringify(deps);
  const [state, setState] = useState<{ key?: string; data?: T; problem?: Problem; loading: boolean }>({ loading: false });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!load) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    void load().then(({ data, error, response }) => {
      if (!live) return;
      setState(error ? { key, problem: { ...(error as Problem), status: response.status }, loading: false } : { key, data, loading: false });
    });
    return () => {
      live = false;
    };
    // The caller names what the load depends on (like useEffect's list).
  }, [...deps, tick]);
  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    problem: current ? state.problem : undefined,
    loading: load !== null && (!current || state.loading),
    reload: () => setTick((t) => t + 1),
  };
}

export function Loading() {
  const { t } = useTranslation();
  return <Spinner aria-label={t('app.loading')} data-size="md" />;
}

/**
 * An api error where it belongs: field errors as a list that links to the fields, else one
 * message. Every sentence is said from the error's code and params in the reader's language
 * (api/problem-text.ts), never the api's English `detail` or `message`.
 */
export function ProblemMessage({ problem }: { problem?: Problem }) {
  const { t } = useTranslation();
  if (!problem) return null;
  if (problem.status === 404 || addressNotValid(problem)) return <Alert data-color="warning">{t('errors.notFound')}</Alert>;
  if (problem.errors?.length) {
    return (
      <ErrorSummary>
        <ErrorSummary.Heading>{t('errors.fields')}</ErrorSummary.Heading>
        <ErrorSummary.List>
          {problem.errors.map((e) => (
            <ErrorSummary.Item key={`${e.field} ${e.code}`}>
              <ErrorSummary.Link href={`#${e.field}`}>{fieldErrorText(e)}</ErrorSummary.Link>
            </ErrorSummary.Item>
          ))}
        </ErrorSummary.List>
      </ErrorSummary>
    );
  }
  return (
    <Alert data-color="danger">
      {problemText(problem)}
      {problem.status >= 500 && problem.requestId ? ` ${t('errors.reference', { requestId: problem.requestId })}` : ''}
    </Alert>
  );
}

/**
 * A mistyped address (`/youth/cases/abc`): the api refuses the id in the path as no UUID. For
 * the reader that is a page that does not exist, as a 404 is.
 */
const addressNotValid = (problem: Problem) =>
  problem.status === 400 && !!problem.errors?.length && problem.errors.every((e) => e.field === 'id' && e.code === 'field.uuid');

/** What to do when a list is empty, instead of a bare table. */
export function EmptyState({ children }: { children: string }) {
  return (
    <Paragraph data-size="sm" className="empty">
      {children}
    </Paragraph>
  );
}

export function PageTitle({ children }: { children: string }) {
  useEffect(() => {
    document.title = `${children} – Samverkan`;
  }, [children]);
  return (
    <Heading level={1} data-size="lg">
      {children}
    </Heading>
  );
}

/**
 * Dates on screen, written one way everywhere (components/time.ts): `date` for days — a calendar
 * day shows as that day, an instant as its Stockholm day ("30 september 2022") — and `dateTime`
 * for instants ("30 september 2022 kl. 14:00"). The language is the app's current one unless given.
 */
export const date = (value: string | null | undefined, language?: string) => formatDate(value, language);
export const dateTime = (value: string | null | undefined, language?: string) => formatDateTime(value, language);

/** A deadline's due time: the day of a deadline "by the end of a day" (`dueOn`), else its date and time. */
export const dueLabel = (deadline: { dueAt: string; dueOn: string | null }, language?: string) =>
  deadline.dueOn ? formatDate(deadline.dueOn, language) : formatDateTime(deadline.dueAt, language);

/**
 * A table's own scroll box: a table wider than the screen (a phone) scrolls inside it, never the
 * page. While it does scroll, the box takes keyboard focus so the arrow keys reach the hidden
 * columns (WCAG 2.1.1); when the table fits, it is no extra stop for the Tab key.
 */
export function TableWrap({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of Array.from(element.children)) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} className="table-wrap" tabIndex={scrolls ? 0 : undefined}>
      {children}
    </div>
  );
}

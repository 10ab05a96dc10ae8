import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list screen's filters and page, kept in the address so that a reload, a shared link and
 * back/forward show the same list.
 */
export function useListQuery(options: { keep?: readonly string[] } = {}) {
  const [params, setParams] = useSearchParams();

  /**
   * The submitted filter form's non-empty fields become the query (back to the first page); the
   * names in `keep` (e.g. the chosen promise) stay as they were.
   */
  function applyFilters(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of options.keep ?? []) {
      const kept = params.get(name);
      if (kept) next.set(name, kept);
    }
    for (const [name, value] of new FormData(event.currentTarget)) {
      const text = typeof value === 'string' ? value.trim() : '';
      if (text) next.set(name, text);
    }
    setParams(next);
  }

  /** Another page of the same list. */
  function goToOffset(offset: number) {
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set('offset', String(offset));
      return next;
    });
  }

  return { params, setParams, applyFilters, goToOffset };
}

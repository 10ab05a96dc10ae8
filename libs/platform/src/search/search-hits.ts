import { escapeLike } from '../text/escape.js';

/**
 * The header search (issue #17): each lib finds its own kind of record through a small search
 * method of its own (one owner per table) and answers in these terms; libs/search groups them.
 */

/** One record found: what the list shows and where the web client opens it. */
export interface SearchHit {
  id: string;
  /** The record's name, title or number. */
  label: string;
  /** A second line that tells two alike apart (an address, an organisation number, the promise). */
  secondary: string;
  /** The web client's path of the record, e.g. `/inspections/premises/<id>`. */
  link: string;
}

/** At most `limit` hits of one kind, and whether more matched. */
export interface SearchHits {
  items: SearchHit[];
  more: boolean;
}

/**
 * SQL: `column` contains the term bound to `:param` (see `containsPattern`), whatever the case and
 * accents. `search_fold` is the SearchIndexes migration's; a trigram index on `search_fold(column)`
 * backs it.
 */
export function foldedContains(column: string, param: string): string {
  return `search_fold(${column}) LIKE search_fold(:${param})`;
}

/** The LIKE pattern for a term: anywhere in the text, its own %, _ and \ taken literally. */
export function containsPattern(term: string): string {
  return `%${escapeLike(term)}%`;
}

/** Rows fetched with `LIMIT limit + 1` as hits: the extra row only says there are more. */
export function hitsOf(rows: SearchHit[], limit: number): SearchHits {
  return { items: rows.slice(0, limit), more: rows.length > limit };
}

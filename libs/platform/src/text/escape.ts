/** Text for an HTML page: the five characters that could open markup are escaped. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A search term for ILIKE: its own %, _ and \ match literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * CSV as Swedish Excel opens it: UTF-8 with a byte-order mark, semicolons, CRLF, every field
 * quoted (quotes doubled).
 */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  const quote = (value: unknown) => `"${String(value ?? '').replaceAll('"', '""')}"`;
  return `\uFEFF${rows.map((row) => row.map(quote).join(';')).join('\r\n')}\r\n`;
}

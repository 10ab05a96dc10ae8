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
 * quoted (quotes doubled). Text that a spreadsheet would run as a formula (=, +, -, @, tab or CR
 * first: CSV injection, OWASP) gets a leading apostrophe, so it is shown, never evaluated; numbers
 * stay numbers.
 */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  const quote = (value: unknown) => `"${csvText(value).replaceAll('"', '""')}"`;
  return `\uFEFF${rows.map((row) => row.map(quote).join(';')).join('\r\n')}\r\n`;
}

function csvText(value: unknown): string {
  const text = String(value ?? '');
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

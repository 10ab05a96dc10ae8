/**
 * Whether a search box entry looks like a personal identity or coordination number (12 digits, or
 * 10 whose month place is 01–12; an organisation number has 20 or more there). Such an entry is
 * never put in the address: it goes to the results page in the router's state, so it stays out
 * of the browser's history and of links. The api decides what the entry is (`personalNumber`).
 */
export function looksLikePersonalNumber(entry: string): boolean {
  const compact = entry.replace(/\s+/g, '');
  if (/^\d{8}[-+]?\d{4}$/.test(compact)) return true;
  const ten = /^\d{2}(\d{2})\d{2}[-+]?\d{4}$/.exec(compact);
  return !!ten && Number(ten[1]) >= 1 && Number(ten[1]) <= 12;
}

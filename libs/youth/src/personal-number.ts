/**
 * Swedish personal identity numbers (personnummer, folkbokföringslagen 18 §) and coordination
 * numbers (samordningsnummer: the day of birth plus 60). Accepted as YYYYMMDD-NNNC, YYYYMMDDNNNC,
 * YYMMDD-NNNC or YYMMDD+NNNC (+: a hundred years or older); stored canonically as 12 digits.
 */
export interface PersonalNumber {
  /** YYYYMMDDNNNC */
  canonical: string;
  /** The real date of birth, YYYY-MM-DD (for a coordination number, the day minus 60). */
  birthDate: string;
  coordinationNumber: boolean;
}

const PATTERN = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

/** The Luhn check digit of the nine digits YYMMDDNNN. */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Parses and validates (format, date, check digit) a personal or coordination number; null when
 * invalid. `today` (YYYY-MM-DD) decides the century of a 10-digit number.
 */
export function parsePersonalNumber(input: string, today: string): PersonalNumber | null {
  const match = PATTERN.exec(input.replace(/\s+/g, ''));
  if (!match) return null;
  const [, century, yy, mm, dd, separator, serial, check] = match;
  if (century && separator === '+') return null;
  const month = Number(mm);
  const rawDay = Number(dd);
  const coordinationNumber = rawDay > 60;
  const day = coordinationNumber ? rawDay - 60 : rawDay;
  let year: number;
  if (century) {
    year = Number(century + yy);
  } else {
    // The latest century in which the date is not in the future; '+' moves it a hundred years back.
    const [thisYear] = today.split('-').map(Number);
    year = Math.floor(thisYear / 100) * 100 + Number(yy);
    if (`${year}-${mm}-${String(day).padStart(2, '0')}` > today) year -= 100;
    if (separator === '+') year -= 100;
  }
  if (!isRealDate(year, month, day)) return null;
  const birthDate = `${year}-${mm}-${String(day).padStart(2, '0')}`;
  if (birthDate > today) return null;
  if (luhnCheckDigit(`${yy}${mm}${dd}${serial}`) !== Number(check)) return null;
  return { canonical: `${year}${mm}${dd}${serial}${check}`, birthDate, coordinationNumber };
}

/** Shown everywhere by default: the date part only (YYYYMMDD-****). */
export function maskPersonalNumber(canonical: string): string {
  return `${canonical.slice(0, 8)}-****`;
}

/** YYYYMMDD-NNNC, the way people write it. */
export function formatPersonalNumber(canonical: string): string {
  return `${canonical.slice(0, 8)}-${canonical.slice(8)}`;
}

/** Age in whole years on `on` (YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

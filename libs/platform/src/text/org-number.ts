/** A Swedish organisation number (or, for a sole trader, personal identity number): NNNNNN-NNNN with a Luhn check digit. */
export function isValidOrgNumber(value: string): boolean {
  const match = /^(\d{6})-?(\d{4})$/.exec(value.trim());
  if (!match) return false;
  const digits = `${match[1]}${match[2]}`;
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** "5566778899" or "556677-8899" → "556677-8899". */
export function normaliseOrgNumber(value: string): string {
  const digits = value.replace(/\D/g, '');
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

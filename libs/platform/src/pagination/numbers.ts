import { ValidateBy } from 'class-validator';

/**
 * The largest value of a PostgreSQL `integer` (int4). Every whole number the api takes has a
 * `@Max` at or below it, so no request reaches the database with a number its column cannot hold
 * (issue #15: offsets of 1e20 answered 500). A unit test (numeric-bounds.spec.ts) checks every DTO.
 */
export const INT4_MAX = 2_147_483_647;

/** `value` has at most `places` decimals, read as a person would write it (1e-320 has 320). */
export function hasDecimalPlaces(value: unknown, places: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value;
}

/**
 * A number with at most `places` decimals. Replaces `@IsNumber({ maxDecimalPlaces })`, which
 * throws on numbers JavaScript prints in exponent form (1e-7, 1e-320) and so answered 500.
 * Named `isNumber`, so a refusal is `field.number` as before.
 */
export const IsDecimal = (places: number) =>
  ValidateBy({
    name: 'isNumber',
    constraints: [places],
    validator: {
      validate: (value: unknown) => hasDecimalPlaces(value, places),
      defaultMessage: () => `$property must be a number with at most ${places} decimals`,
    },
  });

import { Matches } from 'class-validator';

/** A calendar date in ISO form (YYYY-MM-DD); the message names the field. */
export const IsCalendarDate = () => Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date (YYYY-MM-DD)' });

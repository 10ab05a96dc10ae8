import { isURL, ValidateBy } from 'class-validator';

/**
 * A web address that pages link to for citizens: https only, since a browser warns about a plain
 * http address (or sends the visitor there unprotected). One check, so any address that is not
 * https (http, no scheme, not an address at all) gets the one message that says what is wanted.
 */
export const IsHttpsUrl = () =>
  ValidateBy({
    name: 'isHttpsUrl',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isURL(value, { protocols: ['https'], require_protocol: true }),
      defaultMessage: () => '$property must be a secure address beginning with https://',
    },
  });

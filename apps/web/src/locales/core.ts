import { en as accountEn, sv as accountSv } from '../pages/account/messages';
import { en as oidcEn, sv as oidcSv } from '../pages/oidc/messages';
import { en as publicEn, sv as publicSv } from '../pages/public/messages';
import { en as strongAuthEn, sv as strongAuthSv } from '../pages/strong-auth/messages';
import { commonEn, commonSv } from './common';

/**
 * The texts of the first load (issue #19): the pages one opens without a session — sign-in with
 * its second step and forgotten password, the public promise, an invitation or password reset,
 * the identity provider's answer — and the common ones. The rest (sv.ts, en.ts) load with the
 * signed-in app (i18n.ts loadAllTexts). Same order as sv.ts, so a key means the same in both.
 */
export const coreSv = { ...accountSv, ...publicSv, ...strongAuthSv, ...oidcSv, ...commonSv };
export const coreEn = { ...accountEn, ...publicEn, ...strongAuthEn, ...oidcEn, ...commonEn };

import { sv as attachmentsSv } from '../pages/attachments/messages';
import { sv as documentsSv } from '../pages/documents/messages';
import { sv as accountSv } from '../pages/account/messages';
import { sv as adminSv } from '../pages/admin/messages';
import { sv as auditSv } from '../pages/audit/messages';
import { sv as findingsSv } from '../pages/findings/messages';
import { sv as inspectionsSv } from '../pages/inspections/messages';
import { sv as operationsSv } from '../pages/operations/messages';
import { sv as promiseSv } from '../pages/promise/messages';
import { sv as fieldSv } from '../pages/field/messages';
import { sv as strongAuthSv } from '../pages/strong-auth/messages';
import { sv as searchSv } from '../pages/search/messages';
import { sv as mapSv } from '../pages/map/messages';
import { sv as publicSv } from '../pages/public/messages';
import { sv as workQueueSv } from '../pages/work-queue/messages';
import { sv as youthSv } from '../pages/youth/messages';
import { sv as oidcSv } from '../pages/oidc/messages';
import { commonSv } from './common';

/** Swedish, the default language. Keys are shared with en.ts. */
export const sv = {
  ...attachmentsSv,
  ...documentsSv,
  ...accountSv,
  ...adminSv,
  ...auditSv,
  ...findingsSv,
  ...inspectionsSv,
  ...operationsSv,
  ...promiseSv,
  ...fieldSv,
  ...publicSv,
  ...searchSv,
  ...mapSv,
  ...strongAuthSv,
  ...youthSv,
  ...workQueueSv,
  ...oidcSv,
  ...commonSv,
};
export type Messages = typeof sv;

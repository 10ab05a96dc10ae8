import { en as attachmentsEn } from '../pages/attachments/messages';
import { en as documentsEn } from '../pages/documents/messages';
import type { Messages } from './sv';
import { en as accountEn } from '../pages/account/messages';
import { en as adminEn } from '../pages/admin/messages';
import { en as auditEn } from '../pages/audit/messages';
import { en as findingsEn } from '../pages/findings/messages';
import { en as inspectionsEn } from '../pages/inspections/messages';
import { en as operationsEn } from '../pages/operations/messages';
import { en as promiseEn } from '../pages/promise/messages';
import { en as fieldEn } from '../pages/field/messages';
import { en as strongAuthEn } from '../pages/strong-auth/messages';
import { en as searchEn } from '../pages/search/messages';
import { en as mapEn } from '../pages/map/messages';
import { en as publicEn } from '../pages/public/messages';
import { en as workQueueEn } from '../pages/work-queue/messages';
import { en as youthEn } from '../pages/youth/messages';
import { en as oidcEn } from '../pages/oidc/messages';
import { commonEn } from './common';

/** English, behind the language switch. */
export const en: Messages = {
  ...attachmentsEn,
  ...documentsEn,
  ...accountEn,
  ...adminEn,
  ...auditEn,
  ...findingsEn,
  ...inspectionsEn,
  ...operationsEn,
  ...promiseEn,
  ...fieldEn,
  ...publicEn,
  ...searchEn,
  ...mapEn,
  ...strongAuthEn,
  ...youthEn,
  ...workQueueEn,
  ...oidcEn,
  ...commonEn,
};

/**
 * Every migration, oldest first. A migration file that is not listed here never runs; the
 * migrations test fails when a file in this folder is missing from the list.
 * Add one with `npm run db:migration:new -- <Name>`.
 */
import { PlatformBaseline1764259200000 } from './1764259200000-PlatformBaseline.js';
import { Identity1764259300000 } from './1764259300000-Identity.js';
import { RecordGrants1764259400000 } from './1764259400000-RecordGrants.js';
import { AuditTrail1764259500000 } from './1764259500000-AuditTrail.js';
import { Promises1764259600000 } from './1764259600000-Promises.js';
import { Deadlines1764259700000 } from './1764259700000-Deadlines.js';
import { Licensing1764259800000 } from './1764259800000-Licensing.js';
import { Inspections1764259900000 } from './1764259900000-Inspections.js';
import { Sanctions1764260000000 } from './1764260000000-Sanctions.js';
import { SupervisionPlans1764260100000 } from './1764260100000-SupervisionPlans.js';
import { CalendarAndReports1764260200000 } from './1764260200000-CalendarAndReports.js';
import { InspectionFollowUp1764260300000 } from './1764260300000-InspectionFollowUp.js';
import { YouthCases1764260400000 } from './1764260400000-YouthCases.js';
import { Operations1764260500000 } from './1764260500000-Operations.js';
import { AuditAnchors1796016837278 } from './1796016837278-AuditAnchors.js';
import { SealConsentSigners1796017897647 } from './1796017897647-SealConsentSigners.js';
import { DueDaysAndOneReminder1796020665351 } from './1796020665351-DueDaysAndOneReminder.js';
import { LicensingCasework1796028198980 } from './1796028198980-LicensingCasework.js';
import { LicenceDecisions1796028200242 } from './1796028200242-LicenceDecisions.js';
import { YouthCaseFlow1796028207558 } from './1796028207558-YouthCaseFlow.js';
import { SearchIndexes1796028218521 } from './1796028218521-SearchIndexes.js';
import { WorkQueueIndexes1796028324789 } from './1796028324789-WorkQueueIndexes.js';
import { AuthSessions1796031449446 } from './1796031449446-AuthSessions.js';
import { AccountTokens1796031785554 } from './1796031785554-AccountTokens.js';
import { Mfa1796031792083 } from './1796031792083-Mfa.js';
import { IdentityProviders1796031805068 } from './1796031805068-IdentityProviders.js';
import { OidcInvitations1796033885917 } from './1796033885917-OidcInvitations.js';
import { ListIndexesAtScale1796043481500 } from './1796043481500-ListIndexesAtScale.js';
import { ReminderDeliveryNotificationIndex1796047077616 } from './1796047077616-ReminderDeliveryNotificationIndex.js';
import { AuditVerificationRuns1796053166153 } from './1796053166153-AuditVerificationRuns.js';
import { OrganisationContact1796058380804 } from './1796058380804-OrganisationContact.js';
import { FindingsAndPlaces1796058394053 } from './1796058394053-FindingsAndPlaces.js';
import { PromiseSuccession1796064114134 } from './1796064114134-PromiseSuccession.js';
import { FindingPhotos1796064226306 } from './1796064226306-FindingPhotos.js';
import { MapPositions1796065191021 } from './1796065191021-MapPositions.js';
import { FieldActivities1796065200023 } from './1796065200023-FieldActivities.js';
import { Attachments1796067159950 } from './1796067159950-Attachments.js';
import { Documents1796079058893 } from './1796079058893-Documents.js';
import { ConsideredSanction1796097859654 } from './1796097859654-ConsideredSanction.js';
import { OrganisationAppealCourt1796118894397 } from './1796118894397-OrganisationAppealCourt.js';

export const migrations = [
  PlatformBaseline1764259200000,
  Identity1764259300000,
  RecordGrants1764259400000,
  AuditTrail1764259500000,
  Promises1764259600000,
  Deadlines1764259700000,
  Licensing1764259800000,
  Inspections1764259900000,
  Sanctions1764260000000,
  SupervisionPlans1764260100000,
  CalendarAndReports1764260200000,
  InspectionFollowUp1764260300000,
  YouthCases1764260400000,
  Operations1764260500000,
  AuditAnchors1796016837278,
  SealConsentSigners1796017897647,
  DueDaysAndOneReminder1796020665351,
  LicensingCasework1796028198980,
  LicenceDecisions1796028200242,
  YouthCaseFlow1796028207558,
  SearchIndexes1796028218521,
  WorkQueueIndexes1796028324789,
  AuthSessions1796031449446,
  AccountTokens1796031785554,
  Mfa1796031792083,
  IdentityProviders1796031805068,
  OidcInvitations1796033885917,
  ListIndexesAtScale1796043481500,
  ReminderDeliveryNotificationIndex1796047077616,
  AuditVerificationRuns1796053166153,
  OrganisationContact1796058380804,
  FindingsAndPlaces1796058394053,
  PromiseSuccession1796064114134,
  FindingPhotos1796064226306,
  MapPositions1796065191021,
  FieldActivities1796065200023,
  Attachments1796067159950,
  Documents1796079058893,
  ConsideredSanction1796097859654,
  OrganisationAppealCourt1796118894397,
];

// The public entry of libs/inspections: what the apps and other libs may use, nothing more.

/** The api's and the worker's modules. */
export { InspectionsModule, InspectionsWorkerModule } from './inspections.module.js';

/** Tips about premises are recorded through licensing, also from other libs (police referrals). */
export { type PremisesTipInput, PremisesTipsService } from './licensing/premises-tips.service.js';
export type { PremisesTipView } from './licensing/licensing.dto.js';
export type { TipSource } from './licensing/licence-rules.js';

/** The header search (libs/search) finds premises and licence holders through LicensingSearch. */
export { LicensingSearch, type RegisterSearchTerm } from './licensing/licensing-search.service.js';

/** The map (libs/map) draws premises through LicensingMap. */
export { LicensingMap } from './licensing/licensing-map.service.js';

/** For the demo data (apps/api/src/seed): the default checklist and the risk model it plans with. */
export { DEFAULT_CHECKLIST_ITEMS, DEFAULT_CHECKLIST_NAME } from './inspections/checklist.js';
export { plannedVisits, riskScore } from './supervision/risk-model.js';

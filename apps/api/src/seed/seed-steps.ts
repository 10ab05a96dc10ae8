import type { AppConfig, SeedStep } from '@samverkan/platform';
import { identitySeed } from './identity.seed.js';
import { inspectionsSeed } from './inspections.seed.js';
import { mapSeed } from './map.seed.js';
import { operationsSeed } from './operations.seed.js';
import { placesSeed, promiseFollowUpsSeed, promisesSeed } from './promises.seed.js';
import { youthSeed } from './youth.seed.js';

/**
 * The demo data, in dependency order (the Hammarö 2020–2022 promise, premises, cases, … after the
 * organisations and users). It lives with the app, not in the libs: production code carries no
 * demo data.
 */
export function seedSteps(config: AppConfig): SeedStep[] {
  return [
    identitySeed(config.SEED_PASSWORD),
    promisesSeed(),
    placesSeed(),
    inspectionsSeed(new Date()),
    promiseFollowUpsSeed(),
    youthSeed(config, new Date()),
    operationsSeed(config, new Date()),
    mapSeed(),
  ];
}

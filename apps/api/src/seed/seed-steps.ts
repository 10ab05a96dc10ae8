import { identitySeed } from '@samverkan/identity';
import { inspectionsSeed } from '@samverkan/inspections';
import { promisesSeed } from '@samverkan/promises';
import { youthSeed } from '@samverkan/youth';
import { operationsSeed } from '@samverkan/operations';
import type { AppConfig, SeedStep } from '@samverkan/platform';

/**
 * The demo data, in dependency order. Each domain module adds its step here as it arrives
 * (the Hammarö 2020–2022 promise, premises, cases, … after the organisations and users).
 */
export function seedSteps(config: AppConfig): SeedStep[] {
  return [identitySeed(config.SEED_PASSWORD), promisesSeed(), inspectionsSeed(new Date()), youthSeed(config, new Date()), operationsSeed(config, new Date())];
}

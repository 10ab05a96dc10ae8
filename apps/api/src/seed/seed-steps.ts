import type { SeedStep } from '@samverkan/platform';

/**
 * The demo data, in dependency order. Each domain module adds its step here as it arrives
 * (organisations and users first, then the Hammarö 2020–2022 promise, premises, cases, …).
 */
export const seedSteps: SeedStep[] = [];

/**
 * Every migration, oldest first. A migration file that is not listed here never runs; the
 * migrations test fails when a file in this folder is missing from the list.
 * Add one with `npm run db:migration:new -- <Name>`.
 */
import { PlatformBaseline1764259200000 } from './1764259200000-PlatformBaseline.js';

export const migrations = [PlatformBaseline1764259200000];

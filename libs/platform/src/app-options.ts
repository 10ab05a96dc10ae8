import type { Clock } from './clock/clock.js';

/** What an app can be started with besides its configuration (tests pass a FixedClock). */
export interface AppOptions {
  clock?: Clock;
}

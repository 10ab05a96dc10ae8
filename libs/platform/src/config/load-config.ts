import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { primaryChecks } from '../errors/validation.js';
import { AppConfig, SECRET_CONFIG_KEYS } from './app-config.js';

export type Env = Record<string, string | undefined>;

/** Raised when the environment holds a malformed value; its message is one line naming the variable(s). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads and validates the configuration. Only variables declared on AppConfig are read; an unset
 * or empty variable keeps its default.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const defaults = new AppConfig();
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) {
    const problems = errors.map((error) => {
      const key = error.property as keyof AppConfig;
      const reason =
        primaryChecks(error.constraints)
          .map(([, message]) => message)
          .join(', ') || `${key} is invalid`;
      const shown = SECRET_CONFIG_KEYS.has(key) ? '' : ` (got ${JSON.stringify(env[key])})`;
      return `${reason}${shown}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return Object.freeze(config);
}

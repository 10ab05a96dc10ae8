import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/samverkan',
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: '{samverkan}',
      CORS_ORIGINS: [],
      TRUST_PROXY: false,
      BODY_LIMIT_BYTES: 1048576,
    });
  });

  it('converts numbers, booleans and lists', () => {
    const config = loadConfig({
      PORT: '8080',
      TRUST_PROXY: 'true',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
      DATA_KEY: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
      AUDIT_ANCHOR_KEY: 'an-audit-anchor-key-of-at-least-32-characters',
    });
    expect(config.PORT).toBe(8080);
    expect(config.TRUST_PROXY).toBe(true);
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(config.NODE_ENV).toBe('production');
  });

  it('reads QUEUE_PREFIX as a Redis Cluster hash tag, so every key of a deployment hashes to one slot', () => {
    expect(loadConfig({ QUEUE_PREFIX: 'samverkan-prod' }).QUEUE_PREFIX).toBe('{samverkan-prod}');
    expect(loadConfig({ QUEUE_PREFIX: '{samverkan}' }).QUEUE_PREFIX).toBe('{samverkan}');
    expect(loadConfig({ QUEUE_PREFIX: 'se-{samverkan}' }).QUEUE_PREFIX).toBe('se-{samverkan}');
    // Read twice (a config passed on to a child process as its environment) it stays the same.
    expect(loadConfig({ QUEUE_PREFIX: loadConfig({ QUEUE_PREFIX: 'a' }).QUEUE_PREFIX }).QUEUE_PREFIX).toBe('{a}');
    for (const bad of ['{}', '{a}{b}', 'a}', '{a b}']) {
      expect(() => loadConfig({ QUEUE_PREFIX: bad })).toThrow(/QUEUE_PREFIX must be a name without spaces, or hold one hash tag/);
    }
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });

  it('rejects a malformed value with one line naming the variable and the value', () => {
    const attempt = () => loadConfig({ PORT: 'abc' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow('Invalid configuration: PORT must be an integer number (got "abc")');
  });

  it('names every malformed variable on the same line', () => {
    try {
      loadConfig({ PORT: '70000', NODE_ENV: 'staging', TRUST_PROXY: 'maybe' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      const message = (error as Error).message;
      expect(message).not.toContain('\n');
      expect(message).toMatch(/PORT must not be greater than 65535/);
      expect(message).toMatch(/NODE_ENV must be one of the following values/);
      expect(message).toMatch(/TRUST_PROXY must be a boolean value/);
    }
  });

  it('does not echo connection URLs, which may carry passwords', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://user:hunter2@db/x' })).toThrow(
      /^Invalid configuration: DATABASE_URL must be a URL of the form postgres:\/\/host:port\/\.\.\.$/,
    );
    expect(() => loadConfig({ REDIS_URL: 'not a url :hunter2' })).toThrow(/REDIS_URL must be a URL/);
    expect(() => loadConfig({ REDIS_URL: 'not a url :hunter2' })).not.toThrow(/hunter2/);
  });
});

describe('loadConfig: JWT_SECRET', () => {
  it('is required in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_KEY: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=' })).toThrow(
      'Invalid configuration: JWT_SECRET must be at least 32 characters (and is required when NODE_ENV=production)',
    );
  });

  it('must be long enough when set, and is never echoed', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short-secret' })).toThrow(/JWT_SECRET must be at least 32 characters/);
    expect(() => loadConfig({ JWT_SECRET: 'short-secret' })).not.toThrow(/short-secret/);
  });

  it('may be left unset outside production', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).JWT_SECRET).toBe('');
    expect(
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(32),
        DATA_KEY: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
        AUDIT_ANCHOR_KEY: 'y'.repeat(32),
      }).JWT_SECRET,
    ).toBe('x'.repeat(32));
  });
});

describe('loadConfig: AUDIT_ANCHOR_KEY', () => {
  const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DATA_KEY: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=' };

  it('is required in production, long enough and never echoed', () => {
    expect(() => loadConfig(production)).toThrow(/AUDIT_ANCHOR_KEY must be at least 32 characters/);
    expect(() => loadConfig({ AUDIT_ANCHOR_KEY: 'short-anchor-key' })).not.toThrow(/short-anchor-key/);
    expect(loadConfig({ ...production, AUDIT_ANCHOR_KEY: 'z'.repeat(32) }).AUDIT_ANCHOR_KEY).toBe('z'.repeat(32));
  });
});

// Settings for demos, tests and benchmarks only: off unless set, and refused in production.
describe.each([
  ['DEMO_STRONG_PASSWORD_SESSIONS', 'a password alone is never strong there'],
  ['BENCH_AUDIT_OFF', 'the audit trail is never switched off there'],
] as const)('loadConfig: %s', (name, why) => {
  const production = {
    NODE_ENV: 'production',
    JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
    DATA_KEY: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
    AUDIT_ANCHOR_KEY: 'an-audit-anchor-key-of-at-least-32-characters',
  };

  it('is off unless set, and may be set outside production', () => {
    expect(loadConfig({})[name]).toBe(false);
    expect(loadConfig({ [name]: 'true' })[name]).toBe(true);
    expect(loadConfig({ ...production, [name]: 'false' })[name]).toBe(false);
  });

  it(`is refused with NODE_ENV=production: ${why}`, () => {
    expect(() => loadConfig({ ...production, [name]: 'true' })).toThrow(`Invalid configuration: ${name} must not be set when NODE_ENV=production`);
  });
});

describe('loadConfig: PRINCIPAL_CACHE_TTL_MS', () => {
  it('keeps a principal 10 s by default; 0 turns the cache off; more than 5 minutes is refused', () => {
    expect(loadConfig({}).PRINCIPAL_CACHE_TTL_MS).toBe(10_000);
    expect(loadConfig({ PRINCIPAL_CACHE_TTL_MS: '0' }).PRINCIPAL_CACHE_TTL_MS).toBe(0);
    expect(() => loadConfig({ PRINCIPAL_CACHE_TTL_MS: '300001' })).toThrow('PRINCIPAL_CACHE_TTL_MS');
  });
});

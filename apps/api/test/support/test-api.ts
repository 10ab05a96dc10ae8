import { expect } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Clock, type Env, runSeed } from '@samverkan/platform';
import { TestEnvironment } from '@samverkan/testing';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../src/api.factory.js';
import { identitySeed } from '../../src/seed/identity.seed.js';
import { promiseFollowUpsSeed, promisesSeed } from '../../src/seed/promises.seed.js';
import { seedSteps } from '../../src/seed/seed-steps.js';

export const DEMO_PASSWORD = 'Samverkan-demo-2026';

export interface AuditRow {
  id: string;
  actor_user_id: string | null;
  outcome: string;
  resource_id: string | null;
  changed_fields: string[] | null;
  details: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form JSON
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface CallResult {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  headers: Record<string, string | string[] | number | undefined>;
  /** The response bytes, for binary bodies. */
  raw: Buffer;
}

/**
 * The real API on its own test database (migrated, with the Hammarö organisations and demo users),
 * driven through Fastify's inject: real routing, guards, validation and SQL, no network port.
 */
export class TestApi {
  private constructor(
    readonly env: TestEnvironment,
    readonly app: NestFastifyApplication,
  ) {}

  /**
   * @param options.promises also load the Hammarö promise with its actions, activities and follow-ups.
   * @param options.demo load all of the demo data (`npm run seed`: premises, youth cases, operations too).
   */
  static async start(overrides: Env = {}, options: { clock?: Clock; promises?: boolean; demo?: boolean } = {}): Promise<TestApi> {
    const env = await TestEnvironment.create({ SEED_PASSWORD: DEMO_PASSWORD, ...overrides });
    const steps = options.demo ? seedSteps(env.config) : [identitySeed(DEMO_PASSWORD), ...(options.promises ? [promisesSeed(), promiseFollowUpsSeed()] : [])];
    await runSeed(env.config, steps);
    const app = await createApiApp(env.config, options);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new TestApi(env, app);
  }

  get db(): DataSource {
    return this.app.get(DataSource);
  }

  async call(
    method: Method,
    url: string,
    options: { token?: string; body?: unknown; ip?: string; headers?: Record<string, string> } = {},
  ): Promise<CallResult> {
    const res = await this.app.inject({
      method,
      url,
      headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
      payload: options.body as Record<string, unknown> | Buffer | undefined,
      remoteAddress: options.ip,
    });
    const json = String(res.headers['content-type'] ?? '').includes('json');
    return { status: res.statusCode, body: json && res.body ? res.json() : res.body, headers: res.headers, raw: res.rawPayload };
  }

  /** Signs in and returns the token pair; fails the test if sign-in fails. */
  async login(email: string, password = DEMO_PASSWORD): Promise<{ accessToken: string; refreshToken: string }> {
    const res = await this.call('POST', '/api/v1/auth/login', { body: { email, password } });
    if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async token(email: string): Promise<string> {
    return (await this.login(email)).accessToken;
  }

  async userId(email: string): Promise<string> {
    const [row] = await this.db.query<{ id: string }[]>('SELECT id FROM users WHERE email = $1', [email]);
    if (!row) throw new Error(`no user ${email}`);
    return row.id;
  }

  async organisationId(name: string): Promise<string> {
    const [row] = await this.db.query<{ id: string }[]>('SELECT id FROM organisations WHERE name = $1', [name]);
    if (!row) throw new Error(`no organisation ${name}`);
    return row.id;
  }

  async unitId(organisation: string, unit: string): Promise<string> {
    const [row] = await this.db.query<{ id: string }[]>(
      'SELECT un.id FROM units un JOIN organisations o ON o.id = un.organisation_id WHERE o.name = $1 AND un.name = $2',
      [organisation, unit],
    );
    if (!row) throw new Error(`no unit ${organisation}/${unit}`);
    return row.id;
  }

  /** Audit events matching `action`, oldest first. */
  auditEvents(action: string): Promise<AuditRow[]> {
    return this.db.query('SELECT * FROM audit_events WHERE action = $1 ORDER BY id', [action]);
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.env.close();
  }
}

/** A field error as the api sends it, matched by its stable code (and params, where given), not its English text. */
export const coded = (field: string, code: string, params?: Record<string, unknown>) =>
  expect.objectContaining({ field, code, ...(params ? { params } : {}) }) as unknown as { field: string; code: string };

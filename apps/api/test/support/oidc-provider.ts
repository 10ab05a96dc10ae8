import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** The acr values the test provider can assert: a strong one (e.g. SITHS) and a weak one. */
export const STRONG_ACR = 'urn:samverkan:test:loa3';
export const WEAK_ACR = 'urn:samverkan:test:loa2';

export interface TestOidcClient {
  clientId: string;
  clientSecret: string;
}

/**
 * A real OpenID provider (the `oidc-provider` package) on a free local port: real discovery, real
 * signed ID tokens, real authorization codes. Any e-mail address signs in (the account is the
 * address; claims sub, email, name). Its own login page (/interaction/:uid) asks for the e-mail and
 * the assurance level; `signIn` does the same over HTTP for api tests.
 *
 * Test knobs: `idTokenTtlSeconds` (an ID token's life), `issueIdTokensFor` (sign ID tokens for
 * another registered client, as a misconfigured or hostile provider would).
 */
export class TestOidcProvider {
  idTokenTtlSeconds = 300;
  issueIdTokensFor: string | undefined;

  private constructor(
    readonly issuer: string,
    readonly provider: Provider,
    private readonly server: Server,
  ) {}

  static async start(redirectUris: string[], clients: TestOidcClient[]): Promise<TestOidcProvider> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The provider's callbacks read the knobs of the instance made below.
    const ref: { self?: TestOidcProvider } = {};
    const provider = new Provider(issuer, {
      clients: clients.map((c) => ({
        client_id: c.clientId,
        client_secret: c.clientSecret,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      })),
      acrValues: [STRONG_ACR, WEAK_ACR],
      claims: { openid: ['sub', 'acr', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      cookies: { keys: ['samverkan-test-oidc-provider-cookie-key'] },
      // Its own signing key, made for this run (the package's built-in keys are for quick starts only).
      jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
      ttl: {
        IdToken: () => ref.self?.idTokenTtlSeconds ?? 300,
        AccessToken: 300,
        AuthorizationCode: 60,
        Interaction: 600,
        Grant: 600,
        Session: 600,
      },
      findAccount: (_ctx: unknown, sub: string) => ({
        accountId: sub,
        claims: () => ({ sub, email: sub, email_verified: true, name: nameOf(sub) }),
      }),
    });
    // Issue the ID token for another client when asked (the "wrong audience" case).
    const issue = provider.IdToken.prototype.issue;
    provider.IdToken.prototype.issue = async function (this: { client: unknown }, options: { use: string }) {
      const other = ref.self?.issueIdTokensFor;
      if (other && options.use === 'idtoken') this.client = await provider.Client.find(other);
      return issue.call(this, options as never);
    } as typeof issue;
    const self = new TestOidcProvider(issuer, provider, server);
    ref.self = self;
    const handler = provider.callback();
    server.on('request', (req, res) => {
      if (req.url?.startsWith('/interaction/')) void self.interaction(req, res).catch((error) => fail(res, error));
      else handler(req, res);
    });
    return self;
  }

  /** The login page: e-mail address and assurance level, in Swedish like the organisations' own. */
  private async interaction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await this.provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="sv"><head><title>Testleverantörens inloggning</title></head><body><main>
<h1>Testleverantörens inloggning</h1>
<form method="post" action="/interaction/${details.uid}">
<label for="login">E-post hos leverantören</label> <input id="login" name="login" type="email" autocomplete="off" required>
<label for="acr">Nivå</label> <select id="acr" name="acr"><option value="${STRONG_ACR}">Stark (SITHS)</option><option value="${WEAK_ACR}">Svag</option></select>
<button type="submit">Fortsätt till Samverkan</button>
</form></main></body></html>`);
      return;
    }
    const form = new URLSearchParams(await body(req));
    const accountId = (form.get('login') ?? '').trim().toLowerCase();
    const acr = form.get('acr') === WEAK_ACR ? WEAK_ACR : STRONG_ACR;
    const grant = new this.provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await this.provider.interactionFinished(
      req,
      res,
      { login: { accountId, acr, amr: acr === STRONG_ACR ? ['hwk', 'pin'] : ['pwd'] }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  /** Signs in at this provider's page as `login` (see `signInAtProvider`). */
  signIn(authorizationUrl: string, login: string, acr = STRONG_ACR): Promise<Record<string, string>> {
    return signInAtProvider(this.issuer, authorizationUrl, { login, acr });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * Follows an authorization URL as a browser would (cookies, redirects), posts `form` at the
 * provider's login page (/interaction/:uid) and returns the answer the provider sends to the
 * redirect URI ({code, state, iss} or {error}).
 */
export async function signInAtProvider(issuer: string, authorizationUrl: string, form: Record<string, string>): Promise<Record<string, string>> {
  const cookies = new Map<string, string>();
  let url = authorizationUrl;
  let init: RequestInit = {};
  for (let hop = 0; hop < 10; hop++) {
    const cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers ?? {}), cookie } });
    for (const header of res.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = pair.split('=');
      cookies.set(name.trim(), value.join('='));
    }
    const location = res.headers.get('location');
    if (res.status === 200 && new URL(url).pathname.startsWith('/interaction/')) {
      init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() };
      continue;
    }
    if (!location) throw new Error(`the provider stopped at ${url}: ${res.status} ${await res.text()}`);
    const next = new URL(location, url);
    if (next.origin !== issuer) return Object.fromEntries(next.searchParams);
    url = next.href;
    init = {};
  }
  throw new Error('too many redirects at the provider');
}

function nameOf(email: string): string {
  return email
    .split('@')[0]!
    .split(/[._-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

function fail(res: ServerResponse, error: unknown): void {
  res.statusCode = 500;
  res.end(String(error));
}

// DEMO_OIDC=1 npm run demo: a local OpenID provider for trying sign-in through the organisation's
// identity provider (issue #18). It runs the `oidc-provider` package (a development dependency) on
// DEMO_OIDC_PORT (default 3100); any e-mail address signs in, at a strong or a weak level of
// assurance. Never for production: accounts are whatever is typed, state is kept in memory.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

export const DEMO_OIDC_STRONG_ACR = 'urn:samverkan:demo:loa3';
export const DEMO_OIDC_WEAK_ACR = 'urn:samverkan:demo:loa2';
export const DEMO_OIDC_CLIENT_ID = 'samverkan-demo';

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function readBody(req) {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

/** Starts the provider; resolves with its issuer and the client's (fresh) secret. */
export async function startDemoOidcProvider({ port, redirectUris }) {
  const { default: Provider } = await import('oidc-provider');
  const server = createServer();
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const clientSecret = randomBytes(24).toString('base64url');
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: DEMO_OIDC_CLIENT_ID,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    acrValues: [DEMO_OIDC_STRONG_ACR, DEMO_OIDC_WEAK_ACR],
    claims: { openid: ['sub', 'acr', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'demo', use: 'sig', alg: 'RS256' }] },
    ttl: { AccessToken: 300, AuthorizationCode: 60, IdToken: 300, Interaction: 600, Grant: 600, Session: 600 },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, email: sub, email_verified: true }) }),
  });
  const handler = provider.callback();
  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return handler(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (req.method === 'GET') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(`<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Demoleverantörens inloggning</title></head><body><main>
<h1>Demoleverantörens inloggning</h1>
<p>En lokal identitetsleverantör för att prova inloggning via organisationen. Skriv e-postadressen till ett demokonto, till exempel socialsekreterare@hammaro.test.</p>
<form method="post" action="/interaction/${escape(details.uid)}">
<p><label for="login">E-postadress</label> <input id="login" name="login" type="email" autocomplete="off" required></p>
<p><label for="acr">Nivå</label> <select id="acr" name="acr"><option value="${DEMO_OIDC_STRONG_ACR}">Stark (som SITHS eller BankID)</option><option value="${DEMO_OIDC_WEAK_ACR}">Svag</option></select></p>
<p><button type="submit">Fortsätt till Samverkan</button></p>
</form></main></body></html>`);
        return;
      }
      const form = new URLSearchParams(await readBody(req));
      const accountId = (form.get('login') ?? '').trim().toLowerCase();
      const acr = form.get('acr') === DEMO_OIDC_WEAK_ACR ? DEMO_OIDC_WEAK_ACR : DEMO_OIDC_STRONG_ACR;
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId, acr, amr: acr === DEMO_OIDC_STRONG_ACR ? ['hwk', 'pin'] : ['pwd'] }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    })().catch((error) => {
      res.statusCode = 400;
      res.end(String(error));
    });
  });
  return { issuer, clientSecret, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * Registers the demo provider for Hammarö kommun through the api, as a system administrator would
 * (POST or PATCH /identity-providers), with its fresh secret.
 */
export async function registerDemoOidcProvider({ api, issuer, clientSecret, adminEmail, adminPassword }) {
  const call = async (method, path, { token, body, headers = {} } = {}) => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json().catch(() => undefined);
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return { json, etag: res.headers.get('etag') };
  };
  const { json: tokens } = await call('POST', '/api/v1/auth/login', { body: { email: adminEmail, password: adminPassword } });
  const token = tokens.accessToken;
  const { json: organisations } = await call('GET', '/api/v1/organisations', { token });
  const hammaro = organisations.find((o) => o.name === 'Hammarö kommun');
  if (!hammaro) throw new Error('the demo data has no Hammarö kommun');
  const settings = {
    displayName: 'Hammarö kommun (demo)',
    issuer,
    clientId: DEMO_OIDC_CLIENT_ID,
    clientSecret,
    strongAcrValues: [DEMO_OIDC_STRONG_ACR],
    isActive: true,
  };
  const { json: page } = await call('GET', '/api/v1/identity-providers?limit=200', { token });
  const existing = page.items.find((p) => p.organisationId === hammaro.id && p.displayName === settings.displayName);
  if (existing) {
    const { etag } = await call('GET', `/api/v1/identity-providers/${existing.id}`, { token });
    await call('PATCH', `/api/v1/identity-providers/${existing.id}`, { token, body: settings, headers: { 'if-match': etag } });
  } else {
    await call('POST', '/api/v1/identity-providers', { token, body: { ...settings, organisationId: hammaro.id } });
  }
  await call('POST', '/api/v1/auth/logout', { body: { refreshToken: tokens.refreshToken } });
}

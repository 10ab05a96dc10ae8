import createClient, { type Middleware } from 'openapi-fetch';
import { loadAllTexts } from '../i18n';
import type { components, paths } from './schema';

/**
 * A problem+json answer from the api (RFC 9457): a catalogued `code` with its `params`, and field
 * errors (each with its own code) for 400s. The type is the api's own, from its OpenAPI document.
 */
export type Problem = components['schemas']['Problem'];

const REFRESH_KEY = 'samverkan.refresh';
let accessToken: string | null = null;
let onSessionEnded: (() => void) | null = null;

/** Tokens: the short-lived access token in memory only; the refresh token for this tab's lifetime. */
export const session = {
  set(tokens: { accessToken: string; refreshToken: string }) {
    accessToken = tokens.accessToken;
    sessionStorage.setItem(REFRESH_KEY, tokens.refreshToken);
  },
  clear() {
    accessToken = null;
    sessionStorage.removeItem(REFRESH_KEY);
  },
  get refreshToken() {
    return sessionStorage.getItem(REFRESH_KEY);
  },
  onEnded(callback: () => void) {
    onSessionEnded = callback;
  },
};

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time; each refresh token works once, so parallel requests share it. */
export function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = session.refreshToken;
    if (!refreshToken) return false;
    const res = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    if (!res.ok) {
      session.clear();
      return false;
    }
    session.set(await res.json());
    return true;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Seconds until the access token expires (its `exp` claim), or 0. */
function secondsLeft(token: string | null): number {
  if (!token) return 0;
  try {
    const { exp } = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp: number };
    return exp - Date.now() / 1000;
  } catch {
    return 0;
  }
}

/** Sign-in routes act before there is a session; step-up acts on the current one and needs its token. */
const withoutSession = (url: string) => url.includes('/api/v1/auth/') && !url.includes('/api/v1/auth/step-up');

const auth: Middleware = {
  async onRequest({ request }) {
    if (withoutSession(request.url)) return request;
    // Access tokens live 15 minutes: renew shortly before, so no request (or its body) is lost.
    if (secondsLeft(accessToken) < 30 && session.refreshToken) await refresh();
    if (accessToken) request.headers.set('authorization', `Bearer ${accessToken}`);
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status === 401 && !request.url.includes('/api/v1/auth/')) {
      session.clear();
      onSessionEnded?.();
    }
    // An error is said from its code (api/problem-text.ts): its texts are there before the screen gets it.
    if (!response.ok) await loadAllTexts();
    return response;
  },
};

/** The typed client: paths and bodies come from the api's OpenAPI document (src/api/openapi.json). */
export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

/** Turns an error body into a Problem the screens can show next to fields. */
export function asProblem(error: unknown, status = 0): Problem {
  if (error && typeof error === 'object' && 'code' in error) return error as Problem;
  return { type: 'urn:samverkan:problem:http.error', title: 'Error', status, code: 'http.error', params: {} };
}

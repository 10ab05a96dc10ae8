import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApi } from './support/test-api.js';

/** The built client the api serves (`npm test` builds it, precompressed copies included). */
const WEB_DIST_DIR = process.env.WEB_DIST_DIR ?? 'dist/web';

/**
 * The web client's files as the real api serves them (issue #19, a phone on a slow network): each
 * text file compressed at build time and sent by the request's Accept-Encoding, the same bytes
 * once decoded; hashed assets cached for good, the page revalidated; a real robots.txt.
 */
describe('web client files', () => {
  let api: TestApi;
  /** The entry script index.html loads, e.g. /assets/index-XXXX.js, and its bytes on disk. */
  let entry: string;
  let entryBytes: Buffer;

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIST_DIR, 'index.html'))) throw new Error(`${WEB_DIST_DIR} is missing: npm test builds it (npm run build:web)`);
    api = await TestApi.start({ WEB_DIST_DIR });
    const html = readFileSync(join(WEB_DIST_DIR, 'index.html'), 'utf8');
    entry = /<script type="module"[^>]* src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    entryBytes = readFileSync(join(WEB_DIST_DIR, entry));
  });

  afterAll(async () => {
    await api?.close();
  });

  it('robots.txt is plain text that lets crawlers see only the public pages', async () => {
    const res = await api.call('GET', '/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const rules = String(res.raw)
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(rules).toEqual(['User-agent: *', 'Allow: /public/', 'Allow: /assets/', 'Allow: /api/v1/public/', 'Disallow: /']);
  });

  it('sends a script brotli-encoded to a client that accepts brotli, the same bytes once decoded, cached for good', async () => {
    const res = await api.call('GET', entry, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.raw.length).toBeLessThan(entryBytes.length);
    expect(brotliDecompressSync(res.raw).equals(entryBytes)).toBe(true);
  });

  it('sends gzip to a client that does not accept brotli', async () => {
    const res = await api.call('GET', entry, { headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(gunzipSync(res.raw).equals(entryBytes)).toBe(true);
  });

  it('sends the file as it is to a client that accepts no compression', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }] as Record<string, string>[]) {
      const res = await api.call('GET', entry, { headers });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
      expect(res.raw.equals(entryBytes)).toBe(true);
    }
  });

  it('compresses the page too, which is revalidated on every use, on any deep link', async () => {
    // The public promise page has a page of its own (public-promise.html); every other path the app's.
    for (const [url, file] of [
      ['/', 'index.html'],
      ['/youth-cases/00000000-0000-4000-8000-000000000000', 'index.html'],
      ['/public/promises/00000000-0000-4000-8000-000000000000', 'public-promise.html'],
    ]) {
      const page = readFileSync(join(WEB_DIST_DIR, file));
      const res = await api.call('GET', url, { headers: { 'accept-encoding': 'br' } });
      expect({ url, status: res.status, type: res.headers['content-type'], cache: res.headers['cache-control'] }).toEqual({
        url,
        status: 200,
        type: 'text/html; charset=utf-8',
        cache: 'no-cache',
      });
      const body = res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.raw) : res.raw;
      expect(body.equals(page)).toBe(true);
    }
  });

  it('has the browser fetch the promise of a public page while the scripts load', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const res = await api.call('GET', `/public/promises/${id}`);
    expect(res.headers.link).toBe(`</api/v1/public/promises/${id}>; rel=preload; as=fetch; crossorigin`);
    expect((await api.call('GET', '/')).headers.link).toBeUndefined();
  });

  it('gives the public promise page its own entry, without the router and sign-in of the app', async () => {
    const app = readFileSync(join(WEB_DIST_DIR, 'index.html'), 'utf8');
    const own = readFileSync(join(WEB_DIST_DIR, 'public-promise.html'), 'utf8');
    const entryOf = (html: string) => /<script type="module"[^>]* src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    expect(entryOf(own)).not.toBe(entryOf(app));
    // What the page loads before it runs: its entry and the chunks it preloads, none of them the app's entry.
    const loaded = [entryOf(own), ...[...own.matchAll(/<link rel="modulepreload"[^>]* href="([^"]+)"/g)].map((m) => m[1])];
    expect(loaded).not.toContain(entryOf(app));
    const res = await api.call('GET', entryOf(own));
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('the app page holds the sign-in page drawn in both languages, and the script that picks one, revalidated on each use', async () => {
    const html = readFileSync(join(WEB_DIST_DIR, 'index.html'), 'utf8');
    expect(html).toMatch(/<div id="root"><main class="signin"><h1[^>]*>Samverkan<!-- --> – <!-- -->Logga in<\/h1>/);
    expect(html).toMatch(/<div id="root-en"><main class="signin"><h1[^>]*>Samverkan<!-- --> – <!-- -->Sign in<\/h1>/);
    // Parser-blocking on purpose (it must choose before the first paint), and before the app's scripts.
    expect(html.indexOf('<script src="/first-paint.js"></script>')).toBeLessThan(html.indexOf('<script type="module"'));
    const res = await api.call('GET', '/first-paint.js', { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('gives a compressed copy no address of its own', async () => {
    const res = await api.call('GET', `${entry}.br`, { headers: { 'accept-encoding': 'br' } });
    // Like any unknown path outside /api, it is the app's page (whose router says "not found").
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  });
});

// The request log (one JSON line per request, no secrets), the request id in the X-Request-Id header
// and in GraphQL errors, and CORS for browser apps on other origins: over real HTTP.
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createServer } from '../../src/server';
import { createApiKey } from '../../src/auth/api-keys';
import { createTestDatabase, type TestDatabase } from '../support/db';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase('corpus');
});
afterAll(async () => {
  await tdb?.drop();
});

/** The service with its log captured, line by line. */
async function serve(env: Record<string, string> = {}) {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const config = loadConfig({ NODE_ENV: 'test', ...env });
  const { httpServer, apollo } = await createServer({ db: tdb.db, config, log: pino({ level: 'info' }, sink), databaseUrl: tdb.url });
  await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return { base, lines, requests: () => lines.map((l) => JSON.parse(l)).filter((l) => l.msg?.startsWith('request')), close: () => apollo.stop() };
}

const post = (base: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('request log and id', () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    s = await serve();
  });
  afterAll(() => s.close());

  it('gives every response an id, keeping a sane incoming one', async () => {
    const fresh = await fetch(`${s.base}/healthz`);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await fetch(`${s.base}/healthz`, { headers: { 'x-request-id': 'edge-7f3a.42' } });
    expect(kept.headers.get('x-request-id')).toBe('edge-7f3a.42');
    for (const bad of ['has spaces in it', 'x'.repeat(200), '<script>']) {
      const res = await fetch(`${s.base}/healthz`, { headers: { 'x-request-id': bad } });
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('puts the id in every GraphQL error, and in HTTP-level errors', async () => {
    const res = await post(s.base, { query: '{ pressReleases(first: 1000) { totalCount } nope }' });
    const id = res.headers.get('x-request-id');
    const body = (await res.json()) as { errors: { extensions: { requestId: string } }[] };
    expect(body.errors.length).toBeGreaterThan(0);
    for (const e of body.errors) expect(e.extensions.requestId).toBe(id);
    const feed = await fetch(`${s.base}/feeds/releases.atom?bogus=1`);
    expect(((await feed.json()) as any).errors[0].extensions.requestId).toBe(feed.headers.get('x-request-id'));
    const broken = await fetch(`${s.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(((await broken.json()) as any).errors[0].extensions.requestId).toBe(broken.headers.get('x-request-id'));
  });

  it('logs one JSON line per request: id, operation, duration, status, cache hit; no key, no Authorization', async () => {
    const { key } = await createApiKey(tdb.db, 'log test', 'EDITOR');
    const query = 'query LatestTitles { pressReleases(first: 2) { edges { node { title } } } }';
    const first = await post(s.base, { query, operationName: 'LatestTitles' });
    const second = await post(s.base, { query, operationName: 'LatestTitles' });
    const withKey = await post(s.base, { query: 'query Mine { pressReleases(first: 1) { totalCount } }' }, { authorization: `Bearer ${key}` });
    await new Promise((r) => setTimeout(r, 50)); // lines are written when responses finish
    const byId = (res: Response) => s.requests().filter((l) => l.requestId === res.headers.get('x-request-id'));
    expect(byId(first)).toEqual([
      expect.objectContaining({ method: 'POST', path: '/graphql', status: 200, operation: 'LatestTitles', cacheHit: false, ms: expect.any(Number) }),
    ]);
    expect(byId(second)).toEqual([expect.objectContaining({ operation: 'LatestTitles', cacheHit: true })]);
    expect(byId(withKey)).toEqual([expect.objectContaining({ operation: 'Mine', status: 200 })]);
    const all = s.lines.join('\n');
    expect(all).not.toContain(key);
    expect(all).not.toMatch(/authorization|bearer/i);
  });
});

describe('CORS', () => {
  const preflight = (base: string, origin: string) =>
    fetch(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });

  it('answers listed origins, preflight included, without credentials', async () => {
    const s = await serve({ CORS_ORIGINS: 'https://app.example.org, http://localhost:5173' });
    try {
      const pre = await preflight(s.base, 'https://app.example.org');
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('https://app.example.org');
      expect(pre.headers.get('access-control-allow-headers')).toMatch(/authorization/);
      expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
      const res = await post(s.base, { query: '{ __typename }' }, { origin: 'http://localhost:5173' });
      expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(res.headers.get('access-control-expose-headers')).toMatch(/x-request-id/i);
      const other = await preflight(s.base, 'https://evil.example.net');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const feed = await fetch(`${s.base}/export/releases.csv?topics=energy`, { headers: { origin: 'https://app.example.org' } });
      expect(feed.headers.get('access-control-allow-origin')).toBe('https://app.example.org');
    } finally {
      await s.close();
    }
  });

  it('answers any origin with *, and none when CORS_ORIGINS is unset', async () => {
    const any = await serve({ CORS_ORIGINS: '*' });
    try {
      const pre = await preflight(any.base, 'https://anywhere.example');
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('*');
      expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
    } finally {
      await any.close();
    }
    const none = await serve();
    try {
      const res = await post(none.base, { query: '{ __typename }' }, { origin: 'https://app.example.org' });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await none.close();
    }
  });

  it('refuses settings that are not origins', () => {
    expect(() => loadConfig({ CORS_ORIGINS: 'app.example.org' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: '*,https://a.example' })).toThrow(/CORS_ORIGINS/);
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example/' }).corsOrigins).toEqual(['https://a.example']);
  });
});

// A database outage is a 503 a client can retry, for every read and every write (issue 10: during a
// 10 s outage 2,868 reads answered INTERNAL_SERVER_ERROR, "Server has closed the connection" being
// unrecognised, and writes answered HTTP 500). Real HTTP, real Postgres behind a TCP proxy that
// resets every connection or refuses new ones.
import { Client } from 'pg';
import type { TcpProxy } from '../../bench/tcp-proxy';
import type { Db } from '../../src/db/client';
import type { TestDatabase } from '../support/db';
import { startProxiedServer, type ProxiedServer } from '../support/proxied-server';
import type { TestServer } from '../support/server';

const ADMIN_TOKEN = 'outage-admin-token-0123456789abcdef';
let tdb: TestDatabase;
let proxy: TcpProxy;
let db: Db;
let server: TestServer;
let editor: string;
let releaseId: string;

let env: ProxiedServer;

beforeAll(async () => {
  env = await startProxiedServer(ADMIN_TOKEN);
  ({ tdb, proxy, db, server, editor } = env);
  releaseId = (await server.gql(`{ pressReleases(first: 1) { edges { node { id } } } }`)).data.pressReleases.edges[0].node.id;
});
afterAll(async () => {
  await env?.close();
});

let serial = 0;
/** Every kind of request a client sends: anonymous and editor reads, each write, the feeds. */
const requests = (): [string, () => Promise<Response>][] => {
  const post = (query: string, variables: Record<string, unknown> = {}, token?: string) => () =>
    fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  const n = ++serial;
  return [
    ['list', post('{ pressReleases(first: 5) { totalCount edges { node { id title } } } }')],
    ['search', post('{ pressReleases(first: 5, filter: { search: "energy" }) { edges { node { id } } } }')],
    ['facets', post('{ facets { topics { missing } countries { missing } } }')],
    ['node', post('query($id: ID!) { node(id: $id) { id ... on PressRelease { title } } }', { id: releaseId })],
    ['country', post('{ country(code: "AZ") { name partners(first: 3) { meetingCount } } }')],
    ['editor read', post('{ pressReleases(first: 2) { edges { node { id status } } } }', {}, editor)],
    [
      'create',
      post(
        'mutation($input: PressReleaseInput!) { createPressRelease(input: $input) { id } }',
        { input: { title: `Outage ${n}`, publishedAt: '2025-01-02T00:00:00Z', paragraphs: [`Written during outage ${n}.`] } },
        editor,
      ),
    ],
    ['update', post('mutation($id: ID!) { updatePressRelease(id: $id, input: { title: "Renamed" }) { id } }', { id: releaseId }, editor)],
    ['publish', post('mutation($id: ID!) { publishPressRelease(id: $id) { id } }', { id: releaseId }, editor)],
    [
      'ingest',
      post(
        'mutation($input: IngestPressReleaseInput!) { ingestPressRelease(input: $input) { duplicate } }',
        { input: { text: `BAKU, Azerbaijan, May ${(n % 27) + 1}. The ministers met during outage ${n} and discussed energy.` } },
        editor,
      ),
    ],
    ['atom feed', () => fetch(`${server.base}/feeds/releases.atom`)],
    ['export', () => fetch(`${server.base}/export/releases.ndjson`)],
  ];
};

async function expectAllUnavailable() {
  for (const [name, send] of requests()) {
    const res = await send();
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect({ name, status: res.status, retryAfter: res.headers.get('retry-after') }).toEqual({ name, status: 503, retryAfter: expect.stringMatching(/^\d+$/) });
    expect({ name, codes: [...new Set(body.errors?.map((e) => e.extensions?.code))] }).toEqual({ name, codes: ['SERVICE_UNAVAILABLE'] });
  }
}

async function expectAllServed() {
  for (const [name, send] of requests()) {
    if (name === 'atom feed' || name === 'export') {
      expect({ name, status: (await send()).status }).toEqual({ name, status: 200 });
      continue;
    }
    const res = await send();
    const body = (await res.json()) as { errors?: unknown[] };
    expect({ name, status: res.status, errors: body.errors }).toEqual({ name, status: 200, errors: undefined });
  }
}

it('answers 503 SERVICE_UNAVAILABLE with Retry-After while every connection is reset, and serves again after', async () => {
  await expectAllServed();
  await proxy.down();
  try {
    await expectAllUnavailable();
  } finally {
    await proxy.up();
  }
  await expectAllServed();
});

it('answers 503 SERVICE_UNAVAILABLE with Retry-After while connecting is refused, and serves again after', async () => {
  await proxy.down({ refuse: true });
  try {
    await expectAllUnavailable();
  } finally {
    await proxy.up();
  }
  await expectAllServed();
});

it('answers 503 when the server ends the connections of running statements (an administrator, a restart), never 500', async () => {
  // The statements wait on a lock, so they are surely running when their backends are ended.
  const blocker = new Client({ connectionString: tdb.url });
  // pg_stat_activity is read once per transaction: the watcher reads it outside the blocker's.
  const watcher = new Client({ connectionString: tdb.url });
  await blocker.connect();
  await watcher.connect();
  try {
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE topic IN ACCESS EXCLUSIVE MODE');
    const inFlight = ['AZ', 'GE', 'AM'].map((code) =>
      fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ facets(filter: { countries: ["${code}"] }) { topics { missing } } }` }),
      }),
    );
    const waiting = `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    for (let i = 0; i < 100 && (await watcher.query(waiting)).rowCount! < 3; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await watcher.query(`SELECT count(pg_terminate_backend(pid))::int AS n FROM (${waiting}) w`)).rows[0].n).toBe(3);
    for (const res of await Promise.all(inFlight)) {
      const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
      expect({ status: res.status, retryAfter: res.headers.get('retry-after') }).toEqual({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });
      expect(body.errors?.map((e) => e.extensions?.code)).toContain('SERVICE_UNAVAILABLE');
    }
  } finally {
    await blocker.query('COMMIT').catch(() => undefined);
    await blocker.end();
    await watcher.end();
  }
  await expectAllServed();
});

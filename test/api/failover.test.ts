// A failover where the old connections are black-holed: no FIN, no RST, nothing comes back, while
// new connections reach the (new) database. Issue 10: the service never recovered (90 s and
// counting; in production until TCP gives up, about 15 minutes). Now a statement left without an
// answer has its connection checked and dropped (src/db/pool-guard.ts), so the requests caught on
// the dead connections answer 503 and the service serves again within 5 s. Real HTTP, real Postgres
// behind an in-process TCP proxy.
import type { TcpProxy } from '../../bench/tcp-proxy';
import type { Db } from '../../src/db/client';
import type { TestDatabase } from '../support/db';
import { startProxiedServer, type ProxiedServer } from '../support/proxied-server';
import type { TestServer } from '../support/server';

const ADMIN_TOKEN = 'failover-admin-token-0123456789abcdef';
let tdb: TestDatabase;
let proxy: TcpProxy;
let db: Db;
let server: TestServer;
let editor: string;

let env: ProxiedServer;

beforeAll(async () => {
  env = await startProxiedServer(ADMIN_TOKEN);
  ({ tdb, proxy, db, server, editor } = env);
});
afterAll(async () => {
  await env?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let serial = 0;

/** One read or write; its HTTP status and error codes, or 'no answer' when none came within 30 s. */
async function send(kind: 'read' | 'write'): Promise<{ status: number | 'no answer'; codes: string[] }> {
  const n = ++serial;
  const body =
    kind === 'read'
      ? { query: `{ pressReleases(first: 3, filter: { countries: ["${['AZ', 'GE', 'AM', 'TR'][n % 4]}"] }) { totalCount edges { node { id } } } }` }
      : {
          query: 'mutation($input: PressReleaseInput!) { createPressRelease(input: $input) { id } }',
          variables: { input: { title: `Failover ${n}`, publishedAt: '2025-02-03T00:00:00Z', paragraphs: [`Written around the failover, number ${n}.`] } },
        };
  try {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(kind === 'write' ? { authorization: `Bearer ${editor}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const json = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    return { status: res.status, codes: (json.errors ?? []).map((e) => e.extensions?.code ?? '?') };
  } catch {
    return { status: 'no answer', codes: [] };
  }
}

const wave = (reads: number, writes: number) =>
  Promise.all([...Array.from({ length: reads }, () => send('read')), ...Array.from({ length: writes }, () => send('write'))]);

it('drops black-holed connections: requests caught on them answer 503, and within 5 s everything is served again', async () => {
  // Open most of the pool's 10 connections, then black-hole them all.
  const warm = await wave(12, 2);
  expect(warm.every((r) => r.status === 200 && !r.codes.length)).toBe(true);
  expect(proxy.open).toBeGreaterThanOrEqual(5);
  const accepted = proxy.accepted;
  proxy.blackhole();
  const failedOver = Date.now();

  // Caught on dead connections: an answer each, 200 or 503, never an internal error, never a hang.
  const caught = await wave(10, 2);
  for (const r of caught) {
    expect([200, 503]).toContain(r.status);
    expect(r.codes.filter((c) => c !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    if (r.status === 503) expect(r.codes).toContain('SERVICE_UNAVAILABLE');
  }
  expect(caught.some((r) => r.status === 503)).toBe(true); // some did meet a dead connection
  // The service opened new connections to the database that answers.
  expect(proxy.accepted).toBeGreaterThan(accepted);

  // 5 s after the failover, every read and every write is served.
  await sleep(Math.max(0, failedOver + 5000 - Date.now()));
  const after = await wave(10, 3);
  expect(after).toEqual(Array.from({ length: 13 }, () => ({ status: 200, codes: [] })));
});

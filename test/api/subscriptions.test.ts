// Subscriptions over graphql-ws, across instances: two service instances on one database, writes
// through one, subscribers on the other, events carried by Postgres LISTEN/NOTIFY. And the limits
// that keep live clients from taking an instance down.
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { Client as PgClient } from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { codes, startTestServer, type TestServer, newApiKey } from '../support/server';

const ADMIN_TOKEN = 'subscriptions-admin-token-0123456789';
let tdb: TestDatabase;
let writer: TestServer; // instance A: the writes go through it
let reader: TestServer; // instance B: the subscribers listen on it
let editor: string;
const clients: Client[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase('corpus');
  writer = await startTestServer(tdb, { ADMIN_TOKEN });
  reader = await startTestServer(tdb, { ADMIN_TOKEN });
  editor = await newApiKey(writer, ADMIN_TOKEN, 'live');
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await writer?.close();
  await reader?.close();
  await tdb?.drop();
});

const wsUrl = (server: TestServer) => server.url.replace(/^http/, 'ws');

function connect(server: TestServer, key?: string): Client {
  const client = createClient({
    url: wsUrl(server),
    webSocketImpl: WebSocket,
    connectionParams: key ? { authorization: `Bearer ${key}` } : undefined,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
  });
  clients.push(client);
  return client;
}

interface Feed {
  results: any[];
  /** The next result not yet taken (waits for it, up to 10 s). */
  next(): Promise<any>;
  /** Resolves when the server confirms the subscription is running (it answered or it errs). */
  done: Promise<void>;
}

function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}): Feed {
  const results: any[] = [];
  let taken = 0;
  let notify: (() => void) | undefined;
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  client.subscribe(
    { query, variables },
    {
      next: (r) => {
        results.push(r);
        notify?.();
      },
      error: (e) => {
        results.push({ errors: Array.isArray(e) ? e : [e] });
        notify?.();
        finish();
      },
      complete: () => finish(),
    },
  );
  return {
    results,
    done,
    async next() {
      const deadline = Date.now() + 10_000;
      while (results.length <= taken) {
        if (Date.now() > deadline) throw new Error(`no event for ${query}`);
        await new Promise<void>((r) => {
          notify = r;
          setTimeout(r, 100);
        });
      }
      return results[taken++];
    },
  };
}

/** Subscriptions listening on a server now (its /metrics). */
async function listening(server: TestServer): Promise<number> {
  const text = await (await fetch(`${server.base}/metrics`)).text();
  return Number(/^graphql_subscriptions_active (\d+)/m.exec(text)?.[1] ?? NaN);
}

/** Subscribes and waits until the server listens for all of them (it handles subscribe messages asynchronously). */
async function subscribeAll(server: TestServer, start: () => Feed[]): Promise<Feed[]> {
  const before = await listening(server);
  const feeds = start();
  const deadline = Date.now() + 10_000;
  while ((await listening(server)) < before + feeds.length) {
    if (Date.now() > deadline) throw new Error('the server did not start listening for the subscriptions');
    await new Promise((r) => setTimeout(r, 50));
  }
  return feeds;
}

const PUBLISHED = `subscription($filter: PressReleaseFilter) { pressReleasePublished(filter: $filter) { id title status countries { code } } }`;
const RETRACTED = `subscription($filter: PressReleaseFilter) { pressReleaseRetracted(filter: $filter) { id slug release { status retractionReason } } }`;

let serial = 0;
async function createDraft(countries: string[]): Promise<{ id: string; title: string }> {
  serial++;
  const input = {
    title: `Live update ${serial}: ministers of ${countries.join(' and ')} meet`,
    publishedAt: '2026-11-30T09:00:00Z',
    dateline: { place: 'Baku', country: 'AZ', date: '2026-11-30' },
    issuer: { name: 'Ministry of Foreign Affairs of Azerbaijan', country: 'AZ' },
    source: { name: 'Test Wire', url: `https://wire.example.org/live-${serial}` },
    paragraphs: [`BAKU, November 30. Release number ${serial} of the live-update test.`],
    meetings: [],
    topics: [],
    initiatives: [],
    countries,
  };
  const r = await writer.gql(`mutation($input: PressReleaseInput!) { createPressRelease(input: $input) { id title status } }`, { input }, editor);
  expect(r.errors).toBeUndefined();
  expect(r.data.createPressRelease.status).toBe('DRAFT');
  return r.data.createPressRelease;
}

const publish = async (id: string) => {
  const r = await writer.gql(`mutation($id: ID!) { publishPressRelease(id: $id) { status } }`, { id }, editor);
  expect(r.errors).toBeUndefined();
};

it('delivers a release published through one instance to the matching subscribers of another, and drafts to editors only', async () => {
  const anonymous = connect(reader);
  const editorClient = connect(reader, editor);
  const [armenia, everything, france, drafts] = await subscribeAll(reader, () => [
    subscribe(anonymous, PUBLISHED, { filter: { countries: ['AM'] } }),
    subscribe(anonymous, PUBLISHED),
    subscribe(anonymous, PUBLISHED, { filter: { countries: ['FR'] } }),
    subscribe(editorClient, PUBLISHED, { filter: { status: ['DRAFT'] } }),
  ]);

  // A draft: the editor hears of it, anonymous subscribers do not.
  const draft = await createDraft(['AM', 'GE']);
  expect(await drafts.next()).toEqual({ data: { pressReleasePublished: expect.objectContaining({ id: draft.id, status: 'DRAFT' }) } });

  // Published: every matching subscriber hears of it, on the other instance.
  await publish(draft.id);
  const heard = await armenia.next();
  expect(heard.errors).toBeUndefined();
  expect(heard.data.pressReleasePublished).toMatchObject({ id: draft.id, title: draft.title, status: 'PUBLISHED' });
  expect(heard.data.pressReleasePublished.countries.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['AM', 'GE']));
  // The first event the unfiltered anonymous subscriber got is the publication, not the draft.
  expect((await everything.next()).data.pressReleasePublished).toMatchObject({ id: draft.id, status: 'PUBLISHED' });

  // A release about France reaches the France subscriber, which never heard of the Armenian one.
  const french = await createDraft(['FR']);
  await publish(french.id);
  expect((await france.next()).data.pressReleasePublished.id).toBe(french.id);
  expect(france.results).toHaveLength(1);
  expect((await everything.next()).data.pressReleasePublished.id).toBe(french.id);
  expect(armenia.results).toHaveLength(1);
});

it('announces a retraction to anonymous subscribers without the release, to editors with it', async () => {
  const anonymous = connect(reader);
  const editorClient = connect(reader, editor);
  const [anon, other, editors] = await subscribeAll(reader, () => [
    subscribe(anonymous, RETRACTED, { filter: { countries: ['KZ'] } }),
    subscribe(anonymous, RETRACTED, { filter: { countries: ['JP'] } }),
    subscribe(editorClient, RETRACTED),
  ]);

  const release = await createDraft(['KZ']);
  await publish(release.id);
  const r = await writer.gql(`mutation($id: ID!) { retractPressRelease(id: $id, reason: "Issued in error") { status } }`, { id: release.id }, editor);
  expect(r.errors).toBeUndefined();

  const heard = await anon.next();
  expect(heard.errors).toBeUndefined();
  expect(heard.data.pressReleaseRetracted).toMatchObject({ id: release.id, release: null });
  expect(heard.data.pressReleaseRetracted.slug).toEqual(expect.any(String));
  expect((await editors.next()).data.pressReleaseRetracted).toMatchObject({
    id: release.id,
    release: { status: 'RETRACTED', retractionReason: 'Issued in error' },
  });
  expect(other.results).toHaveLength(0);
});

it('refuses drafts to anonymous subscribers, a bad key, operations other than subscriptions, and bad filters, with codes', async () => {
  const anonymous = connect(reader);
  const refused = subscribe(anonymous, PUBLISHED, { filter: { status: ['DRAFT'] } });
  await refused.done;
  expect(refused.results[0].errors.map((e: any) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);

  const query = subscribe(anonymous, '{ pressReleases(first: 1) { totalCount } }');
  await query.done;
  expect(query.results[0].errors.map((e: any) => e.extensions?.code)).toEqual(['BAD_REQUEST']);

  const status = subscribe(anonymous, RETRACTED, { filter: { status: ['PUBLISHED'] } });
  await status.done;
  expect(status.results[0].errors.map((e: any) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);

  const invalid = subscribe(anonymous, 'subscription { pressReleasePublished { nope } }');
  await invalid.done;
  expect(invalid.results[0].errors.map((e: any) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);

  // A wrong key closes the connection (4403 Forbidden), rather than quietly serving it as anonymous.
  const closed = await new Promise<number>((resolve) => {
    const bad = createClient({
      url: wsUrl(reader),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: 'Bearer not-a-key' },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
      on: { closed: (e) => resolve((e as { code: number }).code) },
    });
    clients.push(bad);
  });
  expect(closed).toBe(4403);

  // Subscriptions over HTTP are refused with the way to subscribe.
  expect(codes(await reader.gql('subscription { pressReleasePublished { id } }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
});

describe('limits', () => {
  let limited: TestServer;
  // Pings far apart: a client dropped by it was dropped for being slow, not for missing a ping.
  let patient: TestServer;
  beforeAll(async () => {
    limited = await startTestServer(tdb, {
      SUBSCRIPTION_MAX_CONNECTIONS_PER_CLIENT: '3',
      SUBSCRIPTION_MAX_PER_CONNECTION: '2',
      SUBSCRIPTION_KEEPALIVE_MS: '200',
    });
    patient = await startTestServer(tdb, { SUBSCRIPTION_KEEPALIVE_MS: '60000', SUBSCRIPTION_MAX_QUEUED_EVENTS: '5', MAX_ALIASES: '100' });
  });
  afterAll(async () => {
    await limited?.close();
    await patient?.close();
  });

  const open = (options: WebSocket.ClientOptions = {}, server = limited) =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(wsUrl(server), 'graphql-transport-ws', options);
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  const closedCode = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  const messages = (ws: WebSocket) => {
    const got: any[] = [];
    ws.on('message', (m) => got.push(JSON.parse(String(m))));
    return got;
  };
  const until = async (check: () => boolean, ms = 10_000) => {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('caps connections per client address and subscriptions per connection', async () => {
    const sockets = [await open(), await open(), await open()];
    await expect(open()).rejects.toThrow('HTTP 429');
    const first = sockets[0];
    const got = messages(first);
    first.send(JSON.stringify({ type: 'connection_init' }));
    await until(() => got.some((m) => m.type === 'connection_ack'));
    for (const id of ['1', '2', '3']) {
      first.send(JSON.stringify({ id, type: 'subscribe', payload: { query: 'subscription { pressReleasePublished { id } }' } }));
    }
    await until(() => got.some((m) => m.id === '3'));
    const third = got.find((m) => m.id === '3');
    expect(third.type).toBe('error');
    expect(third.payload[0].extensions.code).toBe('BAD_REQUEST');
    expect(got.filter((m) => m.type === 'error' && m.id !== '3')).toEqual([]);
    // A connection closed frees its place.
    const gone = closedCode(sockets[2]);
    sockets[2].close();
    await gone;
    let again: WebSocket | undefined;
    for (let tries = 0; !again && tries < 50; tries++) again = await open().catch(() => new Promise<undefined>((r) => setTimeout(() => r(undefined), 100)));
    expect(again).toBeDefined();
    for (const s of [sockets[0], sockets[1], again!]) s.terminate();
  });

  it('pings, and drops a client that does not answer', async () => {
    const ws = await open({ autoPong: false });
    let pings = 0;
    ws.on('ping', () => pings++);
    const code = await closedCode(ws);
    expect(pings).toBeGreaterThan(0);
    expect(code).toBe(1006); // terminated, no close frame
  });

  it('drops a subscriber that stops reading instead of queueing events for it without end', async () => {
    const ws = await open({}, patient);
    const got = messages(ws);
    ws.send(JSON.stringify({ type: 'connection_init' }));
    await until(() => got.some((m) => m.type === 'connection_ack'));
    // Big events: the release body a hundred times over.
    const fields = Array.from({ length: 100 }, (_, i) => `b${i}: body`).join(' ');
    const before = await listening(patient);
    ws.send(JSON.stringify({ id: 'big', type: 'subscribe', payload: { query: `subscription { pressReleasePublished { ${fields} } }` } }));
    for (const deadline = Date.now() + 10_000; (await listening(patient)) <= before && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
    expect(await listening(patient)).toBe(before + 1);
    const closed = closedCode(ws);
    // The client stops reading; Postgres announces one published release 400 times.
    (ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    const { id } = (await tdb.db.pressRelease.findFirstOrThrow({ where: { status: 'PUBLISHED' }, orderBy: { body: 'desc' }, select: { id: true } }));
    const pg = new PgClient({ connectionString: tdb.url });
    await pg.connect();
    try {
      await pg.query(
        `SELECT pg_notify('release_status', json_build_object('id', $1::int, 'status', 'PUBLISHED', 'was', 'DRAFT', 'n', g)::text) FROM generate_series(1, 400) g`,
        [id],
      );
    } finally {
      await pg.end();
    }
    await new Promise((r) => setTimeout(r, 3000));
    (ws as unknown as { _socket: { resume(): void } })._socket.resume();
    // Cut off (no close frame could pass the unread data), and far from all 400 events delivered.
    expect(await closed).toBe(1006);
    expect(got.filter((m) => m.type === 'next').length).toBeLessThan(400);
  }, 30_000);
});

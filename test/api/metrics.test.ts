// GET /metrics: open without METRICS_TOKEN (a scrape on a private network), the token's holder's
// only with it.
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestServer, type TestServer } from '../support/server';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
let tdb: TestDatabase;
let open: TestServer;
let guarded: TestServer;

beforeAll(async () => {
  tdb = await createTestDatabase('ref');
  open = await startTestServer(tdb.db);
  guarded = await startTestServer(tdb.db, { METRICS_TOKEN });
});
afterAll(async () => {
  await open?.close();
  await guarded?.close();
  await tdb?.drop();
});

const metrics = (s: TestServer, authorization?: string) =>
  fetch(`${s.base}/metrics`, { headers: authorization ? { authorization } : {} });

it('answers anyone when METRICS_TOKEN is unset', async () => {
  const res = await metrics(open);
  expect(res.status).toBe(200);
  expect(await res.text()).toMatch(/process_cpu_seconds_total/);
});

it('answers 401 with a Bearer challenge without the token, a wrong one or another scheme, and the metrics with it', async () => {
  for (const authorization of [undefined, 'Bearer wrong', `Bearer ${METRICS_TOKEN}x`, `Basic ${Buffer.from(`x:${METRICS_TOKEN}`).toString('base64')}`, METRICS_TOKEN]) {
    const res = await metrics(guarded, authorization);
    const text = await res.text();
    expect({ authorization, status: res.status }).toEqual({ authorization, status: 401 });
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="metrics"/);
    expect(text).not.toMatch(/process_cpu_seconds_total/);
  }
  const res = await metrics(guarded, `Bearer ${METRICS_TOKEN}`);
  expect(res.status).toBe(200);
  expect(await res.text()).toMatch(/process_cpu_seconds_total/);
});

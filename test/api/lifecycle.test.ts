// The service's start and orderly stop (what SIGTERM triggers in main.ts): a request in flight
// when the stop begins is answered, new connections are refused, and the stop completes.
import pino from 'pino';
import { Client } from 'pg';
import { loadConfig } from '../../src/config';
import { startService } from '../../src/app';
import { createTestDatabase, type TestDatabase } from '../support/db';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase('corpus');
});
afterAll(async () => {
  await tdb?.drop();
});

it('answers the request in flight, then refuses new connections and stops', async () => {
  const config = loadConfig({ DATABASE_URL: tdb.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_ENV: 'test' });
  const service = await startService(config, pino({ level: 'silent' }));
  const base = `http://127.0.0.1:${service.port}`;
  expect((await fetch(`${base}/healthz`)).status).toBe(200);

  // Another session holds a lock on the releases, so the next query waits in flight.
  const locker = new Client({ connectionString: tdb.url });
  await locker.connect();
  await locker.query('BEGIN');
  await locker.query('LOCK TABLE press_release IN ACCESS EXCLUSIVE MODE');
  try {
    const inFlight = fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ pressReleases(first: 1) { totalCount } }' }),
    });
    await new Promise((r) => setTimeout(r, 300));
    let done = false;
    const stopped = service.stop().then(() => (done = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(done).toBe(false); // draining: a request is open
    await locker.query('COMMIT');
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { pressReleases: { totalCount: 16 } } });
    await stopped;
    expect(done).toBe(true);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  } finally {
    await locker.end();
  }
}, 60000);

#!/usr/bin/env node
// Outage and failover under load (issue 10, "Done when"): readers and editors work against the
// service for a while; through a TCP proxy between the service and Postgres (bench/tcp-proxy.js),
// the database goes away for a while (every connection reset, new ones refused), comes back, and
// later fails over (the open connections black-holed: no FIN, no RST; new ones reach the database).
//
// Reports, and fails (exit status 1) on any of them:
// - lost or undone writes: every acknowledged write is checked against the database at the end;
// - internal errors: any answer that is not 200, 503 SERVICE_UNAVAILABLE or a CONFLICT an editor
//   expects (HTTP 500, INTERNAL_SERVER_ERROR, a request without an answer);
// - recovery slower than --max-recovery (5 s): from the database returning (or failing over) to
//   the first moment after which every request is served.
//
// Plain Node over the compiled service (dist/, rebuilt when stale): `npm run bench:failover`.
// It creates a database of its own on the Postgres server of --database-url and drops it after.
'use strict';

const { parseArgs } = require('node:util');
const crypto = require('node:crypto');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { Client } = require('pg');
const { startTcpProxy } = require('./tcp-proxy');

const USAGE = `usage: node bench/failover.js [options]   (npm run bench:failover -- [options])
  --database-url URL  a Postgres server to create the bench's database on
                      (default BENCH_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres)
  --duration S        seconds of load (default 60)
  --readers N         concurrent anonymous readers (default 50)
  --editors N         concurrent editors, each with a key of its own (default 5)
  --outage-at S       when the database goes away (default: 25% of the duration)
  --outage S          how long it stays away (default 10)
  --failover-at S     when the open connections are black-holed (default: 65% of the duration)
  --max-recovery S    longest recovery that passes (default 5)
  --json              print the report as JSON`;

const root = path.join(__dirname, '..');

function options() {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      duration: { type: 'string', default: '60' },
      readers: { type: 'string', default: '50' },
      editors: { type: 'string', default: '5' },
      'outage-at': { type: 'string' },
      outage: { type: 'string', default: '10' },
      'failover-at': { type: 'string' },
      'max-recovery': { type: 'string', default: '5' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const duration = Number(values.duration);
  const o = {
    serverUrl: values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    duration,
    readers: Number(values.readers),
    editors: Number(values.editors),
    outageAt: values['outage-at'] !== undefined ? Number(values['outage-at']) : duration * 0.25,
    outage: Number(values.outage),
    failoverAt: values['failover-at'] !== undefined ? Number(values['failover-at']) : duration * 0.65,
    maxRecovery: Number(values['max-recovery']),
    json: values.json,
  };
  for (const [k, v] of Object.entries(o)) if (typeof v === 'number' && !(v >= 0)) throw new Error(`--${k}: not a number`);
  if (o.outageAt + o.outage >= o.failoverAt || o.failoverAt >= o.duration) {
    throw new Error('the outage must end before the failover, and the failover come before the end');
  }
  return o;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const withDatabase = (url, database) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

async function admin(serverUrl, sql) {
  const c = new Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

const READS = [
  () => ({ query: '{ pressReleases(first: 10) { totalCount edges { node { id title } } } }' }),
  () => ({ query: `{ pressReleases(first: 5, filter: { search: "${['energy', 'transport', 'trade', 'climate'][Math.floor(Math.random() * 4)]}" }) { edges { node { id } } } }` }),
  () => ({ query: `{ pressReleases(first: 5, filter: { countries: ["${['AZ', 'GE', 'AM', 'TR', 'UZ'][Math.floor(Math.random() * 5)]}"] }) { totalCount } }` }),
  () => ({ query: '{ facets { topics { missing } countries { missing } } }' }),
  () => ({ query: '{ country(code: "AZ") { name partners(first: 5) { meetingCount } } }' }),
  () => ({ query: '{ topics { slug } }' }),
];

async function main() {
  const o = options();
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-if-stale.js')], { stdio: 'inherit' });
  const pino = require('pino');
  const { loadConfig } = require(path.join(root, 'dist', 'config'));
  const { createDb } = require(path.join(root, 'dist', 'db', 'client'));
  const { migrateDeploy } = require(path.join(root, 'dist', 'db', 'migrate'));
  const { loadReferenceData } = require(path.join(root, 'dist', 'domain', 'reference-data'));
  const { loadCorpus } = require(path.join(root, 'dist', 'domain', 'corpus'));
  const { createApiKey } = require(path.join(root, 'dist', 'auth', 'api-keys'));
  const { createServer } = require(path.join(root, 'dist', 'server'));

  const database = `bench_failover_${crypto.randomBytes(4).toString('hex')}`;
  const url = withDatabase(o.serverUrl, database);
  await admin(o.serverUrl, `CREATE DATABASE "${database}"`);
  const direct = createDb(url, { poolSize: 2 });
  let proxy;
  let db;
  let server;
  try {
    process.stderr.write(`database ${database}: migrations, reference data, sample corpus…\n`);
    await migrateDeploy(url);
    await loadReferenceData(direct);
    await loadCorpus(direct);
    const keys = [];
    for (let i = 0; i < o.editors; i++) keys.push((await createApiKey(direct, `bench editor ${i}`, 'EDITOR')).key);

    const target = new URL(url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const via = proxy.via(url);
    // The service as src/app.ts makes it (pool, timeouts, stall check), its cache and change feed
    // through the proxy too. Every reader comes from this one address: no per-address rate here.
    const config = loadConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0', RATE_LIMIT_NO_CACHE_PER_MINUTE: '0', RATE_LIMIT_KEY_PER_MINUTE: '0' });
    db = createDb(via, {
      poolSize: config.dbPoolSize,
      statementTimeoutMs: config.statementTimeoutMs,
      idleInTransactionTimeoutMs: config.idleInTransactionTimeoutMs,
      stallCheckMs: config.dbStallCheckMs,
    });
    server = await createServer({ db, config, log: pino({ level: 'silent' }), databaseUrl: via });
    await new Promise((r) => server.httpServer.listen(0, '127.0.0.1', r));
    const endpoint = `http://127.0.0.1:${server.httpServer.address().port}/graphql`;

    const started = Date.now();
    const at = (s) => started + s * 1000;
    const end = at(o.duration);
    /** Every request: when it was sent and answered, and how. */
    const log = [];
    const codes = new Map();
    const internal = [];

    async function send(body, token, extraHeaders = {}) {
      const t0 = Date.now();
      let status = 0;
      let json;
      try {
        const res = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...extraHeaders },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        status = res.status;
        json = await res.json();
      } catch (e) {
        json = { errors: [{ message: String(e), extensions: { code: 'NO_ANSWER' } }] };
      }
      const errorCodes = (json.errors ?? []).map((e) => e.extensions?.code ?? 'NONE');
      const entry = { t0, t1: Date.now(), status, codes: errorCodes, ok: status === 200 && !errorCodes.length };
      if (process.env.BENCH_DEBUG && !entry.ok) {
        process.stderr.write(`${((t0 - started) / 1000).toFixed(2)}-${((entry.t1 - started) / 1000).toFixed(2)} ${status} ${(json.errors ?? []).map((e) => e.message).join('; ').slice(0, 120)} ${token ? 'W' : 'R'}\n`);
      }
      log.push(entry);
      for (const c of errorCodes.length ? errorCodes : ['OK']) codes.set(`${status} ${c}`, (codes.get(`${status} ${c}`) ?? 0) + 1);
      const expected = entry.ok || (status === 503 && errorCodes.every((c) => c === 'SERVICE_UNAVAILABLE')) || (status === 200 && errorCodes.every((c) => c === 'CONFLICT'));
      if (!expected) internal.push({ at: ((t0 - started) / 1000).toFixed(1), status, errors: (json.errors ?? []).map((e) => `${e.extensions?.code}: ${e.message}`).slice(0, 2) });
      return { ...entry, data: json.data };
    }

    async function reader() {
      while (Date.now() < end) {
        const body = READS[Math.floor(Math.random() * READS.length)]();
        await send(body, null, Math.random() < 0.2 ? { 'cache-control': 'no-cache' } : {});
      }
    }

    /** What each acknowledged write says the release is now: id -> { version, title, status }. */
    const acknowledged = new Map();
    /** Releases a write was answered 503 for after its last acknowledgement (it may or may not have been applied). */
    const uncertain = new Set();
    let writes = 0;
    let acked = 0;
    const RELEASE = 'id title status version';

    async function editor(key, n) {
      const mine = [];
      let serial = 0;
      while (Date.now() < end) {
        const roll = Math.random();
        if (!mine.length || roll < 0.25) {
          serial++;
          const title = `Bench ${database} editor ${n} release ${serial}`;
          writes++;
          const r = await send(
            {
              query: `mutation($input: PressReleaseInput!) { createPressRelease(input: $input) { ${RELEASE} } }`,
              variables: { input: { title, publishedAt: '2025-06-01T09:00:00Z', paragraphs: [`${title}: the first paragraph.`, `And a second one (${crypto.randomUUID()}).`] } },
            },
            key,
          );
          if (r.ok) {
            acked++;
            const rel = r.data.createPressRelease;
            acknowledged.set(rel.id, { version: rel.version, title: rel.title, status: rel.status });
            mine.push(rel.id);
          } else if (r.status === 503) {
            uncertain.add(`create:${title}`);
          }
          continue;
        }
        const id = mine[Math.floor(Math.random() * mine.length)];
        const known = acknowledged.get(id);
        let r;
        let field;
        writes++;
        if (roll < 0.7) {
          r = await send(
            {
              query: `mutation($id: ID!, $v: Int, $t: String!) { updatePressRelease(id: $id, input: { title: $t }, expectedVersion: $v) { ${RELEASE} } }`,
              variables: { id, v: known.version, t: `${known.title.replace(/ v\d+$/, '')} v${known.version + 1}` },
            },
            key,
          );
          field = 'updatePressRelease';
        } else if (roll < 0.9 || known.status !== 'PUBLISHED') {
          r = await send({ query: `mutation($id: ID!, $v: Int) { publishPressRelease(id: $id, expectedVersion: $v) { ${RELEASE} } }`, variables: { id, v: known.version } }, key);
          field = 'publishPressRelease';
        } else {
          r = await send(
            { query: `mutation($id: ID!, $v: Int) { retractPressRelease(id: $id, reason: "bench", expectedVersion: $v) { ${RELEASE} } }`, variables: { id, v: known.version } },
            key,
          );
          field = 'retractPressRelease';
        }
        if (r.ok) {
          acked++;
          const rel = r.data[field];
          acknowledged.set(id, { version: rel.version, title: rel.title, status: rel.status });
          uncertain.delete(id);
        } else {
          if (r.status === 503) uncertain.add(id);
          // A good client reloads what it is editing after a failure (a 503 write may have committed
          // just before its connection died; a CONFLICT means its version was stale).
          const again = await send({ query: `query($id: ID!) { node(id: $id) { ... on PressRelease { ${RELEASE} } } }`, variables: { id } }, key);
          if (again.ok && again.data.node) {
            const now = again.data.node;
            if (now.version > known.version) acknowledged.set(id, { version: now.version, title: now.title, status: now.status, reloaded: true });
          }
        }
      }
    }

    const events = [];
    const timeline = (async () => {
      await sleep(Math.max(0, at(o.outageAt) - Date.now()));
      await proxy.down({ refuse: true });
      events.push({ name: 'outage', at: Date.now() });
      process.stderr.write(`${((Date.now() - started) / 1000).toFixed(1)} s: database away (connections reset, new ones refused)\n`);
      await sleep(Math.max(0, at(o.outageAt + o.outage) - Date.now()));
      await proxy.up();
      events.push({ name: 'database back', at: Date.now() });
      process.stderr.write(`${((Date.now() - started) / 1000).toFixed(1)} s: database back\n`);
      await sleep(Math.max(0, at(o.failoverAt) - Date.now()));
      proxy.blackhole();
      events.push({ name: 'failover', at: Date.now() });
      process.stderr.write(`${((Date.now() - started) / 1000).toFixed(1)} s: failover (open connections black-holed, new ones go through)\n`);
    })();

    process.stderr.write(`load: ${o.readers} readers, ${o.editors} editors, ${o.duration} s\n`);
    await Promise.all([timeline, ...Array.from({ length: o.readers }, reader), ...keys.map((k, i) => editor(k, i))]);

    // Recovery after each event that ends unavailability (the database back, the failover): from
    // the event to the last answer, among those given before the next event, that was not served.
    // Requests caught on the black-holed connections are answered (503) once the service finds
    // them dead, so the failover's recovery includes that. Also: the slowest answer given meanwhile.
    const recoveries = [];
    for (const [i, name] of [
      [1, 'database back'],
      [2, 'failover'],
    ]) {
      const from = events[i].at;
      const until = events[i + 1]?.at ?? Infinity;
      const window = log.filter((e) => e.t1 >= from && e.t1 < until);
      const failures = window.filter((e) => !e.ok && !e.codes.every((c) => c === 'CONFLICT'));
      const lastFailure = Math.max(from, ...failures.map((e) => e.t1));
      recoveries.push({
        after: name,
        seconds: (lastFailure - from) / 1000,
        failedRequests: failures.length,
        slowestAnswerSeconds: Math.max(0, ...window.map((e) => e.t1 - e.t0)) / 1000,
      });
    }

    // Every acknowledged write, checked against the database (directly, not through the proxy).
    const { fromGlobalId } = require(path.join(root, 'dist', 'graphql', 'relay'));
    let lost = 0;
    let undone = 0;
    let appliedDespite503 = 0;
    const problems = [];
    for (const [id, want] of acknowledged) {
      const dbId = Number(fromGlobalId(id).key);
      const row = await direct.pressRelease.findUnique({ where: { id: dbId }, select: { title: true, status: true, version: true } });
      if (!row || row.version < want.version) {
        lost++;
        problems.push({ id, want, got: row });
      } else if (row.version === want.version && (row.title !== want.title || row.status !== want.status)) {
        undone++;
        problems.push({ id, want, got: row });
      } else if (row.version > want.version) {
        if (uncertain.has(id)) appliedDespite503++;
        else {
          undone++;
          problems.push({ id, want, got: row, why: 'changed by no acknowledged write' });
        }
      }
    }
    const createdUnacked = await direct.pressRelease.count({ where: { title: { startsWith: `Bench ${database}` } } });

    const report = {
      duration: o.duration,
      readers: o.readers,
      editors: o.editors,
      requests: log.length,
      served: log.filter((e) => e.ok).length,
      writes,
      acknowledgedWrites: acked,
      releasesChecked: acknowledged.size,
      releasesStored: createdUnacked,
      lostWrites: lost,
      undoneWrites: undone,
      appliedDespite503,
      internalErrors: internal.length,
      internalSamples: internal.slice(0, 5),
      recoveries,
      answers: Object.fromEntries([...codes].sort((a, b) => b[1] - a[1])),
      problems: problems.slice(0, 5),
    };
    const slow = recoveries.filter((r) => r.seconds > o.maxRecovery);
    const failed = lost > 0 || undone > 0 || internal.length > 0 || slow.length > 0;
    if (o.json) console.log(JSON.stringify(report, null, 2));
    else {
      console.log(`\n${report.requests} requests (${report.served} served), ${writes} writes (${acked} acknowledged) over ${o.duration} s`);
      console.log(`lost writes: ${lost}   undone writes: ${undone}   internal errors: ${internal.length}   (writes answered 503 yet applied: ${appliedDespite503})`);
      for (const r of recoveries) console.log(`recovery after ${r.after}: ${r.seconds.toFixed(1)} s (${r.failedRequests} requests not served meanwhile; slowest answer ${r.slowestAnswerSeconds.toFixed(1)} s)`);
      console.log('answers:', Object.entries(report.answers).map(([k, v]) => `${k} ×${v}`).join(', '));
      if (internal.length) console.log('internal errors, first ones:', JSON.stringify(report.internalSamples));
      if (problems.length) console.log('problems, first ones:', JSON.stringify(report.problems));
      console.log(failed ? 'FAIL' : 'PASS');
    }
    process.exitCode = failed ? 1 : 0;
  } finally {
    await server?.apollo.stop().catch(() => undefined);
    server?.feed?.stop?.().catch?.(() => undefined);
    await db?.$disconnect().catch(() => undefined);
    await proxy?.close();
    await direct.$disconnect().catch(() => undefined);
    await admin(o.serverUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
  }
}

main().then(
  () => process.exit(),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);

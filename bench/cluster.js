#!/usr/bin/env node
// Throughput of one service instance against two on the same database: starts the instances
// (`node dist/main.js`, production mode, free ports), loads them with autocannon (the connections
// split evenly over the instances), and prints requests/s for each count. Plain Node, no build
// step beyond the service's own: `node bench/cluster.js --database-url URL`; see bench/README.md.
'use strict';

const { spawn } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');
const { parseArgs } = require('node:util');
const autocannon = require('autocannon');

const USAGE = `usage: node bench/cluster.js --database-url URL [options]
  --database-url URL  the database every instance uses (or DATABASE_URL)
  --instances 1,2     instance counts to compare (default 1,2)
  --connections N     concurrent connections in all, split over the instances (default 20)
  --warmup S          warm-up seconds, not measured (default 3)
  --duration S        measured seconds (default 10)
  --cached            let the response cache answer (default: Cache-Control: no-cache, every answer computed)
  --redis URL         REDIS_URL for the instances (a shared response cache)
  --json              print the results as JSON`;

const WORDS = ['energy', 'cooperation', 'transport', 'climate', 'education', 'investment', 'tourism', 'security', 'trade', 'culture'];
const QUERY = `query ($q: String!) { pressReleases(first: 20, filter: { search: $q }) { totalCount edges { node { id title publishedAt countries { code } } } } }`;

const root = path.join(__dirname, '..');

function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function startInstance(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'dist', 'main.js')], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error('instance not healthy after 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url: `${base}/graphql`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

function load(url, connections, seconds, cached) {
  let i = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        connections,
        duration: seconds,
        headers: { 'content-type': 'application/json', ...(cached ? {} : { 'cache-control': 'no-cache' }) },
        requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ query: QUERY, variables: { q: WORDS[i++ % WORDS.length] } }) }) }],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on('error', reject);
  });
}

/** Runs `connections` spread over the instances at once; returns requests/s and failures in all. */
async function measure(urls, connections, seconds, cached) {
  const share = urls.map((_, k) => Math.floor(connections / urls.length) + (k < connections % urls.length ? 1 : 0));
  const results = await Promise.all(urls.map((u, k) => load(u, share[k], seconds, cached)));
  const requests = results.reduce((n, r) => n + r.requests.total, 0);
  const failures = results.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0);
  const p50 = Math.max(...results.map((r) => r.latency.p50));
  return { rps: requests / seconds, requests, failures, p50 };
}

async function main() {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      instances: { type: 'string', default: '1,2' },
      connections: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '3' },
      duration: { type: 'string', default: '10' },
      cached: { type: 'boolean', default: false },
      redis: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error(USAGE);
    process.exit(2);
  }
  const counts = values.instances.split(',').map(Number);
  const connections = Number(values.connections);
  // One address asking for computed answers: per-address rate limits off.
  const env = {
    DATABASE_URL: databaseUrl,
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
    RATE_LIMIT_NO_CACHE_PER_MINUTE: '0',
    ...(values.redis ? { REDIS_URL: values.redis } : {}),
  };
  const rows = [];
  for (const count of counts) {
    const instances = [];
    try {
      for (let k = 0; k < count; k++) instances.push(await startInstance(env));
      const urls = instances.map((s) => s.url);
      // One request each first: a wrong URL or schema fails here, not as a run of errors.
      for (const url of urls) {
        const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY, variables: { q: WORDS[0] } }) });
        const body = await r.json();
        if (!r.ok || body.errors) throw new Error(`probe failed: ${r.status} ${JSON.stringify(body.errors ?? '')}`);
      }
      await measure(urls, connections, Number(values.warmup), values.cached);
      rows.push({ instances: count, ...(await measure(urls, connections, Number(values.duration), values.cached)) });
    } finally {
      await Promise.all(instances.map((s) => s.stop()));
    }
  }
  if (values.json) return console.log(JSON.stringify({ connections, cached: values.cached, rows }, null, 2));
  console.log(`${connections} connections, ${values.cached ? 'response cache on' : 'every answer computed (no-cache)'}, ${values.duration} s measured`);
  console.log('instances  req/s    p50 ms  failures');
  const base = rows[0]?.rps;
  for (const r of rows) {
    const ratio = base ? ` (x${(r.rps / base).toFixed(2)})` : '';
    console.log(`${String(r.instances).padEnd(9)}  ${r.rps.toFixed(1).padStart(7)}  ${String(r.p50).padStart(6)}  ${String(r.failures).padStart(8)}${ratio}`);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});

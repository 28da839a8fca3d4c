#!/usr/bin/env node
// Computed speed against PostGraphile 5 and a raw-SQL floor: `npm run bench:compare`.
// See bench/README.md ("Comparison"). Plain Node (CommonJS, no build step of its own).
//
// 1. Installs bench/peer (PostGraphile 5.1.5 and Node 22 from the npm package `node`) with npm ci
//    on first run; builds the service if its build is stale.
// 2. Uses BENCH_DATABASE_URL (default: database prg_bench_10k on 127.0.0.1:5432), creating it and
//    loading 10,000 synthetic releases (`--seed 2026`) when it holds none.
// 3. Starts three servers on Node 22 over the same database, pools of 10: ours (dist/main.js,
//    NODE_ENV=production), PostGraphile (amber preset), the floor (bench/floor.js).
// 4. Checks that the three answer every workload's queries equally (normalised), then measures
//    with autocannon: keep-alive, 10 connections, servers alternating, three rounds, medians.
//    Every request carries `Cache-Control: no-cache`, so our server computes every answer.
// 5. Prints the table, writes bench/results/compare-latest.json and the table into
//    bench/README.md; exits 1 when a target is missed (ours >= 1.0x PostGraphile's requests/s with
//    p99 no worse, and >= 0.3x the floor's).
'use strict';

const { parseArgs } = require('node:util');
const { spawnSync, execSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { startServer: start, waitReady, ROOT, PEER, requestFor, headers, cannon: load } = require('./load');
const { WORKLOADS } = require('./workloads');
const { SEARCHES, PGL_FUNCTION } = require('./searches');

const RESULTS = path.join(__dirname, 'results');

const USAGE = `usage: npm run bench:compare -- [options]
  --database-url URL  bench database (default BENCH_DATABASE_URL or postgresql://postgres@127.0.0.1:5432/prg_bench_10k)
  --releases N        synthetic releases to load into an empty database (default 10000)
  --rounds N          rounds, servers alternating within each (default 3)
  --duration S        measured seconds per server, workload and round (default 5)
  --warmup S          unmeasured seconds before each measurement (default 2)
  --connections N     concurrent keep-alive connections (default 10)
  --only a,b          only these workloads (names as in the table)
  --servers a,b       only these of ours,postgraphile,floor (default all three)
  --no-write          print only: leave bench/README.md and bench/results alone
  --cached            send no Cache-Control: our server answers from its response cache (with
                      --servers ours: the cached figures beside the computed ones; implies --no-write)
  --server-env K=V    extra environment for our server (repeatable), e.g. a rate-limit setting
  --port-base N       ports of ours, PostGraphile and the floor: N, N+1, N+2 (default 4500); a
                      port already taken stops the run`;

const { values: opts } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    releases: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
    servers: { type: 'string', default: 'ours,postgraphile,floor' },
    'no-write': { type: 'boolean', default: false },
    cached: { type: 'boolean', default: false },
    'server-env': { type: 'string', multiple: true, default: [] },
    'port-base': { type: 'string', default: '4500' },
    help: { type: 'boolean', default: false },
  },
});
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}

const DATABASE_URL = opts['database-url'] ?? process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/prg_bench_10k';
const ROUNDS = Number(opts.rounds);
const DURATION = Number(opts.duration);
const WARMUP = Number(opts.warmup);
const CONNECTIONS = Number(opts.connections);
const SERVERS = opts.servers.split(',');
const PORT_BASE = Number(opts['port-base']);
const PORTS = { ours: PORT_BASE, postgraphile: PORT_BASE + 1, floor: PORT_BASE + 2 };

/** Refuses ports another process listens on: its answers would be measured instead of ours. */
async function assertPortsFree() {
  const net = require('node:net');
  for (const [name, port] of Object.entries(PORTS).filter(([name]) => SERVERS.includes(name))) {
    const taken = await new Promise((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => (s.destroy(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (taken) throw new Error(`port ${port} (${name}) is already in use: stop what listens there, or pass --port-base`);
  }
}

const log = (...a) => console.error('[bench]', ...a);

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}

/** bench/peer installed from its lock (PostGraphile and Node 22). */
function ensurePeer() {
  const node = path.join(PEER, 'node_modules', '.bin', 'node');
  if (!fs.existsSync(node) || !fs.existsSync(path.join(PEER, 'node_modules', 'postgraphile'))) {
    log('installing bench/peer (npm ci: PostGraphile 5, Node 22)…');
    run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: PEER });
  }
  const version = execSync(`"${node}" -v`).toString().trim();
  if (!version.startsWith('v22.')) throw new Error(`bench/peer's node is ${version}, not 22`);
  return { node, version };
}

async function ensureDatabase(releases) {
  const url = new URL(DATABASE_URL);
  const name = decodeURIComponent(url.pathname.slice(1));
  const admin = new URL(DATABASE_URL);
  admin.pathname = '/postgres';
  const a = new Client({ connectionString: admin.toString() });
  await a.connect();
  const exists = (await a.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount > 0;
  if (!exists) {
    log(`creating database ${name}`);
    await a.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  }
  await a.end();
  const c = new Client({ connectionString: DATABASE_URL });
  await c.connect();
  const hasTable = (await c.query("SELECT to_regclass('public.press_release') IS NOT NULL AS t")).rows[0].t;
  const count = hasTable ? Number((await c.query('SELECT count(*) FROM press_release')).rows[0].count) : 0;
  await c.end();
  if (count === 0) {
    log(`loading ${releases} synthetic releases into ${name} (a minute or two)…`);
    run(process.execPath, [path.join(ROOT, 'dist', 'cli', 'synthetic.js'), '--releases', String(releases), '--seed', '2026'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL },
    });
  } else {
    log(`database ${name}: ${count} releases`);
  }
  // Migrations of a newer checkout, then the PostGraphile peer's search function.
  run(process.execPath, ['-r', './scripts/unref-long-timers.js', 'node_modules/prisma/build/index.js', 'migrate', 'deploy'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const d = new Client({ connectionString: DATABASE_URL });
  await d.connect();
  await d.query(PGL_FUNCTION);
  const stats = (await d.query(`SELECT (SELECT count(*) FROM press_release)::int AS releases, (SELECT count(*) FROM meeting)::int AS meetings,
    (SELECT count(*) FROM participant)::int AS participants, current_setting('server_version') AS pg`)).rows[0];
  const releaseIds = (await d.query("SELECT id FROM press_release WHERE status = 'PUBLISHED' ORDER BY published_at DESC, id DESC LIMIT 20")).rows.map((r) => r.id);
  const issuer = (await d.query("SELECT issuer_country_code AS c FROM press_release WHERE status = 'PUBLISHED' AND issuer_country_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")).rows[0].c;
  await d.end();
  return { stats, rotations: { releaseIds, issuer: [issuer] } };
}

function startServer(name, node) {
  return start({ name, node, port: PORTS[name], databaseUrl: DATABASE_URL, serverEnv: opts['server-env'], onExit: (n, code, stderr) => log(`${n} exited (${code}): ${stderr}`) });
}

const HEADERS = headers(opts.cached);

async function ask(server, w, value) {
  const r = requestFor(server, w, value);
  const res = await fetch(`http://127.0.0.1:${PORTS[server]}${r.path}`, { method: 'POST', headers: HEADERS, body: r.body });
  const json = await res.json();
  if (res.status !== 200 || json.errors) throw new Error(`${server} / ${w.name}: HTTP ${res.status} ${JSON.stringify(json.errors ?? json).slice(0, 500)}`);
  return w.normalize[server === 'postgraphile' ? 'pgl' : server](json.data);
}

/** JSON with keys sorted, so key order does not count. */
const canonical = (v) => JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));

function firstDifference(a, b, at = '') {
  if (canonical(a) === canonical(b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[k], b[k], `${at}.${k}`);
      if (d) return d;
    }
  }
  return `${at || '(root)'}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`;
}

async function checkEqual(w, servers, values) {
  for (const value of values) {
    const answers = {};
    for (const s of servers) answers[s] = await ask(s, w, value);
    const [first, ...rest] = servers;
    for (const s of rest) {
      const d = firstDifference(answers[first], answers[s]);
      if (d) throw new Error(`${w.name} (${value ?? 'no variable'}): ${first} and ${s} answer differently at ${d}`);
    }
  }
}

function cannon(server, w, values, seconds) {
  return load({ server, port: PORTS[server], connections: CONNECTIONS, w, values, seconds, cached: opts.cached });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function cpuIdle(ms = 1000) {
  const t = (cpus) => cpus.reduce((acc, c) => ({ idle: acc.idle + c.times.idle, total: acc.total + Object.values(c.times).reduce((x, y) => x + y, 0) }), { idle: 0, total: 0 });
  const a = t(os.cpus());
  await new Promise((r) => setTimeout(r, ms));
  const b = t(os.cpus());
  return (b.idle - a.idle) / (b.total - a.total);
}

async function main() {
  const peer = ensurePeer();
  log(`Node for the servers: ${peer.version} (bench/peer)`);
  run(process.execPath, [path.join(ROOT, 'scripts', 'build-if-stale.js')], { cwd: ROOT });
  const { stats, rotations } = await ensureDatabase(Number(opts.releases));
  const only = opts.only ? new Set(opts.only.split(',')) : null;
  const workloads = [...WORKLOADS, ...SEARCHES].filter((w) => !only || only.has(w.name));
  const valuesOf = (w) => (Array.isArray(w.rotate) ? w.rotate : w.rotate ? rotations[w.rotate] : []);
  const serversOf = (w) => SERVERS.filter((s) => s !== 'postgraphile' || w.pgl);

  await assertPortsFree();
  const servers = SERVERS.map((s) => startServer(s, peer.node));
  const stopAll = () => {
    for (const s of servers) {
      s.child.stopping = true;
      s.child.kill('SIGTERM');
    }
  };
  process.on('SIGINT', () => {
    stopAll();
    process.exit(130);
  });
  try {
    await Promise.all(servers.map(waitReady));
    log('servers ready; checking that they answer alike…');
    for (const w of workloads) {
      await checkEqual(w, serversOf(w), valuesOf(w).length ? valuesOf(w) : [undefined]);
    }
    log(`answers equal for ${workloads.length} workloads; measuring (${ROUNDS} rounds × ${WARMUP}+${DURATION} s per server and workload)…`);
    const samples = {}; // workload -> server -> [{ rps, p50, p99, errors }]
    for (let round = 0; round < ROUNDS; round++) {
      for (const w of workloads) {
        const order = serversOf(w);
        // Alternate: each round starts with the next server.
        const rotated = [...order.slice(round % order.length), ...order.slice(0, round % order.length)];
        for (const s of rotated) {
          await cannon(s, w, valuesOf(w), WARMUP);
          const r = await cannon(s, w, valuesOf(w), DURATION);
          const errors = r.errors + r.timeouts + r.non2xx;
          ((samples[w.name] ??= {})[s] ??= []).push({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors });
          log(`round ${round + 1} ${w.name.padEnd(15)} ${s.padEnd(13)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms${errors ? `  ERRORS ${errors}` : ''}`);
        }
      }
    }
    const rows = workloads.map((w) => {
      const m = {};
      for (const [s, list] of Object.entries(samples[w.name])) {
        m[s] = { rps: median(list.map((x) => x.rps)), p50: median(list.map((x) => x.p50)), p99: median(list.map((x) => x.p99)), errors: list.reduce((a, x) => a + x.errors, 0), rounds: list };
      }
      const vsPgl = m.postgraphile && m.ours ? m.ours.rps / m.postgraphile.rps : null;
      const vsFloor = m.floor && m.ours ? m.ours.rps / m.floor.rps : null;
      const p99NoWorse = m.postgraphile && m.ours ? m.ours.p99 <= m.postgraphile.p99 : null;
      const ok = (vsPgl === null || (vsPgl >= 1 && p99NoWorse)) && (vsFloor === null || vsFloor >= 0.3) && !m.ours?.errors;
      return { name: w.name, what: w.what, servers: m, vsPostgraphile: vsPgl, vsFloor, p99NoWorse, ok };
    });
    const commit = execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim();
    const dirty = execSync('git status --porcelain -- src prisma bench', { cwd: ROOT }).toString().trim() !== '';
    const report = {
      date: new Date().toISOString(),
      commit: commit + (dirty ? '+changes' : ''),
      node: peer.version,
      machine: `${os.cpus().length} × ${os.cpus()[0].model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`,
      postgres: stats.pg,
      data: stats,
      settings: { rounds: ROUNDS, duration: DURATION, warmup: WARMUP, connections: CONNECTIONS, cache: opts.cached ? 'used (no Cache-Control)' : 'bypassed (Cache-Control: no-cache)' },
      idleBefore: null,
      rows,
    };
    const table = markdownTable(report);
    console.log(table);
    if (!opts['no-write'] && !opts.cached) {
      fs.mkdirSync(RESULTS, { recursive: true });
      fs.writeFileSync(path.join(RESULTS, 'compare-latest.json'), `${JSON.stringify(report, null, 2)}\n`);
      const readme = path.join(__dirname, 'README.md');
      const text = fs.readFileSync(readme, 'utf8');
      const start = '<!-- compare:start -->';
      const end = '<!-- compare:end -->';
      const block = `${start}\n${table}\n${end}`;
      fs.writeFileSync(readme, text.includes(start) ? text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block) : `${text.trimEnd()}\n\n${block}\n`);
      log('wrote bench/results/compare-latest.json and the table in bench/README.md');
    }
    const missed = rows.filter((r) => !r.ok);
    if (missed.length) {
      log(`targets missed: ${missed.map((r) => r.name).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    stopAll();
  }
}

function markdownTable(r) {
  const f = (x, d = 0) => (x === null || x === undefined ? '–' : x.toFixed(d));
  const lines = [
    `${r.date.slice(0, 16).replace('T', ' ')} UTC, commit \`${r.commit}\`, Node ${r.node} (all servers), ${r.machine}, PostgreSQL ${r.postgres}; ` +
      `${r.data.releases} releases, ${r.data.meetings} meetings, ${r.data.participants} participants; ${r.settings.connections} connections, keep-alive, ` +
      `${r.settings.rounds} rounds × ${r.settings.duration} s (after ${r.settings.warmup} s warm-up), servers alternating, medians; our response cache ${opts.cached ? 'used' : 'bypassed (`Cache-Control: no-cache`)'}.`,
    '',
    '| workload | ours req/s | PGL req/s | floor req/s | ours p99 ms | PGL p99 ms | floor p99 ms | ours / PGL | ours / floor | target |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const row of r.rows) {
    const s = row.servers;
    lines.push(
      `| ${row.name} | ${f(s.ours?.rps)} | ${f(s.postgraphile?.rps)} | ${f(s.floor?.rps)} | ${f(s.ours?.p99)} | ${f(s.postgraphile?.p99)} | ${f(s.floor?.p99)} | ${f(row.vsPostgraphile, 2)} | ${f(row.vsFloor, 2)} | ${row.ok ? 'met' : 'MISSED'}${s.ours?.errors ? ` (${s.ours.errors} errors)` : ''} |`,
    );
  }
  return lines.join('\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});

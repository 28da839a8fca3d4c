#!/usr/bin/env node
// Issue 9's targets on 100,000 releases, computed: `npm run bench:scale`.
//
// Uses BENCH_SCALE_DATABASE_URL (default: database prg_bench_100k on 127.0.0.1:5432), creating it
// and loading 100,000 synthetic releases (`--seed 2026`, a few minutes) when it holds none; starts
// our server on Node 22 (bench/peer, installed by `npm run bench:compare` or here), runs
// bench/run.js with every answer computed (`--no-cache`) at 10 connections, then search and facets
// at 50 connections while reading the server's peak RSS (VmHWM). Prints the targets and exits 1
// when one is missed: keyword search and phrase + country p95 < 50 ms, facets (whole archive, one
// topic, drill-down) p95 < 150 ms, partners and trend p95 < 100 ms, peak RSS < 300 MB.
'use strict';

const { spawn, spawnSync, execFileSync, execSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { parseArgs } = require('node:util');

const USAGE = `usage: npm run bench:scale [-- --only search,phrase+country] [--no-readme]
  --only       scenarios of bench/run.js to measure (default: all); the 50-connection run takes
               those of search, facets and drill-down among them (peak RSS is read only when it runs)
  --no-readme  do not write the table into bench/README.md (bench/results/scale-latest.json still)
Environment: BENCH_SCALE_DATABASE_URL (default prg_bench_100k on 127.0.0.1:5432), BENCH_SCALE_RELEASES.`;
const { values: opts } = parseArgs({
  options: { only: { type: 'string' }, 'no-readme': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  strict: true,
});
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
const ONLY = opts.only ? opts.only.split(',').map((s) => s.trim()).filter(Boolean) : null;
const AT50 = ['search', 'facets', 'drill-down'].filter((n) => !ONLY || ONLY.includes(n));

const ROOT = path.resolve(__dirname, '..');
const PEER = path.join(__dirname, 'peer');
const URL_ = process.env.BENCH_SCALE_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/prg_bench_100k';
const RELEASES = Number(process.env.BENCH_SCALE_RELEASES ?? 100000);
const PORT = 4510;
const TARGETS = { search: 50, 'phrase+country': 50, facets: 150, 'facets+topic': 150, 'drill-down': 150, partners: 100, trend: 100 };
const RSS_TARGET_MB = 300;
const log = (...a) => console.error('[scale]', ...a);
const ms = (x) => (Number.isFinite(x) ? String(Math.round(x)) : '–');

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}

async function ensureDatabase() {
  const name = decodeURIComponent(new URL(URL_).pathname.slice(1));
  const admin = new URL(URL_);
  admin.pathname = '/postgres';
  const a = new Client({ connectionString: admin.toString() });
  await a.connect();
  if ((await a.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 0) await a.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  await a.end();
  const c = new Client({ connectionString: URL_ });
  await c.connect();
  const has = (await c.query("SELECT to_regclass('public.press_release') IS NOT NULL AS t")).rows[0].t;
  const count = has ? Number((await c.query('SELECT count(*) FROM press_release')).rows[0].count) : 0;
  await c.end();
  if (count === 0) {
    log(`loading ${RELEASES} synthetic releases into ${name} (minutes)…`);
    run(process.execPath, [path.join(ROOT, 'dist', 'cli', 'synthetic.js'), '--releases', String(RELEASES), '--seed', '2026'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: URL_ } });
  } else {
    log(`database ${name}: ${count} releases`);
  }
  return count || RELEASES;
}

function benchRun(args) {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'run.js'), '--url', `http://127.0.0.1:${PORT}/graphql`, '--json', ...args], {
    cwd: ROOT,
    maxBuffer: 64 * 2 ** 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.toString()).results;
}

async function main() {
  const node = path.join(PEER, 'node_modules', '.bin', 'node');
  if (!fs.existsSync(node)) run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: PEER });
  run(process.execPath, [path.join(ROOT, 'scripts', 'build-if-stale.js')], { cwd: ROOT });
  const releases = await ensureDatabase();
  run(process.execPath, ['-r', './scripts/unref-long-timers.js', 'node_modules/prisma/build/index.js', 'migrate', 'deploy'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: URL_ },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // The server's old space is capped as docs/operations.md says to deploy it: 112 MB for the
  // service, plus the response cache (RESPONSE_CACHE_MB) and the facet memo (16 MB). Uncapped, V8
  // let 170 MB of garbage pile up before a full collection at 50 connections (peak RSS 316 to 324 MB).
  const heapMb = 112 + Number(process.env.RESPONSE_CACHE_MB ?? 64) + 16;
  const server = spawn(node, [`--max-old-space-size=${heapMb}`, path.join(ROOT, 'dist', 'main.js')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: URL_, PORT: String(PORT), HOST: '127.0.0.1', NODE_ENV: 'production', SEED_ON_START: 'false',
      // The bench is one address asking for computed answers: the per-address limits are off.
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0', RATE_LIMIT_NO_CACHE_PER_MINUTE: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let i = 0; ; i++) {
      if (i > 240) throw new Error('server not ready in 120 s');
      if (server.exitCode !== null) throw new Error('server exited');
      const ok = await fetch(`http://127.0.0.1:${PORT}/healthz`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    log('computed, 10 connections…');
    const at10 = benchRun(['--no-cache', '--connections', '10', '--warmup', '3', '--duration', '10', '--timeout', '30', ...(ONLY ? ['--only', ONLY.join(',')] : [])]);
    let at50 = [];
    if (AT50.length) {
      log('computed, 50 connections (peak RSS)…');
      at50 = benchRun(['--no-cache', '--connections', '50', '--warmup', '2', '--duration', '10', '--timeout', '60', '--only', AT50.join(',')]);
    }
    const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8');
    const peakMb = AT50.length ? Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024 : NaN;
    const rows = at10.map((r) => ({ ...r, target: TARGETS[r.name] ?? null, ok: TARGETS[r.name] == null || (r.requests > 0 && r.p95 < TARGETS[r.name] && r.errors === 0) }));
    const commit = execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim();
    const lines = [
      `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit \`${commit}\`, ${os.cpus().length} × ${os.cpus()[0].model}, Node 22 (bench/peer), ${releases} releases, every answer computed (\`--no-cache\`), 10 connections:`,
      '',
      '| scenario | req/s | p50 ms | p95 ms | p99 ms | errors | target p95 | |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      ...rows.map((r) => `| ${r.name} | ${r.rps} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors} | ${r.target ? `< ${r.target}` : '–'} | ${r.ok ? 'met' : 'MISSED'} |`),
      '',
      AT50.length
        ? `At 50 connections (${at50.map((r) => `${r.name} p95 ${ms(r.p95)} ms`).join(', ')}): peak RSS ${peakMb.toFixed(0)} MB (target < ${RSS_TARGET_MB} MB) ${peakMb < RSS_TARGET_MB ? 'met' : 'MISSED'}.`
        : 'No 50-connection run (--only): peak RSS not measured.',
    ];
    console.log(lines.join('\n'));
    fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    const readme = path.join(__dirname, 'README.md');
    const text = fs.readFileSync(readme, 'utf8');
    if (!opts['no-readme'] && text.includes('<!-- scale:start -->')) {
      fs.writeFileSync(readme, text.replace(/<!-- scale:start -->[\s\S]*?<!-- scale:end -->/, `<!-- scale:start -->\n${lines.join('\n')}\n<!-- scale:end -->`));
    }
    fs.writeFileSync(path.join(__dirname, 'results', 'scale-latest.json'), `${JSON.stringify({ date: new Date().toISOString(), commit, releases, at10: rows, at50, peakRssMb: peakMb }, null, 2)}\n`);
    if (rows.some((r) => !r.ok) || (AT50.length && !(peakMb < RSS_TARGET_MB))) process.exitCode = 1;
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});

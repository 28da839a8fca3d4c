#!/usr/bin/env node
// What our statements cost on the Postgres side, beside PostGraphile's and the floor's (issue 9):
// `node bench/pgside.js --database-url URL`. See bench/README.md ("Postgres's side").
//
// The database server must have pg_stat_statements loaded (`shared_preload_libraries`) and
// created in the bench database, with `pg_stat_statements.track_planning = on`, and run on this
// machine (its processes' CPU is read from /proc): a throwaway cluster is the way (bench/README.md).
// Only the measured server may use that cluster while it runs: every backend's CPU is counted.
//
// For each workload of bench/workloads.js and bench/searches.js (the searches and facets; `--only`
// picks) and each server (ours, PostGraphile, the floor), one after the other: a warm-up, then
// `--duration` seconds of autocannon (keep-alive, `--connections`), reading before and after it
// the CPU time of the whole cluster (every child of the postmaster, and the children it reaped),
// of the Node server, and pg_stat_statements (reset before each run).
// Prints per request: Postgres CPU ms, server CPU ms, statements (by kind), and pg_stat_statements'
// plan and execution ms; `--statements` lists each statement text with its calls per request;
// `--all-issuers` makes the issuer workload ask for every issuer in turn instead of the most frequent.
'use strict';

const { parseArgs } = require('node:util');
const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');
const { startServer: start, waitReady, PEER, cannon: load } = require('./load');
const { WORKLOADS } = require('./workloads');
const { SEARCHES, PGL_FUNCTION } = require('./searches');


const { values: opts } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '1' },
    only: { type: 'string' },
    servers: { type: 'string', default: 'ours,postgraphile,floor' },
    'port-base': { type: 'string', default: '4650' },
    'server-env': { type: 'string', multiple: true, default: [] },
    statements: { type: 'boolean', default: false },
    'all-issuers': { type: 'boolean', default: false },
    json: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (opts.help) {
  console.log(fs.readFileSync(__filename, 'utf8').split('\n').slice(1, 17).join('\n'));
  process.exit(0);
}
const DATABASE_URL = opts['database-url'] ?? process.env.BENCH_DATABASE_URL;
if (!DATABASE_URL) throw new Error('--database-url (a cluster with pg_stat_statements) is required');
const PORT_BASE = Number(opts['port-base']);
const PORTS = { ours: PORT_BASE, postgraphile: PORT_BASE + 1, floor: PORT_BASE + 2 };
const SERVERS = opts.servers.split(',');
const CONNECTIONS = Number(opts.connections);
const log = (...a) => console.error('[pgside]', ...a);
const TICK = 100; // USER_HZ on Linux

/** utime + stime (+ reaped children's, for the postmaster) of a process, in ms. */
function cpuOf(pid, withChildren = false) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // f[0] is field 3 (state); utime is field 14, stime 15, cutime 16, cstime 17.
    const t = Number(f[11]) + Number(f[12]) + (withChildren ? Number(f[13]) + Number(f[14]) : 0);
    return (t * 1000) / TICK;
  } catch {
    return 0;
  }
}
function childrenOf(ppid) {
  const out = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(f[1]) === ppid) out.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return out;
}
/** The cluster's CPU: the postmaster, its living children, and those it reaped. */
function clusterCpu(postmaster) {
  return cpuOf(postmaster, true) + childrenOf(postmaster).reduce((a, p) => a + cpuOf(p), 0);
}

function startServer(name, node) {
  return start({ name, node, port: PORTS[name], databaseUrl: DATABASE_URL, serverEnv: opts['server-env'] });
}

function cannon(server, w, values, seconds) {
  return load({ server, port: PORTS[server], connections: CONNECTIONS, w, values, seconds });
}

/** A statement's kind, for the summary: the read, or what else came with it. */
function kindOf(q) {
  const s = q.trim().replace(/^\/\*[\s\S]*?\*\/\s*/, '');
  const m = /^(begin|commit|rollback|set local|set|reset|show|select 1\b|select set_config|savepoint|release|deallocate|discard|listen|unlisten)/i.exec(s);
  return m ? m[1].toLowerCase() : 'read';
}

async function main() {
  const node = path.join(PEER, 'node_modules', '.bin', 'node');
  const admin = new Client({ connectionString: DATABASE_URL, application_name: 'pgside-probe' });
  await admin.connect();
  const dataDir = (await admin.query('SHOW data_directory')).rows[0].data_directory;
  const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const probePid = (await admin.query('SELECT pg_backend_pid() AS p')).rows[0].p;
  const settings = (await admin.query(`SELECT current_setting('shared_preload_libraries') AS spl, current_setting('pg_stat_statements.track_planning', true) AS tp, version() AS v`)).rows[0];
  if (!/pg_stat_statements/.test(settings.spl)) throw new Error('pg_stat_statements is not in shared_preload_libraries');
  const releaseIds = (await admin.query("SELECT id FROM press_release WHERE status = 'PUBLISHED' ORDER BY published_at DESC, id DESC LIMIT 20")).rows.map((r) => r.id);
  // The issuer workload asks for the most frequent issuer, or with --all-issuers for every issuer in turn (a crawl).
  const issuers = (await admin.query("SELECT issuer_country_code AS c FROM press_release WHERE status = 'PUBLISHED' AND issuer_country_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1")).rows.map((r) => r.c);
  const rotations = { releaseIds, issuer: opts['all-issuers'] ? issuers : issuers.slice(0, 1) };
  const valuesOf = (w) => (Array.isArray(w.rotate) ? w.rotate : w.rotate ? rotations[w.rotate] : []);
  const only = opts.only ? new Set(opts.only.split(',')) : null;
  // The table's five, then the searches and facets of bench/searches.js (PostGraphile answers the
  // two searches through the bench_peer function, created here as bench:compare creates it).
  const workloads = [...WORKLOADS, ...SEARCHES].filter((w) => !only || only.has(w.name));
  if (workloads.some((w) => SEARCHES.includes(w)) && SERVERS.includes('postgraphile')) await admin.query(PGL_FUNCTION);
  log(`postmaster ${postmaster}, ${settings.v.split(' on ')[0]}, track_planning ${settings.tp}`);

  const results = [];
  for (let round = 0; round < Number(opts.rounds); round++) {
    for (const name of SERVERS) {
      const server = startServer(name, node);
      try {
        await waitReady(server);
        for (const w of workloads) {
          if (name === 'postgraphile' && !w.pgl) continue;
          await cannon(name, w, valuesOf(w), Number(opts.warmup));
          await admin.query('SELECT pg_stat_statements_reset()');
          const pg0 = clusterCpu(postmaster);
          const node0 = cpuOf(server.child.pid);
          const r = await cannon(name, w, valuesOf(w), Number(opts.duration));
          const pg1 = clusterCpu(postmaster);
          const node1 = cpuOf(server.child.pid);
          const stmts = (
            await admin.query(
              `SELECT query, calls::int, total_plan_time AS plan, total_exec_time AS exec, plans::int, rows::int, shared_blks_hit::int AS hit, shared_blks_read::int AS read
               FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
            )
          ).rows.filter((s) => !/pg_stat_statements/.test(s.query));
          const n = r.requests.total;
          const errors = r.errors + r.timeouts + r.non2xx;
          const per = (x) => x / n;
          const byKind = {};
          for (const s of stmts) byKind[kindOf(s.query)] = (byKind[kindOf(s.query)] ?? 0) + s.calls;
          const row = {
            workload: w.name,
            server: name,
            round: round + 1,
            requests: n,
            rps: r.requests.average,
            p99: r.latency.p99,
            errors,
            pgCpuMs: per(pg1 - pg0),
            nodeCpuMs: per(node1 - node0),
            statements: per(stmts.reduce((a, s) => a + s.calls, 0)),
            byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, per(v)])),
            planMs: per(stmts.reduce((a, s) => a + s.plan, 0)),
            execMs: per(stmts.reduce((a, s) => a + s.exec, 0)),
            blocksHit: per(stmts.reduce((a, s) => a + s.hit, 0)),
            detail: stmts
              .sort((a, b) => b.calls - a.calls)
              .map((s) => ({ calls: per(s.calls), plans: per(s.plans), planMs: s.calls ? s.plan / s.calls : 0, execMs: s.calls ? s.exec / s.calls : 0, rows: per(s.rows), query: s.query })),
          };
          results.push(row);
          const kinds = Object.entries(row.byKind).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ');
          log(
            `${w.name.padEnd(12)} ${name.padEnd(12)} ${row.rps.toFixed(0).padStart(5)} req/s  pg CPU ${row.pgCpuMs.toFixed(3)} ms/req  node CPU ${row.nodeCpuMs.toFixed(3)} ms/req  ` +
              `statements ${row.statements.toFixed(2)} (${kinds})  plan ${row.planMs.toFixed(3)} ms  exec ${row.execMs.toFixed(3)} ms  hit ${row.blocksHit.toFixed(0)}${errors ? `  ERRORS ${errors}` : ''}`,
          );
          if (opts.statements) {
            for (const d of row.detail) log(`    ${d.calls.toFixed(2)}/req plans ${d.plans.toFixed(2)} plan ${d.planMs.toFixed(3)} exec ${d.execMs.toFixed(3)} ms  ${d.query.replace(/\s+/g, ' ').slice(0, 220)}`);
          }
        }
      } finally {
        server.child.kill('SIGTERM');
        await new Promise((r) => (server.child.exitCode !== null ? r() : server.child.on('exit', r)));
      }
    }
  }
  await admin.end();
  if (opts.json) fs.writeFileSync(opts.json, `${JSON.stringify({ date: new Date().toISOString(), postgres: settings.v, results }, null, 2)}\n`);
  // Medians per workload and server.
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  console.log('| workload | server | req/s | Postgres CPU ms/req | server CPU ms/req | statements/req | plan ms/req | exec ms/req |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const w of workloads) {
    for (const s of SERVERS) {
      const rs = results.filter((r) => r.workload === w.name && r.server === s);
      if (!rs.length) continue;
      const m = (k) => median(rs.map((r) => r[k]));
      console.log(`| ${w.name} | ${s} | ${m('rps').toFixed(0)} | ${m('pgCpuMs').toFixed(3)} | ${m('nodeCpuMs').toFixed(3)} | ${m('statements').toFixed(2)} | ${m('planMs').toFixed(3)} | ${m('execMs').toFixed(3)} |`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});

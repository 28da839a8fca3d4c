#!/usr/bin/env node
// Two builds of our server (and PostGraphile) measured in interleaved slices: `node bench/ab.js
// --other ../main-checkout --only flat,meetings`. See bench/README.md ("Interleaved A/B").
//
// bench:compare measures each server for 5 s in turn; on a machine shared with other work the load
// moves within a minute, and one build's ratio to PostGraphile moved from 0.6 to 1.1 between runs.
// Here every server runs at once (ports --port-base, +1, …), and each workload is measured in
// --slices rounds of --slice seconds per server, the order reversed every round, so that all of them
// meet the same background. Prints per server: requests in all, the ratio of its total to the first
// server's, the median of the per-round ratios, the median CPU time of the server process per
// request (/proc, every thread), the median p99. The first server is the baseline.
//
// --servers: a comma list of `ours` (this checkout's dist/), `other` (--other's dist/, built
// there), `postgraphile`, `floor`; `ours+K=V` adds environment to ours (e.g. ours+LOG_LEVEL=warn).
// --only: workloads of bench/workloads.js and bench/searches.js (the searches and facets on ours and
// the floor only: PostGraphile's search function is installed by bench:compare). Answers are not
// checked (bench:compare does); every server needs bench/peer installed here.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { Client } = require('pg');
const { startServer, waitReady, PEER, cannon } = require('./load');
const { WORKLOADS } = require('./workloads');
const { SEARCHES } = require('./searches');

const { values: opts } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    other: { type: 'string' },
    servers: { type: 'string', default: 'other,ours,postgraphile' },
    only: { type: 'string', default: 'flat,meetings,issuer' },
    slices: { type: 'string', default: '10' },
    slice: { type: 'string', default: '1' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    'port-base': { type: 'string', default: '4760' },
    help: { type: 'boolean', default: false },
  },
});
if (opts.help) {
  console.log(fs.readFileSync(__filename, 'utf8').split('\n').slice(1, 17).join('\n'));
  process.exit(0);
}
const DB = opts['database-url'] ?? process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/prg_bench_10k';
const SLICES = Number(opts.slices);
const SLICE = Number(opts.slice);
const CONNECTIONS = Number(opts.connections);

function cpuMs(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

async function main() {
  const admin = new Client({ connectionString: DB });
  await admin.connect();
  const releaseIds = (await admin.query("SELECT id FROM press_release WHERE status = 'PUBLISHED' ORDER BY published_at DESC, id DESC LIMIT 20")).rows.map((r) => r.id);
  const issuer = (await admin.query("SELECT issuer_country_code AS c FROM press_release WHERE status = 'PUBLISHED' AND issuer_country_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")).rows[0].c;
  await admin.end();
  const rotations = { releaseIds, issuer: [issuer] };
  const node = path.join(PEER, 'node_modules', '.bin', 'node');
  const servers = opts.servers.split(',').map((spec, i) => {
    const [kind, ...env] = spec.split('+');
    const port = Number(opts['port-base']) + i;
    if (kind === 'other' && !opts.other) throw new Error('--other (a checkout with a build) is needed for `other`');
    const load = kind === 'other' ? require(path.join(path.resolve(opts.other), 'bench', 'load')) : { startServer };
    const name = kind === 'other' ? 'ours' : kind;
    return { spec, name, port, child: load.startServer({ name, node, port, databaseUrl: DB, serverEnv: env }) };
  });
  try {
    for (const s of servers) await waitReady(s.child);
    for (const wn of opts.only.split(',')) {
      const w = [...WORKLOADS, ...SEARCHES].find((x) => x.name === wn);
      if (!w) throw new Error(`no workload ${wn}`);
      const values = Array.isArray(w.rotate) ? w.rotate : w.rotate ? rotations[w.rotate] : [];
      for (const s of servers) await cannon({ server: s.name, port: s.port, connections: CONNECTIONS, w, values, seconds: Number(opts.warmup) });
      const got = Object.fromEntries(servers.map((s) => [s.spec, { n: [], cpu: [], p99: [] }]));
      for (let i = 0; i < SLICES; i++) {
        for (const s of i % 2 ? [...servers].reverse() : servers) {
          const before = cpuMs(s.child.child.pid);
          const r = await cannon({ server: s.name, port: s.port, connections: CONNECTIONS, w, values, seconds: SLICE });
          const n = r.requests.total;
          got[s.spec].n.push(n);
          got[s.spec].cpu.push((cpuMs(s.child.child.pid) - before) / Math.max(1, n));
          got[s.spec].p99.push(r.latency.p99);
          if (r.non2xx || r.errors) console.error(`${s.spec}: ${r.non2xx} non-2xx, ${r.errors} errors`);
        }
      }
      const base = got[servers[0].spec];
      const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
      for (const s of servers) {
        const g = got[s.spec];
        console.log(
          `${wn.padEnd(12)} ${s.spec.padEnd(24)} ${String(sum(g.n)).padStart(6)} requests (${(sum(g.n) / SLICES / SLICE).toFixed(0)}/s)  ` +
            `/ ${servers[0].spec}: total ${(sum(g.n) / sum(base.n)).toFixed(2)}, median round ${median(g.n.map((n, i) => n / base.n[i])).toFixed(2)}  ` +
            `CPU ${median(g.cpu).toFixed(2)} ms/request  p99 ${median(g.p99)} ms  (load ${load})`,
        );
      }
    }
  } finally {
    for (const s of servers) {
      s.child.child.stopping = true;
      s.child.child.kill('SIGTERM');
    }
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

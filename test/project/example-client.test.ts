// examples/client compiles against the committed schema's generated types (tsc, strict) and runs
// against the service: the typed client a front-end developer starts from.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestServer, type TestServer } from '../support/server';

const run = promisify(execFile);
const root = path.join(__dirname, '..', '..');
const client = path.join(root, 'examples', 'client');

let tdb: TestDatabase;
let server: TestServer;
beforeAll(async () => {
  tdb = await createTestDatabase('corpus');
  server = await startTestServer(tdb);
});
afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

it('compiles with tsc and prints the latest releases of a topic with their meetings', async () => {
  await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', client], { cwd: root });
  const { stdout } = await run(process.execPath, [path.join(client, 'dist', 'main.js'), 'education'], {
    env: { ...process.env, GRAPHQL_URL: server.url },
  });
  const total = await tdb.db.pressRelease.count({ where: { status: 'PUBLISHED', topics: { some: { topic: { slug: 'education' } } } } });
  expect(stdout).toContain(`${total} releases about education; the latest:`);
  expect(stdout.match(/^- \d{4}-\d{2}-\d{2} /gm)).toHaveLength(3);
  expect(stdout).toMatch(/^ {2}[A-Z_]+ on \d{4}-\d{2}-\d{2}: .+ \([A-Z_]+/m);
}, 120_000);

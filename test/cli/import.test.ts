// `npm run import`: a folder (with a duplicate and broken files) and a JSONL file through the ingest
// path, as a user runs it; a second run after an interruption stores only what is missing.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corpusDir, parseCorpusFile } from '../../src/domain/corpus';
import { createTestDatabase, type TestDatabase } from '../support/db';

const root = path.join(__dirname, '..', '..');
let tdb: TestDatabase;
let dir: string;
beforeAll(async () => {
  tdb = await createTestDatabase('ref');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prg-import-'));
});
afterAll(async () => {
  await tdb?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const corpusFiles = () => fs.readdirSync(corpusDir()).filter((f) => f.endsWith('.txt')).sort();

function runImport(source: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npm', ['run', '--silent', 'import', '--', source], { cwd: root, env: { ...process.env, DATABASE_URL: tdb.url }, timeout: 120_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

it('imports a folder: new, duplicate and broken files counted apart, failures named, exit 1; a second run stores nothing new', async () => {
  const folder = path.join(dir, 'folder');
  fs.mkdirSync(folder);
  const [a, b, c] = corpusFiles();
  for (const f of [a, b, c]) fs.copyFileSync(path.join(corpusDir(), f), path.join(folder, f));
  // The same text again, without front matter (it is optional): a duplicate by content.
  fs.writeFileSync(path.join(folder, 'z-copy-of-a.txt'), parseCorpusFile(a, fs.readFileSync(path.join(corpusDir(), a), 'utf8')).input.text);
  fs.writeFileSync(path.join(folder, 'broken-yaml.txt'), '---\nyear: [2025\n---\nBAKU, May 2. The minister met the ambassador.\n');
  fs.writeFileSync(path.join(folder, 'empty.txt'), '---\nyear: 2025\n---\n   \n');
  fs.writeFileSync(path.join(folder, 'notes.md'), 'not a release: ignored');

  const first = await runImport(folder);
  expect(first.stdout).toMatch(/import: 3 new, 0 already in the archive, 1 duplicates within this import, 2 failed \(6 of 6 read\)/);
  expect(first.stdout).toMatch(/failed broken-yaml\.txt: the front matter is not YAML/);
  expect(first.stdout).toMatch(/failed empty\.txt: `text` is empty/);
  expect(first.stderr).toMatch(/import \|.*\| 6\/6/); // the progress bar
  expect(first.code).toBe(1);
  expect(await tdb.db.pressRelease.count()).toBe(3);

  const again = await runImport(folder);
  expect(again.stdout).toMatch(/import: 0 new, 4 already in the archive, 0 duplicates within this import, 2 failed/);
  expect(await tdb.db.pressRelease.count()).toBe(3);
}, 120_000);

it('imports JSONL, reports broken lines, and resumes after an interruption', async () => {
  const file = path.join(dir, 'releases.jsonl');
  const lines = corpusFiles().map((f) => {
    const { input } = parseCorpusFile(f, fs.readFileSync(path.join(corpusDir(), f), 'utf8'));
    return JSON.stringify({ ...input, publish: undefined, publishedAt: input.publishedAt?.toISOString() ?? null });
  });
  lines.splice(2, 0, '{"text": "BAKU, May 2. Unclosed', '{"text": "BAKU, May 2. A minister met.", "sourceURL": "https://x.example"}');
  fs.writeFileSync(file, `${lines.join('\n')}\n\n`);
  const before = await tdb.db.pressRelease.count();

  // Interrupted (Ctrl-C) once the first release of this file is stored.
  await execFileP('node', ['scripts/build-if-stale.js']);
  const child = spawn('node', ['dist/cli/import.js', file], { cwd: root, env: { ...process.env, DATABASE_URL: tdb.url } });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const exited = new Promise<number>((r) => child.on('exit', (code) => r(code ?? -1)));
  for (let i = 0; i < 600 && (await tdb.db.pressRelease.count()) === before; i++) await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGINT');
  const code = await exited;
  const storedFirst = (await tdb.db.pressRelease.count()) - before;
  expect(code).toBe(130);
  expect(out).toMatch(/interrupted; run the same command again/);
  expect(storedFirst).toBeGreaterThan(0);
  expect(storedFirst).toBeLessThan(16);

  const resumed = await runImport(file);
  // The folder test above imported the first three corpus files; the interrupted run some more.
  const m = /import: (\d+) new, (\d+) already in the archive, 0 duplicates within this import, 2 failed \(18 of 18 read\)/.exec(resumed.stdout);
  expect(m).not.toBeNull();
  expect(Number(m![1]) + Number(m![2])).toBe(16);
  expect(Number(m![1])).toBe(16 - before - storedFirst);
  expect(resumed.stdout).toMatch(/failed releases\.jsonl:3: not a JSON object \(broken JSON\)/);
  expect(resumed.stdout).toMatch(/failed releases\.jsonl:4: unknown field "sourceURL"/);
  expect(resumed.code).toBe(1);
  expect(await tdb.db.pressRelease.count()).toBe(16);
}, 180_000);

function execFileP(cmd: string, args: string[]) {
  return new Promise<void>((resolve, reject) => execFile(cmd, args, { cwd: root }, (e) => (e ? reject(e) : resolve())));
}

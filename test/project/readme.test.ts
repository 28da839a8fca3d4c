// The API guide's example queries return what it shows, on the sample corpus; the operations guide's
// settings table lists every variable src/config.ts reads.
import fs from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestServer, type TestServer } from '../support/server';
import { guideExamples } from '../../src/http/api-guide';

const root = path.join(__dirname, '..', '..');
const operations = fs.readFileSync(path.join(root, 'docs', 'operations.md'), 'utf8');

/**
 * Highlight fragments are chosen by Postgres's ts_headline, whose choice of fragment differs between
 * versions (15 and 18 both run in CI): highlights compare by the words they mark.
 */
function normalise(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalise);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) =>
        k === 'highlights' && Array.isArray(x)
          ? [k, [...new Set(x.flatMap((h: string) => [...h.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1].toLowerCase())))].sort()]
          : [k, normalise(x)],
      ),
    );
  }
  return v;
}

describe('API guide examples', () => {
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

  it('are there', () => {
    expect(guideExamples().length).toBeGreaterThanOrEqual(6);
  });

  it.each(guideExamples().map((e, i) => [i + 1, e] as const))('example %i answers as shown', async (_i, example) => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: example.query }),
    });
    expect(normalise(await res.json())).toEqual(normalise(example.expected));
  });
});

it('lists every setting src/config.ts reads', () => {
  const config = fs.readFileSync(path.join(root, 'src', 'config.ts'), 'utf8');
  const keys = [...config.matchAll(/^\s+([A-Z][A-Z0-9_]+): (?:port|host|str|bool|num)\(/gm)].map((m) => m[1]);
  expect(keys.length).toBeGreaterThan(8);
  for (const key of keys) expect({ key, listed: operations.includes(`| \`${key}\` |`) }).toEqual({ key, listed: true });
});

// The sample corpus (data/corpus/*.txt): YAML front matter, then the release text as published.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Db } from '../db/client';
import { projectRoot } from '../paths';
import { ingestText, type IngestInput } from './ingest';

export interface CorpusFile {
  file: string;
  input: IngestInput;
}

export function parseCorpusFile(file: string, raw: string): CorpusFile {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw.replace(/\r\n?/g, '\n'));
  if (!m) throw new Error(`${file}: expected YAML front matter between --- lines`);
  const meta = (parse(m[1]) ?? {}) as Record<string, unknown>;
  const str = (k: string) => (typeof meta[k] === 'string' ? (meta[k] as string) : null);
  const published = meta.publishedAt instanceof Date ? meta.publishedAt : str('publishedAt');
  return {
    file,
    input: {
      text: m[2],
      sourceName: str('sourceName'),
      sourceUrl: str('sourceUrl'),
      publishedAt: published ? new Date(published) : null,
      year: typeof meta.year === 'number' ? meta.year : null,
      language: str('language'),
      publish: meta.status !== 'DRAFT',
    },
  };
}

export function corpusDir(): string {
  return path.join(projectRoot(), 'data', 'corpus');
}

export function readCorpus(dir = corpusDir()): CorpusFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseCorpusFile(f, fs.readFileSync(path.join(dir, f), 'utf8')));
}

/** Ingests every corpus file; files already stored (same text or URL) are skipped. */
export async function loadCorpus(db: Db, dir = corpusDir()): Promise<{ stored: number; skipped: number }> {
  let stored = 0;
  let skipped = 0;
  for (const f of readCorpus(dir)) {
    const out = await ingestText(db, f.input);
    if (out.duplicate) skipped++;
    else stored++;
  }
  return { stored, skipped };
}

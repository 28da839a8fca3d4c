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

/** The front matter's fields (data/corpus/README.md); anything else is refused as a likely typo. */
const FRONT_MATTER_FIELDS = ['sourceName', 'sourceUrl', 'publishedAt', 'year', 'language', 'status'];

/** A release file: optional YAML front matter between `---` lines, then the text as published. */
export function parseCorpusFile(file: string, raw: string): CorpusFile {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m && text.startsWith('---\n')) throw new Error(`${file}: the front matter has no closing --- line`);
  let meta: Record<string, unknown> = {};
  if (m) {
    try {
      meta = (parse(m[1]) ?? {}) as Record<string, unknown>;
    } catch (e) {
      throw new Error(`${file}: the front matter is not YAML (${(e as Error).message.split('\n')[0]})`);
    }
    if (typeof meta !== 'object' || Array.isArray(meta)) throw new Error(`${file}: the front matter is not a list of fields`);
    const unknown = Object.keys(meta).filter((k) => !FRONT_MATTER_FIELDS.includes(k));
    if (unknown.length) throw new Error(`${file}: unknown front matter field ${unknown.join(', ')} (known: ${FRONT_MATTER_FIELDS.join(', ')})`);
  }
  const str = (k: string) => (typeof meta[k] === 'string' ? (meta[k] as string) : null);
  const published = meta.publishedAt instanceof Date ? meta.publishedAt : str('publishedAt');
  return {
    file,
    input: {
      text: m ? m[2] : text,
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

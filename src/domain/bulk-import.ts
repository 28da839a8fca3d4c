// Bulk import: release files (a folder of .txt files with the corpus's optional front matter, or a
// JSONL file of {text, sourceName, sourceUrl, publishedAt, year, language}) through the ingest path,
// the same code as the `ingestPressRelease` mutation. The archive itself is the import's journal:
// a release already stored (same text or source URL) is recognised and skipped, so a second run
// after an interruption stores only what is missing.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { GraphQLError } from 'graphql';
import type { Db } from '../db/client';
import { parseCorpusFile } from './corpus';
import { ingestText, type IngestInput } from './ingest';

export interface ImportItem {
  /** Where it came from: a file name, or `file.jsonl:LINE`. */
  label: string;
  input?: IngestInput;
  /** Why the item cannot be read (it is counted as failed). */
  error?: string;
}

export interface ImportSummary {
  stored: number;
  /** Already in the archive before this run (a run that was interrupted, or an earlier import). */
  alreadyThere: number;
  /** The same release twice within this run. */
  duplicates: number;
  failed: { label: string; reason: string }[];
}

const JSONL_FIELDS: Record<string, 'string' | 'integer'> = {
  text: 'string',
  sourceName: 'string',
  sourceUrl: 'string',
  publishedAt: 'string',
  year: 'integer',
  language: 'string',
};

/** One JSONL line as ingest input, or why it is not one. */
export function parseJsonlLine(label: string, line: string): ImportItem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { label, error: 'not a JSON object (broken JSON)' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { label, error: 'not a JSON object' };
  const o = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    const type = JSONL_FIELDS[k];
    if (!type) return { label, error: `unknown field "${k}" (known: ${Object.keys(JSONL_FIELDS).join(', ')})` };
    if (v === null) continue;
    if (type === 'string' ? typeof v !== 'string' : !Number.isInteger(v)) return { label, error: `"${k}" must be ${type === 'string' ? 'a string' : 'an integer'}` };
  }
  if (typeof o.text !== 'string') return { label, error: '"text" is missing' };
  const publishedAt = typeof o.publishedAt === 'string' ? new Date(o.publishedAt) : null;
  if (publishedAt && Number.isNaN(publishedAt.getTime())) return { label, error: `"publishedAt" is not a date and time ("${o.publishedAt}")` };
  return {
    label,
    input: {
      text: o.text,
      sourceName: (o.sourceName as string | null) ?? null,
      sourceUrl: (o.sourceUrl as string | null) ?? null,
      publishedAt,
      year: (o.year as number | null) ?? null,
      language: (o.language as string | null) ?? null,
    },
  };
}

function readTextFile(file: string, label: string): ImportItem {
  try {
    const { input } = parseCorpusFile(label, fs.readFileSync(file, 'utf8'));
    if (input.publishedAt && Number.isNaN(input.publishedAt.getTime())) return { label, error: '"publishedAt" in the front matter is not a date and time' };
    return { label, input };
  } catch (e) {
    return { label, error: (e as Error).message.replace(`${label}: `, '') };
  }
}

const isJsonl = (p: string) => p.toLowerCase().endsWith('.jsonl');

/** What `source` (a folder, a .txt or a .jsonl file) holds, in the order it is imported. */
export function describeSource(source: string): { kind: 'folder' | 'jsonl' | 'text'; files: string[] } {
  const stat = fs.statSync(source); // a missing path throws ENOENT, which the command reports
  if (stat.isDirectory()) {
    const files = fs
      .readdirSync(source)
      .filter((f) => f.toLowerCase().endsWith('.txt'))
      .sort()
      .map((f) => path.join(source, f));
    return { kind: 'folder', files };
  }
  if (isJsonl(source)) return { kind: 'jsonl', files: [source] };
  if (source.toLowerCase().endsWith('.txt')) return { kind: 'text', files: [source] };
  throw new Error(`${source}: expected a folder of .txt files, a .txt file or a .jsonl file`);
}

/** How many items the source holds (non-empty JSONL lines are counted in a first streaming pass). */
export async function countItems(source: string): Promise<number> {
  const { kind, files } = describeSource(source);
  if (kind !== 'jsonl') return files.length;
  let n = 0;
  for await (const line of readline.createInterface({ input: fs.createReadStream(source, 'utf8'), crlfDelay: Infinity })) if (line.trim()) n++;
  return n;
}

/** The source's items, read lazily (a JSONL file is streamed line by line). */
export async function* readItems(source: string): AsyncGenerator<ImportItem> {
  const { kind, files } = describeSource(source);
  if (kind !== 'jsonl') {
    for (const f of files) yield readTextFile(f, path.basename(f));
    return;
  }
  let lineNo = 0;
  for await (const line of readline.createInterface({ input: fs.createReadStream(source, 'utf8'), crlfDelay: Infinity })) {
    lineNo++;
    if (line.trim()) yield parseJsonlLine(`${path.basename(source)}:${lineNo}`, line.replace(/^\uFEFF/, ''));
  }
}

/**
 * Ingests every item. An item that is refused (bad input) or that the database cannot store is
 * counted as failed with its reason and the run goes on; a database that stops answering ends the
 * run, which a second run resumes. `shouldStop` is asked before each item (an interrupted run stops cleanly).
 */
export async function importItems(
  db: Db,
  items: AsyncIterable<ImportItem>,
  opts: { onItem?: (item: ImportItem, outcome: 'stored' | 'alreadyThere' | 'duplicate' | 'failed') => void; shouldStop?: () => boolean } = {},
): Promise<ImportSummary & { stopped: boolean }> {
  const summary: ImportSummary = { stored: 0, alreadyThere: 0, duplicates: 0, failed: [] };
  const storedNow = new Set<number>();
  for await (const item of items) {
    if (opts.shouldStop?.()) return { ...summary, stopped: true };
    let outcome: 'stored' | 'alreadyThere' | 'duplicate' | 'failed';
    if (!item.input) {
      summary.failed.push({ label: item.label, reason: item.error ?? 'unreadable' });
      outcome = 'failed';
    } else {
      try {
        const out = await ingestText(db, item.input);
        if (!out.duplicate) {
          storedNow.add(out.releaseId);
          summary.stored++;
          outcome = 'stored';
        } else if (storedNow.has(out.releaseId)) {
          summary.duplicates++;
          outcome = 'duplicate';
        } else {
          summary.alreadyThere++;
          outcome = 'alreadyThere';
        }
      } catch (e) {
        const refused = e instanceof GraphQLError && e.extensions.code === 'BAD_USER_INPUT';
        // Not a refusal: the item's fault (a value the database cannot take) if the database
        // still answers, else the run's end.
        if (!refused && !(await db.$queryRaw`SELECT 1`.then(() => true, () => false))) throw e;
        summary.failed.push({ label: item.label, reason: refused ? (e as Error).message : `the database refused it: ${(e as Error).message.split('\n').slice(-1)[0]}` });
        outcome = 'failed';
      }
    }
    opts.onItem?.(item, outcome);
  }
  // The end of a bulk load: the facet and cube logs folded into their totals (migration
  // facet_count_totals), as writers do now and then, so readers sum one row per option.
  if (summary.stored) await db.$queryRaw`SELECT count_logs_fold()::text`;
  return { ...summary, stopped: false };
}

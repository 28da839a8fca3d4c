// Search highlights: ts_headline fragments of title and body, computed for one page of hits only.
import type { Db } from '../db/client';
import { searchQuerySql } from './release-filter';

const OPTIONS = 'StartSel=<mark>, StopSel=</mark>, MaxFragments=3, MaxWords=30, MinWords=12, FragmentDelimiter=" … "';
const TITLE_OPTIONS = 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true';

/** Fragments per release id; only fragments that contain a match are returned. */
export async function highlightReleases(db: Db, search: string, ids: number[]): Promise<Map<number, string[]>> {
  const q = searchQuerySql(search);
  const rows = await db.$queryRaw<{ id: number; title: string; body: string }[]>`
    SELECT pr.id,
      ts_headline(search_config(pr.language), pr.title, ${q}, ${TITLE_OPTIONS}) AS title,
      ts_headline(search_config(pr.language), pr.body, ${q}, ${OPTIONS}) AS body
    FROM press_release pr WHERE pr.id = ANY(${ids}::int[])`;
  const out = new Map<number, string[]>();
  for (const r of rows) {
    out.set(
      r.id,
      [r.title, ...r.body.split(' … ')].map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.includes('<mark>')),
    );
  }
  return out;
}


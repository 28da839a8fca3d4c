// Which text-search configurations the archive uses. A search is parsed once per configuration in
// use (usually only English), because every extra configuration adds an index branch that the
// planner misjudges (nine branches made it scan the table: see bench/README.md).
import type { Db } from '../db/client';
import type { ReleaseFilter } from './release-filter';

const TTL_MS = 60_000;
const cache = new WeakMap<Db, { configs: Promise<string[]>; at: number }>();

async function load(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ cfg: string }[]>`
    SELECT DISTINCT search_config(l)::text AS cfg FROM (SELECT DISTINCT language AS l FROM press_release) x`;
  const configs = rows.map((r) => r.cfg).sort();
  return configs.length ? configs : ['english'];
}

/** The configurations in use, cached for a minute per database (a write here refreshes it at once). */
export function searchConfigsInUse(db: Db): Promise<string[]> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.configs;
  const configs = load(db);
  cache.set(db, { configs, at: Date.now() });
  configs.catch(() => cache.delete(db));
  return configs;
}

export function forgetSearchConfigs(db: Db) {
  cache.delete(db);
}

/** The filter with the configurations a search must be parsed with (a no-op when not searching). */
export async function withSearchConfigs(db: Db, filter: ReleaseFilter): Promise<ReleaseFilter> {
  if (!filter.search || filter.searchConfigs) return filter;
  return { ...filter, searchConfigs: await searchConfigsInUse(db) };
}

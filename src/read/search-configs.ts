// Which text-search configurations the archive uses. A search is parsed once per configuration in
// use (usually only English), because every extra configuration adds an index branch that the
// planner misjudges (nine branches made it scan the table: see bench/README.md).
import { sqlSourceOf, type Db } from '../db/client';
import { sql, type SqlExecutor } from '../db/sql';

const TTL_MS = 60_000;
const cache = new WeakMap<object, { configs: Promise<string[]>; at: number }>();

async function load(db: SqlExecutor): Promise<string[]> {
  const rows = await db.query<{ cfg: string }>(sql`
    SELECT DISTINCT search_config(l)::text AS cfg FROM (SELECT DISTINCT language AS l FROM press_release) x`);
  const configs = rows.map((r) => r.cfg).sort();
  return configs.length ? configs : ['english'];
}

/** The configurations in use, cached for a minute per database (a write here refreshes it at once). */
export function searchConfigsInUse(db: SqlExecutor): Promise<string[]> {
  const hit = cache.get(db.database);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.configs;
  const configs = load(db);
  cache.set(db.database, { configs, at: Date.now() });
  configs.catch(() => cache.delete(db.database));
  return configs;
}

/** Called by writes: a new language may bring a new configuration. */
export function forgetSearchConfigs(db: Db) {
  cache.delete(sqlSourceOf(db));
}

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

/** How a search reads `match` in one configuration (migration release_narrow_search). */
export interface SearchMatchPlan {
  /** search_match_query(cfg, search) as text: the query over `match`, or null when none can be written. */
  rq: string | null;
  /** search_match_exact(cfg, search): `rq` alone is the answer (no release's own vector tested). */
  exact: boolean;
  /** websearch_to_tsquery(cfg, search) as text: the query a release's rank is computed with. */
  query: string;
}

/** Plans of searches already seen, per database: the two functions are immutable. */
const plans = new WeakMap<object, Map<string, SearchMatchPlan>>();
const MAX_PLANS = 2000;

/**
 * search_match_query and search_match_exact of `search` in each configuration, asked of Postgres
 * once per search text (one statement for every configuration) and kept (at most 2,000 texts). The
 * search's statement then holds what they decided, not the calls: planning them (a plpgsql parse of
 * the query, three times per configuration) was most of a search's planning, and with the calls
 * in it a statement's generic plan could not use match's index (docs/performance.md, seventh round).
 */
export async function searchMatchPlans(db: SqlExecutor, configs: readonly string[], search: string): Promise<Record<string, SearchMatchPlan>> {
  let known = plans.get(db.database);
  if (!known) plans.set(db.database, (known = new Map()));
  const out: Record<string, SearchMatchPlan> = {};
  const missing: string[] = [];
  for (const cfg of configs) {
    const hit = known.get(`${cfg}\u0000${search}`);
    if (hit) out[cfg] = hit;
    else missing.push(cfg);
  }
  if (!missing.length) return out;
  const rows = await db.query<{ cfg: string; rq: string | null; exact: boolean; query: string }>(sql`
    SELECT c.cfg, search_match_query(c.cfg::regconfig, ${search})::text AS rq, search_match_exact(c.cfg::regconfig, ${search}) AS exact,
      websearch_to_tsquery(c.cfg::regconfig, ${search})::text AS query
    FROM unnest(${missing}::text[]) AS c(cfg)`);
  for (const r of rows) {
    const plan = { rq: r.rq, exact: r.exact, query: r.query };
    if (known.size >= MAX_PLANS) known.delete(known.keys().next().value!);
    known.set(`${r.cfg}\u0000${search}`, plan);
    out[r.cfg] = plan;
  }
  return out;
}

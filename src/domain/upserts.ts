// People and initiatives upserted by their normalised key, a set at a time: what a release's write
// (store-release.ts) and the synthetic loader (synthetic.ts) share. Keys are inserted in sorted
// order with INSERT ... ON CONFLICT, so concurrent writers share rows without duplicates or
// deadlocks; a name merged into another row (an alias key) resolves to that row (found through
// the GIN index of alias_keys).
import type { InitiativeKind } from '../generated/prisma/enums';
import { nameKey } from './text';

/** One statement's rows: Prisma's transaction and a pg client both give one (see the callers). */
export type RunSql = <T>(text: string, values: unknown[]) => Promise<T[]>;

export interface InitiativeRow {
  name: string;
  acronym: string | null;
  kind: InitiativeKind;
}

/** The key an initiative is stored under: its acronym's when it has one, else its name's. */
export const initiativeKey = (i: { name: string; acronym: string | null }) => nameKey(i.acronym || i.name);

/**
 * The ids of people by name key (`key`, the name's nameKey), inserting those not known: a name key
 * first, else an alias key (the lowest id when several rows have it). Three statements at most.
 */
export async function upsertPeople(run: RunSql, people: readonly { name: string; key: string }[]): Promise<Map<string, number>> {
  const byKey = new Map<string, string>();
  for (const p of people) if (!byKey.has(p.key)) byKey.set(p.key, p.name);
  const keys = [...byKey.keys()];
  const ids = new Map<string, number>();
  if (!keys.length) return ids;
  const known = await run<{ k: string; id: number; exact: boolean }>(
    `SELECT name_key AS k, id, true AS exact FROM person WHERE name_key = ANY($1::text[])
     UNION ALL
     SELECT a.k, min(a.id), false FROM (SELECT id, unnest(alias_keys) AS k FROM person WHERE alias_keys && $1::text[]) a
     WHERE a.k = ANY($1::text[]) GROUP BY a.k`,
    [keys],
  );
  for (const r of known) if (r.exact) ids.set(r.k, r.id);
  for (const r of known) if (!ids.has(r.k)) ids.set(r.k, r.id);
  const missing = keys.filter((k) => !ids.has(k)).sort();
  if (!missing.length) return ids;
  // DO NOTHING takes no lock on an existing row; a concurrent insert of the same key makes this
  // wait for it to commit, and the statement after it then sees the row.
  const inserted = await run<{ k: string; id: number }>(
    `INSERT INTO person (name, name_key) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (name_key) DO NOTHING RETURNING name_key AS k, id`,
    [missing.map((k) => byKey.get(k)), missing],
  );
  for (const r of inserted) ids.set(r.k, r.id);
  const late = missing.filter((k) => !ids.has(k));
  if (late.length) {
    for (const r of await run<{ k: string; id: number }>('SELECT name_key AS k, id FROM person WHERE name_key = ANY($1::text[])', [late])) {
      ids.set(r.k, r.id);
    }
  }
  return ids;
}

/**
 * The ids of initiatives by initiativeKey, inserting those not known: an alias key of another row
 * wins; a full name learnt later replaces a bare acronym used as the name. Two statements at most.
 */
export async function upsertInitiatives(run: RunSql, items: readonly InitiativeRow[]): Promise<Map<string, number>> {
  const byKey = new Map<string, InitiativeRow>();
  for (const i of items) if (!byKey.has(initiativeKey(i))) byKey.set(initiativeKey(i), i);
  const ids = new Map<string, number>();
  if (!byKey.size) return ids;
  for (const r of await run<{ k: string; id: number }>(
    `SELECT a.k, min(a.id) AS id FROM (SELECT id, name_key, unnest(alias_keys) AS k FROM initiative WHERE alias_keys && $1::text[]) a
     WHERE a.k = ANY($1::text[]) AND a.name_key <> a.k GROUP BY a.k`,
    [[...byKey.keys()]],
  )) {
    ids.set(r.k, r.id);
  }
  const keys = [...byKey.keys()].filter((k) => !ids.has(k)).sort();
  if (!keys.length) return ids;
  const list = keys.map((k) => byKey.get(k)!);
  const rows = await run<{ k: string; id: number }>(
    `INSERT INTO initiative (name, name_key, acronym, kind)
     SELECT u.n, u.k, u.a, u.kd::"InitiativeKind" FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(n, k, a, kd)
     ON CONFLICT (name_key) DO UPDATE SET
       name = CASE WHEN initiative.name = initiative.acronym AND EXCLUDED.name <> EXCLUDED.acronym
                   THEN EXCLUDED.name ELSE initiative.name END,
       acronym = coalesce(initiative.acronym, EXCLUDED.acronym)
     RETURNING name_key AS k, id`,
    [list.map((i) => i.name), keys, list.map((i) => i.acronym), list.map((i) => i.kind)],
  );
  for (const r of rows) ids.set(r.k, r.id);
  return ids;
}

// Admin curation: merging duplicate people or initiatives, and aliases. Each runs in one transaction;
// the removed record's name becomes an alias of the kept one, so later ingests resolve to it.
import type { Db } from '../db/client';
import { badInput, notFound } from '../errors';
import { nameKey } from './text';
import { TX_OPTIONS } from './store-release';

const addTo = (list: string[], ...items: string[]) => {
  const out = [...list];
  for (const i of items) if (i && !out.includes(i)) out.push(i);
  return out;
};

export async function mergePeople(db: Db, keep: number, remove: number): Promise<void> {
  if (keep === remove) throw badInput('remove', '`keep` and `remove` are the same person');
  await db.$transaction(async (tx) => {
    // One statement at a time: a transaction is one connection.
    const k = await tx.person.findUnique({ where: { id: keep } });
    const r = await tx.person.findUnique({ where: { id: remove } });
    if (!k) throw badInput('keep', 'No person has this id');
    if (!r) throw badInput('remove', 'No person has this id');
    // A meeting both attended keeps the kept person's participation.
    await tx.$executeRaw`DELETE FROM participant p WHERE p.person_id = ${remove}
      AND EXISTS (SELECT 1 FROM participant q WHERE q.meeting_id = p.meeting_id AND q.person_id = ${keep})`;
    await tx.participant.updateMany({ where: { personId: remove }, data: { personId: keep } });
    await tx.$executeRaw`
      INSERT INTO person_role (person_id, title, role_kind, country_code, first_seen, last_seen)
      SELECT ${keep}, title, role_kind, country_code, first_seen, last_seen FROM person_role WHERE person_id = ${remove}
      ON CONFLICT (person_id, title) DO UPDATE SET
        first_seen = LEAST(person_role.first_seen, EXCLUDED.first_seen),
        last_seen = GREATEST(person_role.last_seen, EXCLUDED.last_seen)`;
    await tx.person.delete({ where: { id: remove } });
    await tx.person.update({
      where: { id: keep },
      data: {
        aliases: addTo(k.aliases, r.name, ...r.aliases),
        aliasKeys: addTo(k.aliasKeys, r.nameKey, ...r.aliasKeys),
      },
    });
  }, TX_OPTIONS);
}

export async function mergeInitiatives(db: Db, keep: number, remove: number): Promise<void> {
  if (keep === remove) throw badInput('remove', '`keep` and `remove` are the same initiative');
  await db.$transaction(async (tx) => {
    const k = await tx.initiative.findUnique({ where: { id: keep } });
    const r = await tx.initiative.findUnique({ where: { id: remove } });
    if (!k) throw badInput('keep', 'No initiative has this id');
    if (!r) throw badInput('remove', 'No initiative has this id');
    await tx.initiativeMention.updateMany({ where: { initiativeId: remove }, data: { initiativeId: keep } });
    await tx.$executeRaw`DELETE FROM meeting_initiative mi WHERE mi.initiative_id = ${remove}
      AND EXISTS (SELECT 1 FROM meeting_initiative x WHERE x.meeting_id = mi.meeting_id AND x.initiative_id = ${keep})`;
    await tx.meetingInitiative.updateMany({ where: { initiativeId: remove }, data: { initiativeId: keep } });
    await tx.initiative.delete({ where: { id: remove } });
    await tx.initiative.update({
      where: { id: keep },
      data: {
        acronym: k.acronym ?? r.acronym,
        aliases: addTo(k.aliases, r.name, ...(r.acronym ? [r.acronym] : []), ...r.aliases),
        aliasKeys: addTo(k.aliasKeys, r.nameKey, ...(r.acronym ? [nameKey(r.acronym)] : []), ...r.aliasKeys),
      },
    });
  }, TX_OPTIONS);
}

function checkAlias(alias: string): string {
  const a = alias.replace(/\s+/g, ' ').trim();
  if (!a) throw badInput('alias', 'The alias is empty');
  if (a.length > 200) throw badInput('alias', 'An alias is at most 200 characters');
  if (!nameKey(a)) throw badInput('alias', 'An alias needs letters or digits');
  return a;
}

export async function addPersonAlias(db: Db, id: number, alias: string): Promise<void> {
  const a = checkAlias(alias);
  const p = await db.person.findUnique({ where: { id } });
  if (!p) throw notFound('Person');
  await db.person.update({ where: { id }, data: { aliases: addTo(p.aliases, a), aliasKeys: addTo(p.aliasKeys, nameKey(a)) } });
}

export async function addInitiativeAlias(db: Db, id: number, alias: string): Promise<void> {
  const a = checkAlias(alias);
  const i = await db.initiative.findUnique({ where: { id } });
  if (!i) throw notFound('Initiative');
  await db.initiative.update({ where: { id }, data: { aliases: addTo(i.aliases, a), aliasKeys: addTo(i.aliasKeys, nameKey(a)) } });
}

export async function addCountryAlias(db: Db, code: string, alias: string): Promise<void> {
  const a = checkAlias(alias);
  const c = await db.country.findUnique({ where: { code } });
  if (!c) throw notFound('Country');
  await db.country.update({ where: { code }, data: { aliases: addTo(c.aliases, a) } });
}

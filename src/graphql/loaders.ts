// Per-request batching: every nested list loads through one of these, so a page costs the same
// number of SQL statements whatever its size. The SQL is the read module's (src/read/); lookups by
// id return only what the viewer may see (`visible`), so a hidden row reads as missing.
import DataLoader from 'dataloader';
import type { SqlExecutor } from '../db/sql';
import type { ReleaseStatus } from '../generated/prisma/enums';
import { DEFAULT_STATUSES } from '../domain/visibility';
import { releaseBodies, releasesByIds } from '../read/releases';
import { meetingsByIds, meetingsByReleases, participantsByIds, participantsByMeetings } from '../read/meetings';
import { peopleByIds, peopleByReleases, rolesByPeople } from '../read/people';
import { initiativesByIds, initiativesByMeetings, initiativesByReleases, mentionsByIds } from '../read/initiatives';
import { countriesByCodes, countriesByReleases } from '../read/countries';
import { releaseCountsByTopics, topicsByIds, topicsByMeetings, topicsByReleases } from '../read/topics';

type Keyed<K, T> = T & { key: K };

/** One row (or none) per key. */
export function byKey<K extends number | string, T>(load: (keys: readonly K[]) => Promise<Keyed<K, T>[]>) {
  return new DataLoader<K, T | null>(async (keys) => {
    const rows = await load(keys);
    const map = new Map<K, T>(rows.map((r) => [r.key, r]));
    return keys.map((k) => map.get(k) ?? null);
  });
}

/** A list of rows per key, in the order the SQL returns them. */
export function listByKey<K extends number | string, T>(load: (keys: readonly K[]) => Promise<Keyed<K, T>[]>) {
  return new DataLoader<K, T[]>(async (keys) => {
    const rows = await load(keys);
    const map = new Map<K, T[]>();
    for (const r of rows) {
      const list = map.get(r.key);
      if (list) list.push(r);
      else map.set(r.key, [r]);
    }
    return keys.map((k) => map.get(k) ?? []);
  });
}

export function createLoaders(db: SqlExecutor, visible: readonly ReleaseStatus[]) {
  const country = byKey((codes: readonly string[]) => countriesByCodes(db, codes));
  return {
    release: byKey(async (ids: readonly number[]) => {
      const rows = await releasesByIds(db, ids, visible);
      for (const r of rows) {
        for (const c of [r.datelineCountry, r.issuerCountry]) if (c) country.prime(c.code, { ...c, key: c.code });
      }
      return rows;
    }),
    /** Bodies of releases read from a list (the list leaves them out); hidden ones are never in a list. */
    releaseBody: byKey((ids: readonly number[]) => releaseBodies(db, ids)),
    meeting: byKey((ids: readonly number[]) => meetingsByIds(db, ids, visible)),
    meetingsByRelease: listByKey((ids: readonly number[]) => meetingsByReleases(db, ids)),
    participant: byKey((ids: readonly number[]) => participantsByIds(db, ids, visible)),
    participantsByMeeting: listByKey(async (ids: readonly number[]) => {
      const rows = await participantsByMeetings(db, ids);
      // Their countries came in the same statement: `country { … }` of a participant reads no more.
      for (const r of rows) if (r.country) country.prime(r.country.code, { ...r.country, key: r.country.code });
      return rows;
    }),
    person: byKey((ids: readonly number[]) => peopleByIds(db, ids, visible)),
    peopleByRelease: listByKey((ids: readonly number[]) => peopleByReleases(db, ids)),
    rolesByPerson: listByKey((ids: readonly number[]) => rolesByPeople(db, ids, visible)),
    country,
    countriesByRelease: listByKey((ids: readonly number[]) => countriesByReleases(db, ids)),
    topic: byKey((ids: readonly number[]) => topicsByIds(db, ids)),
    topicsByRelease: listByKey((ids: readonly number[]) => topicsByReleases(db, ids)),
    topicsByMeeting: listByKey((ids: readonly number[]) => topicsByMeetings(db, ids)),
    /** Published releases per topic. */
    topicReleaseCount: new DataLoader<number, number>(async (ids) => {
      const map = new Map((await releaseCountsByTopics(db, ids, DEFAULT_STATUSES)).map((r) => [r.key, r.n]));
      return ids.map((id) => map.get(id) ?? 0);
    }),
    initiative: byKey((ids: readonly number[]) => initiativesByIds(db, ids, visible)),
    initiativesByRelease: listByKey((ids: readonly number[]) => initiativesByReleases(db, ids)),
    initiativesByMeeting: listByKey((ids: readonly number[]) => initiativesByMeetings(db, ids)),
    mention: byKey((ids: readonly number[]) => mentionsByIds(db, ids, visible)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** The rows a `loadMany` found (missing keys and per-key errors left out). */
export const found = <T>(rows: (T | null | Error)[]): T[] => rows.filter((r): r is T => r !== null && !(r instanceof Error));

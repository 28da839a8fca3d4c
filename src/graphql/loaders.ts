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

/**
 * The loaders of one request, each made when first asked for: a page uses two or three of the 21,
 * and every request (a flat list, a facet) made all of them before.
 */
export class RequestLoaders {
  constructor(
    private readonly db: SqlExecutor,
    private readonly visible: readonly ReleaseStatus[],
  ) {}

  private made: Partial<Record<string, unknown>> = {};

  /** The loader `name`, made by `make` the first time this request asks for it. */
  private once<T>(name: string, make: () => T): T {
    return (this.made[name] ??= make()) as T;
  }

  get country() {
    return this.once('country', () => byKey((codes: readonly string[]) => countriesByCodes(this.db, codes)));
  }
  get release() {
    return this.once('release', () =>
      byKey(async (ids: readonly number[]) => {
        const rows = await releasesByIds(this.db, ids, this.visible);
        for (const r of rows) {
          for (const c of [r.datelineCountry, r.issuerCountry]) if (c) this.country.prime(c.code, { ...c, key: c.code });
        }
        return rows;
      }),
    );
  }
  /** Bodies of releases read from a list (the list leaves them out); hidden ones are never in a list. */
  get releaseBody() {
    return this.once('releaseBody', () => byKey((ids: readonly number[]) => releaseBodies(this.db, ids)));
  }
  get meeting() {
    return this.once('meeting', () => byKey((ids: readonly number[]) => meetingsByIds(this.db, ids, this.visible)));
  }
  get meetingsByRelease() {
    return this.once('meetingsByRelease', () => listByKey((ids: readonly number[]) => meetingsByReleases(this.db, ids)));
  }
  get participant() {
    return this.once('participant', () => byKey((ids: readonly number[]) => participantsByIds(this.db, ids, this.visible)));
  }
  get participantsByMeeting() {
    return this.once('participantsByMeeting', () =>
      listByKey(async (ids: readonly number[]) => {
        const rows = await participantsByMeetings(this.db, ids);
        // Their countries came in the same statement: `country { … }` of a participant reads no more.
        for (const r of rows) if (r.country) this.country.prime(r.country.code, { ...r.country, key: r.country.code });
        return rows;
      }),
    );
  }
  get person() {
    return this.once('person', () => byKey((ids: readonly number[]) => peopleByIds(this.db, ids, this.visible)));
  }
  get peopleByRelease() {
    return this.once('peopleByRelease', () => listByKey((ids: readonly number[]) => peopleByReleases(this.db, ids)));
  }
  get rolesByPerson() {
    return this.once('rolesByPerson', () => listByKey((ids: readonly number[]) => rolesByPeople(this.db, ids, this.visible)));
  }
  get countriesByRelease() {
    return this.once('countriesByRelease', () => listByKey((ids: readonly number[]) => countriesByReleases(this.db, ids)));
  }
  get topic() {
    return this.once('topic', () => byKey((ids: readonly number[]) => topicsByIds(this.db, ids)));
  }
  get topicsByRelease() {
    return this.once('topicsByRelease', () => listByKey((ids: readonly number[]) => topicsByReleases(this.db, ids)));
  }
  get topicsByMeeting() {
    return this.once('topicsByMeeting', () => listByKey((ids: readonly number[]) => topicsByMeetings(this.db, ids)));
  }
  /** Published releases per topic. */
  get topicReleaseCount() {
    return this.once(
      'topicReleaseCount',
      () =>
        new DataLoader<number, number>(async (ids) => {
          const map = new Map((await releaseCountsByTopics(this.db, ids, DEFAULT_STATUSES)).map((r) => [r.key, r.n]));
          return ids.map((id) => map.get(id) ?? 0);
        }),
    );
  }
  get initiative() {
    return this.once('initiative', () => byKey((ids: readonly number[]) => initiativesByIds(this.db, ids, this.visible)));
  }
  get initiativesByRelease() {
    return this.once('initiativesByRelease', () => listByKey((ids: readonly number[]) => initiativesByReleases(this.db, ids)));
  }
  get initiativesByMeeting() {
    return this.once('initiativesByMeeting', () => listByKey((ids: readonly number[]) => initiativesByMeetings(this.db, ids)));
  }
  get mention() {
    return this.once('mention', () => byKey((ids: readonly number[]) => mentionsByIds(this.db, ids, this.visible)));
  }
}

export function createLoaders(db: SqlExecutor, visible: readonly ReleaseStatus[]): RequestLoaders {
  return new RequestLoaders(db, visible);
}

export type Loaders = RequestLoaders;

/** The rows a `loadMany` found (missing keys and per-key errors left out). */
export const found = <T>(rows: (T | null | Error)[]): T[] => rows.filter((r): r is T => r !== null && !(r instanceof Error));

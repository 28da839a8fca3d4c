import type { Db } from '../db/client';
import type { SqlExecutor } from '../db/sql';
import type { Config } from '../config';
import type { Loaders } from './loaders';
import type { Viewer } from '../auth/viewer';
import type { FacetMemo } from '../read/facets';
import type { ReleaseStatus } from '../generated/prisma/enums';
import type { Logger } from 'pino';
import type { ReleaseEventFeed } from '../db/release-events';

/** What a subscription's context adds (src/http/subscriptions.ts). */
export interface LiveUpdates {
  /** Status changes announced by Postgres. */
  events: ReleaseEventFeed;
  /** Events that may wait for the client; past it, the client is dropped. */
  maxQueued: number;
  dropSlowClient(): void;
  log: Logger;
}

export interface Context {
  /** Prisma: writes and admin paths. */
  db: Db;
  /** This request's reads (src/db/sql.ts): at most a few statements at once. */
  sql: SqlExecutor;
  config: Config;
  loaders: Loaders;
  /** The API key the request carries (null: anonymous). */
  viewer: Viewer | null;
  /** Statuses of the releases this viewer may see (src/domain/visibility.ts). */
  visible: readonly ReleaseStatus[];
  /** Set when the request carried a key that is unknown or revoked. */
  badCredentials: boolean;
  /** Per-request batchers and memos that take arguments (see `perRequest`). */
  scoped: Map<string, unknown>;
  /** Facet answers kept across requests until the archive changes (absent without a change feed). */
  facetMemo?: FacetMemo;
  /** Set for subscriptions over WebSocket. */
  live?: LiveUpdates;
}

/** One instance per request and key: loaders whose batch depends on an argument (a page size, a search). */
export function perRequest<T>(ctx: Context, key: string, make: () => T): T {
  if (!ctx.scoped.has(key)) ctx.scoped.set(key, make());
  return ctx.scoped.get(key) as T;
}

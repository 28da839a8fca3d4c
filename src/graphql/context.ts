import type { Db } from '../db/client';
import type { Config } from '../config';
import type { Loaders } from './loaders';
import type { Viewer } from '../auth/viewer';
import type { FacetMemo } from '../domain/facets';

export interface Context {
  db: Db;
  config: Config;
  loaders: Loaders;
  /** The API key the request carries (null: anonymous). */
  viewer: Viewer | null;
  /** Set when the request carried a key that is unknown or revoked. */
  badCredentials: boolean;
  /** Per-request batchers and memos that take arguments (see `perRequest`). */
  scoped: Map<string, unknown>;
  /** Facet answers kept across requests until the archive changes (absent without a change feed). */
  facetMemo?: FacetMemo;
}

/** One instance per request and key: loaders whose batch depends on an argument (a page size, a search). */
export function perRequest<T>(ctx: Context, key: string, make: () => T): T {
  if (!ctx.scoped.has(key)) ctx.scoped.set(key, make());
  return ctx.scoped.get(key) as T;
}

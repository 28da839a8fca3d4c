import type { Db } from '../db/client';
import type { Config } from '../config';
import type { Loaders } from './loaders';
import type { Viewer } from '../auth/viewer';

export interface Context {
  db: Db;
  config: Config;
  loaders: Loaders;
  /** The API key the request carries (null: anonymous). */
  viewer: Viewer | null;
  /** Set when the request carried a key that is unknown or revoked. */
  badCredentials: boolean;
}

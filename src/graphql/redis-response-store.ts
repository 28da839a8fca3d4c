// The response cache's store when REDIS_URL is set: answers computed by one instance are served by
// all of them (src/graphql/response-cache.ts holds the rules of what is cached; this file only
// where).
//
// Invalidation is a generation counter in Redis, bumped by every instance whenever its change feed
// says the archive changed (a notification from Postgres, its own write, or a reconnection after
// which it cannot vouch for having heard everything). Each request reads the counter before it
// computes, and its answer is keyed by that generation, so an answer read before a write is never
// served after it, by any instance. Each instance bumps on its own hearing of a write, so a write
// bumps the counter once per instance: a little recomputation, never staleness.
//
// Redis down or slow: every command fails fast (no offline queue, a short timeout), the request is
// not cached, and the service computes answers as if there were no cache. After Redis comes back
// the counter is bumped before anything is read again (writes may have gone uncounted meanwhile).
import crypto from 'node:crypto';
import Redis from 'ioredis';
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Logger } from 'pino';
import type { ArchiveChangeFeed } from '../db/change-feed';

export interface RedisStoreOptions {
  url: string;
  /** What the cached answers are answers about (the primary database): keeps deployments apart. */
  database: string;
  feed: ArchiveChangeFeed;
  /** Kept when the response cache gives no TTL. */
  ttlSeconds: number;
  log: Logger;
  registry?: Registry;
}

export class RedisResponseStore implements KeyValueCache<string> {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly genKey: string;
  /** False from a failure until the generation has been bumped again. */
  private synced = false;
  private resync: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly failures: Counter;

  constructor(private readonly o: RedisStoreOptions) {
    const namespace = crypto.createHash('sha256').update(o.database).digest('hex').slice(0, 16);
    this.prefix = `prg:${namespace}:rc:`;
    this.genKey = `prg:${namespace}:generation`;
    this.redis = new Redis(o.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 500,
      connectTimeout: 2000,
      retryStrategy: (attempt) => Math.min(250 * attempt, 5000),
      lazyConnect: true,
    });
    this.redis.on('error', (err) => {
      if (this.synced) o.log.warn({ err }, 'response cache: Redis unreachable, answers are computed until it is back');
      this.synced = false;
    });
    this.redis.on('ready', () => void this.bump());
    o.feed.onChange(() => void this.bump());
    this.failures = new Counter({
      name: 'graphql_response_cache_store_errors_total',
      help: 'Commands to the shared response cache (Redis) that failed; the answers were computed.',
      registers: o.registry ? [o.registry] : [],
    });
    const store = this;
    new Gauge({
      name: 'graphql_response_cache_shared',
      help: '1 while the shared response cache (Redis) is in use, 0 while answers are computed without it.',
      registers: o.registry ? [o.registry] : [],
      collect() {
        this.set(store.usable ? 1 : 0);
      },
    });
  }

  /** Connects (a failure is not fatal: the cache stays off until Redis answers). */
  async start(): Promise<void> {
    await this.redis.connect().catch((err: unknown) => this.o.log.warn({ err }, 'response cache: Redis unreachable at start'));
  }

  /** Whether answers may be read and stored now. */
  get usable(): boolean {
    return this.synced && this.redis.status === 'ready';
  }

  /**
   * The current generation, read before a request computes (part of its cache key); null when
   * Redis cannot be used now (the request is then neither read from nor stored in the cache).
   */
  async generation(): Promise<string | null> {
    if (!this.usable) return null;
    try {
      return String(await this.redis.incrby(this.genKey, 0));
    } catch (err) {
      this.failed(err);
      return null;
    }
  }

  async get(key: string): Promise<string | undefined> {
    if (!this.usable) return undefined;
    try {
      return (await this.redis.get(this.prefix + key)) ?? undefined;
    } catch (err) {
      this.failed(err);
      return undefined;
    }
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (!this.usable) return;
    try {
      await this.redis.set(this.prefix + key, value, 'EX', Math.max(1, Math.ceil(options?.ttl ?? this.o.ttlSeconds)));
    } catch (err) {
      this.failed(err);
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      return (await this.redis.del(this.prefix + key)) > 0;
    } catch (err) {
      this.failed(err);
      return false;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.resync);
    this.redis.disconnect();
  }

  /** Moves every instance on to a new generation; until that succeeds, nothing is read or stored. */
  private async bump(): Promise<void> {
    if (this.stopped) return;
    clearTimeout(this.resync);
    try {
      await this.redis.incr(this.genKey);
      this.synced = true;
    } catch (err) {
      this.failed(err);
    }
  }

  private failed(err: unknown): void {
    this.failures.inc();
    if (this.synced) this.o.log.warn({ err }, 'response cache: a Redis command failed, answers are computed until it answers again');
    this.synced = false;
    if (this.stopped) return;
    clearTimeout(this.resync);
    this.resync = setTimeout(() => void this.bump(), 1000);
    this.resync.unref();
  }
}

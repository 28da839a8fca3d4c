// Knows when the archive may have changed: LISTEN on the channel that every write to it notifies
// (triggers of migration 20261128002000_archive_change_notify), on a connection of its own.
//
// `generation` moves on at every notification, and whenever the feed cannot vouch for having seen
// them all (connection lost, reconnected, silent). Whatever is cached under one generation is stale
// under the next. `live` is false while the feed cannot vouch for that: nothing may be cached or
// served from a cache then, since a write would go unnoticed.
//
// A connection can die without a word (a failover, a firewall dropping the flow: no FIN, no RST), and
// then notifications simply stop coming, which looks like a quiet archive. So the feed proves itself
// every `pingMs`: a NOTIFY of its own on a ping channel it also listens to must come back within
// `pingMs`. A ping that does not come back ends the connection and starts another; and `live` also
// requires a ping answered within the last two periods, so even a stalled check cannot keep a
// silent feed counted as live.
import crypto from 'node:crypto';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { poolConfigFromUrl } from './client';
import { MemoryCache, type MemoryCacheOptions } from './memory-cache';

export const ARCHIVE_CHANGED = 'archive_changed';
/** The feed's own round trips (no trigger notifies it; other instances ignore pings not theirs). */
export const FEED_PING = 'archive_feed_ping';

export interface ChangeFeedOptions {
  /** How often the connection must prove itself with a NOTIFY round trip, and how long one may take. */
  pingMs?: number;
}

export class ArchiveChangeFeed {
  generation = 0;
  private connected = false;
  private lastHeard = 0;
  private client: Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private backoffMs = 500;
  private stopped = false;
  private readonly listeners: (() => void)[] = [];
  private readonly pingMs: number;
  private readonly instance = crypto.randomBytes(6).toString('hex');
  private pings = 0;
  private pending: { payload: string; timer: NodeJS.Timeout } | undefined;
  /** Connections lost or given up as silent since start (for /metrics). */
  reconnects = 0;

  constructor(
    private readonly url: string,
    private readonly log: Logger,
    options: ChangeFeedOptions = {},
  ) {
    this.pingMs = Math.max(50, options.pingMs ?? 5000);
  }

  /** Listening, and heard from within the last two ping periods. */
  get live(): boolean {
    return this.connected && Date.now() - this.lastHeard <= 2 * this.pingMs;
  }

  /** Resolves once listening, or after the first failed attempt (it keeps retrying in the background). */
  async start(): Promise<void> {
    await this.connect();
  }

  /** The archive changed (or may have): called on notifications and by this instance's own writes. */
  bump(): void {
    this.generation++;
    for (const listener of this.listeners) listener();
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.connected = false;
    clearTimeout(this.retry);
    clearInterval(this.heartbeat);
    clearTimeout(this.pending?.timer);
    const client = this.client;
    this.client = undefined;
    if (client) await Promise.race([client.end().catch(() => undefined), new Promise((r) => setTimeout(r, 1000).unref())]);
    destroy(client);
  }

  private async connect(): Promise<void> {
    const { max: _max, idleTimeoutMillis: _idle, ...connection } = poolConfigFromUrl(this.url);
    const client = new Client({
      ...connection,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      connectionTimeoutMillis: Math.max(2 * this.pingMs, 5000),
      application_name: 'archive-change-feed',
    });
    this.client = client;
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      this.connected = false;
      clearInterval(this.heartbeat);
      clearTimeout(this.pending?.timer);
      this.pending = undefined;
      this.bump();
      // A silent socket never answers end(): drop it.
      destroy(client);
      if (this.stopped) return;
      this.reconnects++;
      this.log.warn({ err }, 'change feed: connection lost, responses are not cached until it is back');
      this.retry = setTimeout(() => void this.connect(), this.backoffMs);
      this.retry.unref();
      this.backoffMs = Math.min(this.backoffMs * 2, 30_000);
    };
    client.on('notification', (msg) => {
      if (msg.channel === FEED_PING) {
        if (this.pending && msg.payload === this.pending.payload) {
          clearTimeout(this.pending.timer);
          this.pending = undefined;
          this.lastHeard = Date.now();
        }
        return;
      }
      this.bump();
    });
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await client.query(`LISTEN ${ARCHIVE_CHANGED}`);
      await client.query(`LISTEN ${FEED_PING}`);
    } catch (err) {
      onLost(err as Error);
      return;
    }
    if (this.stopped || lost) {
      destroy(client);
      return;
    }
    // Writes made while nobody listened went unseen: start a new generation.
    this.bump();
    this.lastHeard = Date.now();
    this.connected = true;
    this.backoffMs = 500;
    const ping = () => {
      if (lost || this.pending) return;
      const payload = `${this.instance}:${++this.pings}`;
      const timer = setTimeout(() => onLost(new Error(`no answer to the change feed's ping within ${this.pingMs} ms`)), this.pingMs);
      timer.unref();
      this.pending = { payload, timer };
      client.query('SELECT pg_notify($1, $2)', [FEED_PING, payload]).catch((err: Error) => onLost(err));
    };
    this.heartbeat = setInterval(ping, this.pingMs);
    this.heartbeat.unref();
    this.log.debug('change feed: listening');
  }
}

function destroy(client: Client | undefined): void {
  (client as unknown as { connection?: { stream?: { destroy?: () => void } } } | undefined)?.connection?.stream?.destroy?.();
}

/**
 * Values remembered while the archive stays unchanged: cleared at every generation, and a value
 * computed from reads that began in an earlier generation is not kept. Nothing is remembered or
 * given back while the feed is not live. Bounded by estimated heap, entries and time (`ttlMs`: a
 * safety net should a change ever go unseen); values are kept as JSON, so what a caller does to the
 * value it gets back cannot change the memo.
 */
export class GenerationMemo<V extends object> {
  private readonly cache: MemoryCache;

  constructor(
    private readonly feed: ArchiveChangeFeed,
    bounds: MemoryCacheOptions,
  ) {
    this.cache = new MemoryCache(bounds);
    feed.onChange(() => this.cache.clear());
  }

  /** Take it before reading the database; `set` needs it. */
  epoch(): number {
    return this.feed.live ? this.feed.generation : -1;
  }

  get(key: string): V | undefined {
    if (!this.feed.live) return undefined;
    const json = this.cache.getSync(key);
    return json === undefined ? undefined : (JSON.parse(json) as V);
  }

  set(epoch: number, key: string, value: V): void {
    if (epoch >= 0 && this.feed.live && epoch === this.feed.generation) this.cache.setSync(key, JSON.stringify(value));
  }

  get entries(): number {
    return this.cache.entries;
  }
}

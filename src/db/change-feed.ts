// Knows when the archive may have changed: LISTEN on the channel that every write to it notifies
// (triggers of migration 20261128002000_archive_change_notify), on a connection of its own.
//
// `generation` moves on at every notification, and whenever the feed cannot vouch for having seen
// them all (connection lost, reconnected). Whatever is cached under one generation is stale under
// the next. `live` is false while the connection is down: nothing may be cached then, since a
// write would go unnoticed.
import { Client } from 'pg';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { poolConfigFromUrl } from './client';

export const ARCHIVE_CHANGED = 'archive_changed';

export class ArchiveChangeFeed {
  generation = 0;
  live = false;
  private client: Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private backoffMs = 500;
  private stopped = false;
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly url: string,
    private readonly log: Logger,
  ) {}

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
    this.live = false;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const { max: _max, idleTimeoutMillis: _idle, ...connection } = poolConfigFromUrl(this.url);
    const client = new Client({ ...connection, keepAlive: true, application_name: 'archive-change-feed' });
    this.client = client;
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      this.live = false;
      this.bump();
      if (this.stopped) return;
      this.log.warn({ err }, 'change feed: connection lost, responses are not cached until it is back');
      void client.end().catch(() => undefined);
      this.retry = setTimeout(() => void this.connect(), this.backoffMs);
      this.retry.unref();
      this.backoffMs = Math.min(this.backoffMs * 2, 30_000);
    };
    client.on('notification', () => this.bump());
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await client.query(`LISTEN ${ARCHIVE_CHANGED}`);
    } catch (err) {
      onLost(err as Error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    // Writes made while nobody listened went unseen: start a new generation.
    this.bump();
    this.live = true;
    this.backoffMs = 500;
    this.log.debug('change feed: listening');
  }
}

/**
 * Values remembered while the archive stays unchanged: cleared at every generation, and a value
 * computed from reads that began in an earlier generation is not kept. Nothing is remembered while
 * the feed is not listening.
 */
export class GenerationMemo<V extends object> {
  private readonly lru: LRUCache<string, V>;

  constructor(
    private readonly feed: ArchiveChangeFeed,
    maxBytes: number,
  ) {
    this.lru = new LRUCache<string, V>({ maxSize: maxBytes, sizeCalculation: (v, k) => k.length + JSON.stringify(v).length });
    feed.onChange(() => this.lru.clear());
  }

  /** Take it before reading the database; `set` needs it. */
  epoch(): number {
    return this.feed.live ? this.feed.generation : -1;
  }

  get(key: string): V | undefined {
    return this.feed.live ? this.lru.get(key) : undefined;
  }

  set(epoch: number, key: string, value: V): void {
    if (epoch >= 0 && this.feed.live && epoch === this.feed.generation) this.lru.set(key, value);
  }
}

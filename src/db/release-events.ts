// Changes of a release's status, as Postgres announces them on commit (channel release_status,
// migration 20261201200000_release_status_notify), heard on a connection of this instance's own.
// Every instance listens, so a release published through any of them, or by the bulk loader,
// reaches the subscribers of all of them.
//
// Events are announcements, not a log: one sent while this instance's connection is down is not
// heard (a subscriber reloads the list when it reconnects, as after any outage).
import { Client } from 'pg';
import type { Logger } from 'pino';
import type { ReleaseStatus } from '../generated/prisma/enums';
import { poolConfigFromUrl } from './client';

export const RELEASE_STATUS = 'release_status';

export interface ReleaseStatusEvent {
  /** The release's database id. */
  id: number;
  status: ReleaseStatus;
  /** The status before the change; null for a release just stored. */
  was: ReleaseStatus | null;
}

const STATUSES = new Set<string>(['DRAFT', 'PUBLISHED', 'RETRACTED']);

function parse(payload: string | undefined): ReleaseStatusEvent | null {
  try {
    const e = JSON.parse(payload ?? '') as Partial<ReleaseStatusEvent>;
    if (!Number.isInteger(e.id) || !STATUSES.has(String(e.status)) || (e.was != null && !STATUSES.has(e.was))) return null;
    return { id: e.id!, status: e.status!, was: e.was ?? null };
  } catch {
    return null;
  }
}

export class ReleaseEventFeed {
  live = false;
  private client: Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private backoffMs = 500;
  private stopped = false;
  private readonly listeners = new Set<(event: ReleaseStatusEvent) => void>();

  constructor(
    private readonly url: string,
    private readonly log: Logger,
  ) {}

  /** Resolves once listening, or after the first failed attempt (it keeps retrying in the background). */
  async start(): Promise<void> {
    await this.connect();
  }

  /** How many subscriptions listen now. */
  get subscribers(): number {
    return this.listeners.size;
  }

  /** Calls `listener` with every event until the returned function is called. */
  subscribe(listener: (event: ReleaseStatusEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.live = false;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private emit(payload: string | undefined): void {
    const event = parse(payload);
    if (!event) {
      this.log.warn({ payload }, 'release events: a notification that is not a status change, ignored');
      return;
    }
    for (const listener of [...this.listeners]) listener(event);
  }

  private async connect(): Promise<void> {
    const { max: _max, idleTimeoutMillis: _idle, ...connection } = poolConfigFromUrl(this.url);
    const client = new Client({ ...connection, keepAlive: true, application_name: 'release-events' });
    this.client = client;
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      this.live = false;
      if (this.stopped) return;
      this.log.warn({ err }, 'release events: connection lost, subscribers hear nothing until it is back');
      void client.end().catch(() => undefined);
      this.retry = setTimeout(() => void this.connect(), this.backoffMs);
      this.retry.unref();
      this.backoffMs = Math.min(this.backoffMs * 2, 30_000);
    };
    client.on('notification', (n) => {
      if (n.channel === RELEASE_STATUS) this.emit(n.payload);
    });
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await client.query(`LISTEN ${RELEASE_STATUS}`);
    } catch (err) {
      onLost(err as Error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.live = true;
    this.backoffMs = 500;
    this.log.debug('release events: listening');
  }
}

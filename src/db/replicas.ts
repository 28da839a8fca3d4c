// Read replicas (DATABASE_REPLICA_URLS): anonymous reads go to a streaming replica that is close
// enough behind the primary; writes (Prisma) and editors' reads stay on the primary, so an editor
// reads its own writes.
//
// How far behind a replica is: every check samples the primary's WAL position
// (pg_current_wal_lsn) with the time, and asks each replica how far it has replayed
// (pg_last_wal_replay_lsn). A replica that has replayed what the primary had written at time t is
// at most now - t behind; one that lags more than REPLICA_MAX_LAG_MS, or does not answer, is
// skipped until a check finds it back. A statement that fails on a replica for want of a
// connection is run again on the primary at once.
//
// After a write anywhere (the change feed's notification), no replica serves until a check has
// seen it replay that write: answers cached after a write are then never read from before it.
import { Pool } from 'pg';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Logger } from 'pino';
import { poolConfigFromUrl } from './client';
import { createExecutor, type ExecutorFactory, type SqlExecutor, type SqlRunner, type SqlSource, type Sql } from './sql';

export interface ReplicaOptions {
  urls: string[];
  maxLagMs: number;
  /** How often replicas are checked. */
  checkMs: number;
  poolSize: number;
  statementTimeoutMs?: number;
  log: Logger;
  registry?: Registry;
}

/** A WAL position ("16/B374D848") as a number that orders. */
export function lsnValue(lsn: string): bigint {
  const [hi, lo] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

interface Replica {
  name: string;
  source: SqlSource;
  /** Replayed WAL position at the last check (null: not answering). */
  replayed: bigint | null;
  lagMs: number;
  healthy: boolean;
}

const CONNECTION_FAILURE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|Connection terminated|timeout exceeded when trying to connect|the database system is (starting up|shutting down)|terminating connection due to administrator command|recovery is in progress/i;

export class ReplicaRouter implements ExecutorFactory {
  private readonly replicas: Replica[];
  private readonly samples: { at: number; lsn: bigint }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private next = 0;
  /** The primary's position after the latest write heard of: a replica must have replayed it to serve. */
  private mustReach = 0n;
  /** A write was announced and its position is not known yet: nothing goes to replicas. */
  private writeUnplaced = 0;
  private checking: Promise<void> | undefined;
  private readonly routed: Counter;

  constructor(
    private readonly primary: SqlSource,
    private readonly statementsPerRequest: number,
    private readonly o: ReplicaOptions,
  ) {
    this.replicas = o.urls.map((url) => {
      const config = poolConfigFromUrl(url, o.poolSize);
      const pool = new Pool(o.statementTimeoutMs ? { ...config, statement_timeout: o.statementTimeoutMs } : { ...config });
      pool.on('error', () => undefined);
      return {
        name: `${config.host}:${config.port}`,
        source: { pool, onQuery: primary.onQuery, preparedPerConnection: primary.preparedPerConnection },
        replayed: null,
        lagMs: Infinity,
        healthy: false,
      };
    });
    this.routed = new Counter({
      name: 'database_read_requests_total',
      help: 'Requests whose reads went to a replica or to the primary (editors, no replica close enough, a replica that failed).',
      labelNames: ['target'],
      registers: o.registry ? [o.registry] : [],
    });
    const router = this;
    new Gauge({
      name: 'database_replica_serving',
      help: '1 while a read replica takes anonymous reads, 0 while it is skipped (behind, failing).',
      labelNames: ['replica'],
      registers: o.registry ? [o.registry] : [],
      collect() {
        for (const r of router.status()) this.set({ replica: r.name }, r.healthy ? 1 : 0);
      },
    });
    new Gauge({
      name: 'database_replica_lag_ms',
      help: 'How far behind the primary a read replica was at the last check, in milliseconds (-1: not answering).',
      labelNames: ['replica'],
      registers: o.registry ? [o.registry] : [],
      collect() {
        for (const r of router.status()) this.set({ replica: r.name }, Number.isFinite(r.lagMs) ? r.lagMs : -1);
      },
    });
  }

  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.o.checkMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
    await Promise.all(this.replicas.map((r) => r.source.pool.end().catch(() => undefined)));
  }

  /** What each replica looks like now (for /metrics and tests). */
  status(): { name: string; healthy: boolean; lagMs: number }[] {
    return this.replicas.map((r) => ({ name: r.name, healthy: this.eligible(r), lagMs: r.lagMs }));
  }

  /** The archive was written (the change feed heard it): replicas serve again once they have replayed it. */
  afterWrite(): void {
    this.writeUnplaced++;
    this.primary.pool
      .query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')
      .then(
        ({ rows }) => {
          const lsn = lsnValue(rows[0].lsn);
          if (lsn > this.mustReach) this.mustReach = lsn;
        },
        () => undefined,
      )
      .finally(() => {
        this.writeUnplaced--;
        void this.check();
      });
  }

  forRequest(options: { primary?: boolean } = {}): SqlExecutor {
    const onPrimary = createExecutor(this.primary, this.statementsPerRequest);
    const replica = options.primary ? undefined : this.pick();
    this.routed.inc({ target: replica ? 'replica' : 'primary' });
    if (!replica) return onPrimary;
    const onReplica = createExecutor(replica.source, this.statementsPerRequest);
    // A replica that fails for want of a connection: this statement, and the request's next ones, go to the primary.
    let fellBack = false;
    const failover = async <T>(attempt: () => Promise<T>, again: () => Promise<T>): Promise<T> => {
      if (fellBack) return again();
      try {
        return await attempt();
      } catch (e) {
        if (!CONNECTION_FAILURE.test(String((e as Error)?.message ?? e))) throw e;
        fellBack = true;
        replica.healthy = false;
        this.routed.inc({ target: 'primary' });
        this.o.log.warn({ replica: replica.name, err: e }, 'replica failed: reading from the primary');
        return again();
      }
    };
    return {
      database: this.primary,
      query: <T>(statement: Sql) => failover(() => onReplica.query<T>(statement), () => onPrimary.query<T>(statement)),
      transaction: <T>(work: (tx: SqlRunner) => Promise<T>) => failover(() => onReplica.transaction(work), () => onPrimary.transaction(work)),
    };
  }

  private eligible(r: Replica): boolean {
    if (!r.healthy || r.replayed === null || r.lagMs > this.o.maxLagMs || this.writeUnplaced > 0) return false;
    return r.replayed >= this.mustReach;
  }

  private pick(): Replica | undefined {
    for (let i = 0; i < this.replicas.length; i++) {
      const r = this.replicas[(this.next + i) % this.replicas.length];
      if (this.eligible(r)) {
        this.next = (this.next + i + 1) % this.replicas.length;
        return r;
      }
    }
    return undefined;
  }

  private check(): Promise<void> {
    return (this.checking ??= this.measure().finally(() => (this.checking = undefined)));
  }

  private async measure(): Promise<void> {
    const at = Date.now();
    try {
      const { rows } = await this.primary.pool.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
      this.samples.push({ at, lsn: lsnValue(rows[0].lsn) });
      // Enough history to measure lags a little beyond the bound.
      while (this.samples.length > 2 && this.samples[1].at < at - 2 * this.o.maxLagMs - this.o.checkMs) this.samples.shift();
    } catch {
      // The primary is down: nothing to compare with; replicas keep their last measure.
      return;
    }
    await Promise.all(
      this.replicas.map(async (r) => {
        try {
          const { rows } = await r.source.pool.query<{ lsn: string | null }>('SELECT pg_last_wal_replay_lsn()::text AS lsn');
          if (rows[0].lsn === null) throw new Error('not a replica (pg_last_wal_replay_lsn is null)');
          const replayed = lsnValue(rows[0].lsn);
          // The newest sample the replica has replayed: it is at most that old.
          const reached = [...this.samples].reverse().find((s) => s.lsn <= replayed);
          // (Replayed what the primary had at this check: as good as caught up.)
          const lagMs = reached ? (reached.at === at ? 0 : Date.now() - reached.at) : Date.now() - this.samples[0].at;
          const wasEligible = this.eligible(r);
          Object.assign(r, { replayed, lagMs, healthy: true });
          if (wasEligible && !this.eligible(r)) this.o.log.warn({ replica: r.name, lagMs }, 'replica behind: reads go elsewhere');
        } catch (err) {
          if (r.healthy) this.o.log.warn({ replica: r.name, err }, 'replica not answering: reads go elsewhere');
          Object.assign(r, { replayed: null, lagMs: Infinity, healthy: false });
        }
      }),
    );
  }
}

// Connections that went dead without a word (issue 10, "Failover"): when a database fails over, the
// old server's connections may be black-holed — no FIN, no RST, nothing comes back — while new
// connections reach the new primary. pg waits on such a connection until TCP gives up (about 15
// minutes on Linux); the pool keeps handing out its idle ones. Three guards, from fastest to last:
//
// 1. The stall check: a statement without an answer after `stallCheckMs` makes the guard look at its
//    backend from a fresh connection (pg_stat_activity, by the backend's pid). A backend that does
//    not exist there (another server now), or that is not running anything while we wait for an
//    answer (the statement or its answer was lost on the way), twice in a row, means the connection
//    is dead: it is destroyed (its statement fails with a connection error, answered 503), and so
//    are the pool's idle connections opened before it (they went through the same path). A
//    statement that is merely slow or waits on a lock is `active` there and is left alone.
// 2. A client-side timeout (`query_timeout`): past it, the statement fails and its connection is
//    destroyed, never given back to the pool.
// 3. TCP keepalive with a short delay, for connections idle in the pool (the kernel finds a dead
//    peer in about delay + 10 s with libuv's probe settings).
import { Client, type ClientConfig, type Pool } from 'pg';

/** Errors after which a connection is not to be used again. */
const DEAD = /Query read timeout|Connection terminated|ECONNRESET|EPIPE|ETIMEDOUT|not queryable/i;

interface GuardState {
  /** When the statement now waiting for its answer was sent (undefined: none). */
  since?: number;
  /** What the last stall check saw of this connection's backend. */
  suspect?: string;
  openedAt: number;
}

const guards = new WeakMap<Client, GuardState>();

/**
 * Ends a connection at once, without the goodbye a dead peer would never answer. `quietly`: its
 * statements fail with "Connection terminated" and the pool drops it when it comes back; otherwise
 * the client emits 'error', which makes the pool drop it at once if it lies idle there.
 */
export function destroyClient(client: Client, quietly = true): void {
  const c = client as unknown as { _queryable: boolean; _ending: boolean; connection?: { stream?: { destroy(): void } } };
  if (c._ending || !c._queryable) return;
  if (quietly) {
    c._queryable = false;
    c._ending = true;
  }
  c.connection?.stream?.destroy();
}

/** A pg Client that keeps track of the statement it waits on and leaves the pool when its connection dies. */
export class GuardedClient extends Client {
  constructor(config?: ClientConfig) {
    super(config);
    guards.set(this, { openedAt: Date.now() });
    // Errors of a checked-out connection reach whoever holds it through their query; one emitted
    // while nobody listens must not end the process.
    this.on('error', () => undefined);
  }

  // pg's query has many overloads; this one passes them all through unchanged.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const state = guards.get(this)!;
    const done = (err: unknown) => {
      state.since = undefined;
      state.suspect = undefined;
      if (err instanceof Error && DEAD.test(err.message)) destroyClient(this);
    };
    const watched =
      (answer: (err: unknown, res: unknown) => void) =>
      (err: unknown, res: unknown): void => {
        done(err);
        answer(err, res);
      };
    const first = args[0];
    if (first && typeof first.submit === 'function') {
      // A Query with its callback (the read side's, src/db/sql.ts) is watched like any statement;
      // a cursor or a stream (no callback: it reads across round trips) is not.
      const answer = first.callback;
      if (typeof answer === 'function') {
        state.since = Date.now();
        first.callback = watched(answer);
      }
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    state.since = Date.now();
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = watched(last);
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const out = (super.query as (...a: unknown[]) => Promise<unknown>)(...args);
    out.then(
      () => done(undefined),
      (e: unknown) => done(e),
    );
    return out;
  }
}

export interface StallWatchOptions {
  /** How long a statement may wait for its answer before its backend is looked at. */
  stallCheckMs: number;
  /** Settings for the probe's own connection. */
  connection: ClientConfig;
  onDead?: (info: { pid: number; why: string }) => void;
}

/**
 * Watches the pool's connections for statements stalled on a dead connection (guard 1 above).
 * Returns a function that stops watching.
 */
export function watchStalls(pool: Pool, options: StallWatchOptions): () => void {
  const clients = new Set<GuardedClient>();
  pool.on('connect', (c) => clients.add(c as GuardedClient));
  pool.on('remove', (c) => clients.delete(c as GuardedClient));
  let probing = false;
  const tick = async () => {
    if (probing) return;
    const now = Date.now();
    const stalled = [...clients].filter((c) => {
      const s = guards.get(c);
      return s?.since !== undefined && now - s.since >= options.stallCheckMs && (c as unknown as { processID?: number }).processID;
    });
    if (!stalled.length) return;
    probing = true;
    const probe = new Client({ ...options.connection, application_name: 'pool-stall-probe', connectionTimeoutMillis: Math.max(1000, options.stallCheckMs) });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      const pids = stalled.map((c) => (c as unknown as { processID: number }).processID);
      const { rows } = await probe.query<{ pid: number; state: string | null; since: string | null }>(
        `SELECT pid, state, state_change::text AS since FROM pg_stat_activity WHERE pid = ANY($1::int[])`,
        [pids],
      );
      const seen = new Map(rows.map((r) => [r.pid, r]));
      let dead = 0;
      let oldestDead = Infinity;
      for (const c of stalled) {
        const state = guards.get(c)!;
        if (state.since === undefined) continue; // answered meanwhile
        const pid = (c as unknown as { processID: number }).processID;
        const row = seen.get(pid);
        const verdict = !row ? 'gone' : row.state === 'active' ? null : `${row.state}@${row.since}`;
        if (!verdict) {
          state.suspect = undefined;
          continue;
        }
        // Dead when seen so twice (the first look may catch a statement just sent, or an answer just sent).
        if (verdict === 'gone' || state.suspect === verdict) {
          dead++;
          oldestDead = Math.min(oldestDead, state.openedAt);
          options.onDead?.({ pid, why: verdict === 'gone' ? 'backend not found' : `backend ${row!.state} while a statement waited` });
          destroyClient(c);
        } else {
          state.suspect = verdict;
        }
      }
      if (dead) {
        // Idle connections opened before a dead one went the same way: drop them rather than find out one request at a time.
        for (const c of clients) {
          const s = guards.get(c)!;
          if (s.since === undefined && s.openedAt <= Math.max(oldestDead, now)) {
            destroyClient(c, false);
          }
        }
      }
    } catch {
      // The database cannot be reached at all: the stalled statements' own timeouts end them.
    } finally {
      probing = false;
      await probe.end().catch(() => undefined);
    }
  };
  const timer = setInterval(() => void tick(), Math.max(100, Math.floor(options.stallCheckMs / 4)));
  timer.unref();
  return () => clearInterval(timer);
}

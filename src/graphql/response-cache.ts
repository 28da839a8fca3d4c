// Whole-response cache for anonymous queries, dropped whenever the archive changes.
//
// The archive is read far more than it is written (a few releases a day), and its expensive answers
// (exact counts of common words, facets over tens of thousands of releases, partners, trends) are
// the same for every reader until the next write. So a query's answer is kept, keyed by its text,
// variables and the change feed's generation, until a write anywhere bumps the generation (a
// notification from Postgres, or this instance's own mutation). The idea is Elasticsearch's shard
// request cache (kept until the next refresh); the machinery is Apollo's response-cache plugin.
//
// Not cached: mutations, responses with errors, requests that carry credentials (editors see drafts,
// and a bad key must still be refused), and everything while the change feed is not listening.
// A client that wants a fresh computation sends `Cache-Control: no-cache` or `no-store`: the answer
// is computed, and the cache is neither read nor written.
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { ArchiveChangeFeed } from '../db/change-feed';
import { boundedKey, MemoryCache } from '../db/memory-cache';
import type { Context } from './context';
import type { RedisResponseStore } from './redis-response-store';

export interface ResponseCacheOptions {
  /** Memory for cached responses, in MiB: their estimated heap, keys and bookkeeping included. */
  maxMb: number;
  /** The most responses kept, however small. */
  maxEntries: number;
  /** A cached response is dropped after this long even if nothing changed (a safety net, not the invalidation). */
  ttlSeconds: number;
  feed: ArchiveChangeFeed;
  registry?: Registry;
  /** A store shared by every instance (Redis, redis-response-store.ts) instead of this process's memory. */
  shared?: RedisResponseStore;
}

type Request = GraphQLRequestContext<Context>;

const header = (rc: Request, name: string) => rc.request.http?.headers.get(name) ?? '';

/** The request asks for a computed answer (`Cache-Control: no-cache` or `no-store`, or `Pragma: no-cache`). */
export const asksForComputedAnswer = (cacheControl?: string | null, pragma?: string | null) =>
  /no-cache|no-store/i.test(`${cacheControl ?? ''},${pragma ?? ''}`);

export function responseCachePlugins({ maxMb, maxEntries, ttlSeconds, feed, registry, shared }: ResponseCacheOptions): ApolloServerPlugin<Context>[] {
  const memory = shared ? undefined : new MemoryCache({ maxBytes: maxMb * 2 ** 20, maxEntries, ttlMs: ttlSeconds * 1000 });
  // The generation in every key keeps answers computed before a write from being served after it;
  // clearing frees their memory at once. A shared store keys by the shared generation instead.
  if (memory) feed.onChange(() => memory.clear());
  // The shared generation each request read before computing (null: Redis unusable, no caching).
  const sharedGeneration = new WeakMap<object, string | null>();
  const generationOf = async (rc: Request) => {
    if (!shared) return feed.generation;
    const generation = header(rc, 'authorization') ? null : await shared.generation();
    sharedGeneration.set(rc.request, generation);
    return generation;
  };
  const storeUsable = (rc: Request) => !shared || (sharedGeneration.get(rc.request) ?? null) !== null;
  const outcomes = new Counter({
    name: 'graphql_response_cache_total',
    help: 'Queries answered from the response cache (hit), computed and cached (miss), or computed without it (bypass).',
    labelNames: ['result'],
    registers: registry ? [registry] : [],
  });

  new Gauge({
    name: 'archive_change_feed_live',
    help: '1 while this instance hears writes to the archive (its last ping came back in time; answers are cached), 0 while it does not.',
    registers: registry ? [registry] : [],
    collect() {
      this.set(feed.live ? 1 : 0);
    },
  });
  new Gauge({
    name: 'archive_change_feed_reconnects',
    help: 'Times the change feed lost its connection or gave it up as silent, since start.',
    registers: registry ? [registry] : [],
    collect() {
      this.set(feed.reconnects);
    },
  });
  new Gauge({
    name: 'graphql_response_cache_entries',
    help: 'Responses in the response cache.',
    registers: registry ? [registry] : [],
    collect() {
      this.set(memory?.entries ?? 0);
    },
  });
  new Gauge({
    name: 'graphql_response_cache_bytes',
    help: 'Estimated heap the response cache takes (answers, keys, bookkeeping).',
    registers: registry ? [registry] : [],
    collect() {
      this.set(memory?.bytes ?? 0);
    },
  });

  const cacheable = (rc: Request) => feed.live && !header(rc, 'authorization') && storeUsable(rc);
  const fresh = (rc: Request) => asksForComputedAnswer(header(rc, 'cache-control'), header(rc, 'pragma'));
  // A request the cache can do nothing for (it carries credentials, or asks for a computed answer)
  // starts none of its listeners: they would neither read nor write, but Apollo's plugin still
  // built a key's material and awaited two hooks for it.
  const passesBy = (rc: Request) => !!header(rc, 'authorization') || fresh(rc);
  const unlessPassingBy = (plugin: ApolloServerPlugin<Context>): ApolloServerPlugin<Context> => ({
    async requestDidStart(rc) {
      return passesBy(rc) ? undefined : plugin.requestDidStart?.(rc);
    },
  });

  // Identical queries that miss at the same moment (a popular query just after a write) wait for
  // the first one's answer instead of all computing it: one computation per key and generation.
  const inFlight = new Map<string, Promise<void>>();
  const flightKey = (rc: Request) =>
    boundedKey(JSON.stringify([rc.source, rc.operationName ?? null, rc.request.variables ?? {}, feed.generation]));
  const coalesce: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      let release: (() => void) | undefined;
      return {
        async responseForOperation(rc) {
          if (rc.operation?.operation !== 'query' || !feed.live || header(rc, 'authorization') || fresh(rc)) return null;
          // Wait for the computation of the same query under the current generation, if any. When
          // a write moved the generation on meanwhile, that answer is stale: look again, and the
          // first to find no computation under way starts one (the others wait for it).
          // Under writes faster than the computation, a request stops waiting after three rounds.
          let key = flightKey(rc);
          for (let leader = inFlight.get(key), rounds = 0; leader; leader = inFlight.get(key)) {
            if (++rounds > 3) return null;
            await leader;
            const now = flightKey(rc);
            // Same generation: the response cache (the next plugin) has the answer, or, if the
            // computation failed, this request computes it.
            if (now === key) return null;
            key = now;
          }
          // A safety net: followers never wait on a leader longer than this.
          let timer: NodeJS.Timeout | undefined;
          const done = new Promise<void>((resolve) => {
            release = () => {
              clearTimeout(timer);
              if (inFlight.get(key) === done) inFlight.delete(key);
              resolve();
            };
          });
          timer = setTimeout(() => release?.(), 30_000).unref();
          inFlight.set(key, done);
          return null;
        },
        async willSendResponse() {
          // After this tick, so that the response cache has stored the answer by then.
          if (release) setImmediate(release);
        },
      };
    },
  };

  return [
    unlessPassingBy(coalesce),
    // Every query may be cached for ttlSeconds: one policy per request, set here, instead of
    // Apollo's cache-control plugin, which wraps every field's resolver to merge per-field hints
    // nobody sets. No Cache-Control header goes out, since browsers and CDNs cannot hear about
    // writes the way this cache does.
    unlessPassingBy({
      async requestDidStart() {
        return {
          async executionDidStart(rc) {
            rc.overallCachePolicy.replace({ maxAge: ttlSeconds, scope: 'PUBLIC' });
          },
        };
      },
    }),
    unlessPassingBy(responseCachePlugin<Context>({
      cache: shared ?? memory!,
      extraCacheKeyData: async (rc) => ({ generation: await generationOf(rc) }),
      shouldReadFromCache: async (rc) => cacheable(rc) && !fresh(rc),
      // A bypass neither reads nor writes: storing its answer cost a serialisation and a hash per
      // request (5% of a computed request's CPU in the bench), for an answer the next miss recomputes.
      shouldWriteToCache: async (rc) => cacheable(rc) && !fresh(rc),
    })),
    {
      async requestDidStart() {
        return {
          async willSendResponse(rc) {
            const type = rc.operation?.operation;
            // This instance's own writes count at once; other writers' arrive by notification.
            if (type === 'mutation') feed.bump();
            if (type !== 'query') return;
            outcomes.inc({ result: rc.metrics.responseCacheHit ? 'hit' : cacheable(rc) && !fresh(rc) ? 'miss' : 'bypass' });
          },
        };
      },
    },
  ];
}

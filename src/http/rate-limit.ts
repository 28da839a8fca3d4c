// Per-client request rates (issue 10: two anonymous clients starved the pool). Anonymous clients are
// counted by address, clients with a key by key; past the rate, a request is refused before it
// reads anything: HTTP 429, `Retry-After`, code RATE_LIMITED. Anonymous requests that force a
// computation (`Cache-Control: no-cache`) have a smaller rate of their own: the cache is what
// keeps anonymous traffic cheap. Counters live in this process (rate-limiter-flexible's memory
// store): behind N instances a client gets N times the rate.
import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimits {
  /** Requests a minute per address without a key; 0: no limit. */
  anonymousPerMinute: number;
  /** Requests a minute per API key; 0: no limit. */
  keyPerMinute: number;
  /** Of the anonymous ones, how many may ask for a computed answer (`Cache-Control: no-cache`); 0: no limit. */
  anonymousNoCachePerMinute: number;
}

export type RateLimiter = (who: { key: string | null; address: string; fresh: boolean }) => Promise<void>;

const limiter = (perMinute: number, prefix: string) => (perMinute > 0 ? new RateLimiterMemory({ keyPrefix: prefix, points: perMinute, duration: 60 }) : null);

export function rateLimited(message: string, msBeforeNext: number): GraphQLError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new GraphQLError(message, {
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds, http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) } },
  });
}

export function createRateLimiter(limits: RateLimits): RateLimiter {
  const anonymous = limiter(limits.anonymousPerMinute, 'anon');
  const keyed = limiter(limits.keyPerMinute, 'key');
  const noCache = limiter(limits.anonymousNoCachePerMinute, 'fresh');
  const take = async (l: RateLimiterMemory | null, id: string, message: string) => {
    if (!l) return;
    try {
      await l.consume(id);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw rateLimited(message, e.msBeforeNext);
      throw e;
    }
  };
  return async ({ key, address, fresh }) => {
    if (key) return take(keyed, key, `Too many requests with this key (at most ${limits.keyPerMinute} a minute): slow down`);
    await take(anonymous, address, `Too many requests from this address (at most ${limits.anonymousPerMinute} a minute without a key): slow down`);
    if (fresh) {
      await take(
        noCache,
        address,
        `Too many requests with Cache-Control: no-cache from this address (at most ${limits.anonymousNoCachePerMinute} a minute without a key): send the query without it for the cached answer`,
      );
    }
  };
}

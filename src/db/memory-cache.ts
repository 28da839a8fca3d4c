// An in-memory LRU cache of strings bounded three ways: by what its entries cost on the heap (not
// just by the length of the answers), by their number, and in time; and with keys of bounded length.
//
// What an entry costs: its key and value as V8 strings (a header, then one byte a character, or two
// when any character is beyond Latin-1), plus the cache's own bookkeeping. Measured on Node 20 with
// lru-cache 11 (`node --expose-gc`, 5,000 to 50,000 entries, keys of 68 characters): 301 bytes for an
// answer of 50 characters, 1,401 for 1,000, 10,589 for 10,000; the estimate below gives 415, 1,412
// and 10,862. Counting answer characters alone (what Apollo's cache did) said 50 for the first: a
// sixth of it.
import crypto from 'node:crypto';
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { LRUCache } from 'lru-cache';

/** Longer keys are replaced by their sha256 (so a query of 100 KB does not make a key of 100 KB). */
export const MAX_KEY_CHARS = 128;
/** The cache's own cost per entry (its node, the map's entry, the TTL's slots), measured as above. */
export const ENTRY_OVERHEAD_BYTES = 256;

/** What a string costs on V8's heap, a little rounded up. */
export function stringHeapBytes(s: string): number {
  // eslint-disable-next-line no-control-regex
  const perChar = /[^\u0000-\u00ff]/.test(s) ? 2 : 1;
  return Math.ceil((16 + s.length * perChar) * 1.05);
}

export const entryHeapBytes = (key: string, value: string) => ENTRY_OVERHEAD_BYTES + stringHeapBytes(key) + stringHeapBytes(value);

/** The key as stored: itself when short, else `#` and its sha256 (short keys starting with `#` are hashed too). */
export function boundedKey(key: string): string {
  if (key.length <= MAX_KEY_CHARS && !key.startsWith('#')) return key;
  return `#${crypto.createHash('sha256').update(key, 'utf8').digest('hex')}`;
}

export interface MemoryCacheOptions {
  /** Estimated heap the entries may take, in bytes. */
  maxBytes: number;
  maxEntries: number;
  /** The longest an entry is kept; a shorter TTL may be asked per entry. */
  ttlMs: number;
}

export class MemoryCache implements KeyValueCache<string> {
  private readonly lru: LRUCache<string, string>;
  private readonly ttlMs: number;

  constructor({ maxBytes, maxEntries, ttlMs }: MemoryCacheOptions) {
    this.ttlMs = Math.max(1, ttlMs);
    const maxSize = Math.max(1024, Math.floor(maxBytes));
    this.lru = new LRUCache<string, string>({
      max: Math.max(1, Math.floor(maxEntries)),
      maxSize,
      // One answer may take an eighth of the room at most (a huge one would flush everything else).
      maxEntrySize: Math.max(1, Math.floor(maxSize / 8)),
      sizeCalculation: (value, key) => entryHeapBytes(key, value),
      ttl: this.ttlMs,
    });
  }

  getSync(key: string): string | undefined {
    return this.lru.get(boundedKey(key));
  }

  /** `ttlMs` shortens the cache's own TTL, never lengthens it. */
  setSync(key: string, value: string, ttlMs?: number): void {
    const ttl = ttlMs && ttlMs > 0 ? Math.min(ttlMs, this.ttlMs) : this.ttlMs;
    this.lru.set(boundedKey(key), value, { ttl });
  }

  async get(key: string): Promise<string | undefined> {
    return this.getSync(key);
  }

  /** Apollo's interface: `ttl` in seconds. */
  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    this.setSync(key, value, options?.ttl ? options.ttl * 1000 : undefined);
  }

  async delete(key: string): Promise<boolean> {
    return this.lru.delete(boundedKey(key));
  }

  /**
   * Empties the cache. lru-cache's own clear() rewrites every slot the cache could hold (five arrays
   * of `maxEntries`: 127 µs at 20,000 even when empty), and a write's transaction is announced once
   * per table it touched (src/db/change-feed.ts): an ingest cleared the empty cache a dozen times,
   * 3% of its CPU.
   */
  clear(): void {
    if (this.lru.size > 0) this.lru.clear();
  }

  get entries(): number {
    return this.lru.size;
  }

  /** The estimated heap the entries take. */
  get bytes(): number {
    return this.lru.calculatedSize;
  }

  /** The stored keys (bounded ones). */
  keys(): string[] {
    return [...this.lru.keys()];
  }
}

// API keys: random, shown once, stored as a sha256 hash (a fast hash suits 256-bit random keys;
// a password hash would only slow every request). ADMIN_TOKEN from the environment is an admin key.
import crypto from 'node:crypto';
import type { Db } from '../db/client';
import type { ApiKeyRole } from '../generated/prisma/enums';
import { notFound } from '../errors';
import type { Viewer } from './viewer';

export const KEY_PREFIX = 'prk_';

export const hashKey = (key: string) => crypto.createHash('sha256').update(key, 'utf8').digest('hex');

export function newKey(): { key: string; hash: string; prefix: string } {
  const key = KEY_PREFIX + crypto.randomBytes(32).toString('base64url');
  return { key, hash: hashKey(key), prefix: key.slice(0, KEY_PREFIX.length + 6) };
}

function sameSecret(a: string, b: string): boolean {
  // Compare hashes, so lengths match and timing says nothing about the token.
  return crypto.timingSafeEqual(Buffer.from(hashKey(a), 'hex'), Buffer.from(hashKey(b), 'hex'));
}

/** The bearer token of an Authorization header, or null when there is none. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : '';
}

/** The viewer a token stands for; null when it is unknown or revoked. */
export async function authenticate(db: Db, token: string, adminToken: string | undefined): Promise<Viewer | null> {
  if (adminToken && sameSecret(token, adminToken)) return { apiKeyId: null, name: 'ADMIN_TOKEN', role: 'ADMIN' };
  if (!token.startsWith(KEY_PREFIX)) return null;
  const row = await db.apiKey.findUnique({ where: { keyHash: hashKey(token) } });
  if (!row || row.revokedAt) return null;
  // Last use is a hint for admins, not worth a write per request: once a minute at most.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
  }
  return { apiKeyId: row.id, name: row.name, role: row.role };
}

export const listApiKeys = (db: Db) => db.apiKey.findMany({ orderBy: { id: 'desc' } });

/** A new key: the key itself (shown once) and its stored row (its hash, never the key). */
export async function createApiKey(db: Db, name: string, role: ApiKeyRole) {
  const { key, hash, prefix } = newKey();
  const row = await db.apiKey.create({ data: { name: name.trim(), role, keyHash: hash, prefix } });
  return { key, row };
}

/** Revokes a key at once; revoking twice changes nothing. */
export async function revokeApiKey(db: Db, id: number) {
  const row = await db.apiKey.findUnique({ where: { id } });
  if (!row) throw notFound('API key');
  if (row.revokedAt) return row;
  return db.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
}

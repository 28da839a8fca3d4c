// CORS for browser apps on other origins (CORS_ORIGINS). Reads are anonymous and keys travel in the
// Authorization header, never in cookies: credentials are not allowed, so a browser never sends
// its cookies along, and `*` is safe for a public archive.
import cors from 'cors';
import type { RequestHandler } from 'express';

/** The middleware for the configured origins; null when none is configured (same origin only). */
export function corsFor(origins: string[]): RequestHandler | null {
  if (!origins.length) return null;
  return cors({
    origin: origins[0] === '*' ? '*' : origins,
    credentials: false,
    methods: ['GET', 'POST', 'OPTIONS'],
    // What GraphQL clients send: JSON bodies, a key, Apollo's CSRF preflight header, a correlation id.
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id', 'cache-control'],
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  });
}

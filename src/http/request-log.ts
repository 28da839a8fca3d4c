// One JSON line per request (pino): its id, method, path, status, duration, and for GraphQL the
// operation's name and whether the response cache answered. The id goes back in `X-Request-Id`
// and into every GraphQL error's extensions, so a user's report can be found in the log. Headers
// are never logged (no Authorization, no key), nor query strings (GraphQL GET variables).
import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';

export const REQUEST_ID_HEADER = 'x-request-id';

/** An incoming id is kept when it is short and plain (a proxy's or client's correlation id). */
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

interface GraphqlFacts {
  operation?: string;
  cacheHit?: boolean;
}

/** Told of every finished request: its method, path (no query string), status and seconds taken. */
export type RequestObserver = (method: string, path: string, status: number, seconds: number) => void;

export function createRequestLog(log: Logger, observe?: RequestObserver) {
  // Filled by the Apollo plugin, read when the request's line is written, keyed by request id.
  const facts = new Map<string, GraphqlFacts>();

  // The line is pino-http's (same fields, messages and levels) written without it: pino-http made
  // two child loggers per request (one serializing the request object) that the line never used,
  // 2 to 3% of a computed page's CPU in a profile. The same listener times the request for the
  // metrics (`observe`), so a request carries two listeners instead of four.
  const middleware: RequestHandler = (req, res, next) => {
    const incoming = req.headers[REQUEST_ID_HEADER];
    const id = typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : crypto.randomUUID();
    // Apollo sees the request's headers only: the id travels to the plugin as the header.
    req.headers[REQUEST_ID_HEADER] = id;
    res.setHeader('X-Request-Id', id);
    (req as { id?: string }).id = id;
    const started = process.hrtime.bigint();
    // Read now: mounted routers rewrite the URL on the way.
    const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
    // Written once: when the response has gone out or the connection closed before it ('close'
    // follows both), or when the response failed.
    let written = false;
    const done = (err?: unknown) => {
      if (written) return;
      written = true;
      res.removeListener('close', done);
      res.removeListener('error', done);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      observe?.(req.method, path, res.statusCode, seconds);
      const fields = { requestId: id, ...line(id, req.method, path, res.statusCode, Math.round(seconds * 1000)) };
      if (err || res.statusCode >= 500) {
        log.error({ ...fields, err: err ?? new Error(`failed with status code ${res.statusCode}`) }, 'request failed');
      } else {
        log.info(fields, 'request');
      }
    };
    res.on('close', done);
    res.on('error', done);
    next();
  };

  function line(id: string, method: string, path: string, status: number, ms: number) {
    const graphql = facts.get(id);
    facts.delete(id);
    return {
      method,
      path,
      status,
      ms,
      ...(graphql ? { operation: graphql.operation ?? null, cacheHit: graphql.cacheHit ?? false } : {}),
    };
  }

  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, operation, operationName, metrics }) {
          const id = request.http?.headers.get(REQUEST_ID_HEADER);
          if (!id) return;
          facts.set(id, { operation: operationName ?? operation?.name?.value ?? undefined, cacheHit: Boolean(metrics.responseCacheHit) });
          if (response.body.kind === 'single') {
            for (const e of response.body.singleResult.errors ?? []) {
              (e as { extensions?: Record<string, unknown> }).extensions = { ...e.extensions, requestId: id };
            }
          }
        },
      };
    },
  };

  return { middleware, plugin };
}

// One JSON line per request (pino-http): its id, method, path, status, duration, and for GraphQL the
// operation's name and whether the response cache answered. The id goes back in `X-Request-Id`
// and into every GraphQL error's extensions, so a user's report can be found in the log. Headers
// are never logged (no Authorization, no key), nor query strings (GraphQL GET variables).
import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

export const REQUEST_ID_HEADER = 'x-request-id';

/** An incoming id is kept when it is short and plain (a proxy's or client's correlation id). */
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

interface GraphqlFacts {
  operation?: string;
  cacheHit?: boolean;
}

export function createRequestLog(log: Logger) {
  // Filled by the Apollo plugin, read when the request's line is written, keyed by request id.
  const facts = new Map<string, GraphqlFacts>();

  const middleware: RequestHandler = pinoHttp({
    logger: log,
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'ms' },
    genReqId: (req, res) => {
      const incoming = req.headers[REQUEST_ID_HEADER];
      const id = typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : crypto.randomUUID();
      // Apollo sees the request's headers only: the id travels to the plugin as the header.
      req.headers[REQUEST_ID_HEADER] = id;
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (req, res, val: Record<string, unknown>) => line(req, res, val),
    customErrorObject: (req, res, err, val: Record<string, unknown>) => ({ ...line(req, res, val), err }),
  });

  function line(req: { id?: unknown; method?: string; originalUrl?: string; url?: string }, res: { statusCode: number }, val: Record<string, unknown>) {
    const id = String(req.id);
    const graphql = facts.get(id);
    facts.delete(id);
    return {
      method: req.method,
      path: (req.originalUrl ?? req.url ?? '').split('?')[0],
      status: res.statusCode,
      ms: val.ms,
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

// Prometheus metrics at GET /metrics: process defaults, HTTP latency, GraphQL operations and errors.
import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

const digest = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest();

/**
 * GET /metrics for the holder of METRICS_TOKEN only, when it is set: 401 otherwise (with a
 * `WWW-Authenticate` challenge). Unset: open, as a scrape on a private network expects.
 */
export function metricsGuard(token: string | undefined): RequestHandler {
  const expected = token ? digest(token) : undefined;
  return (req, res, next) => {
    if (!expected) {
      next();
      return;
    }
    const sent = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    // Digests compare in constant time and have equal lengths, whatever was sent.
    if (sent && crypto.timingSafeEqual(digest(sent), expected)) {
      next();
      return;
    }
    res
      .status(401)
      .set('WWW-Authenticate', `Bearer realm="metrics"${sent ? ', error="invalid_token"' : ''}`)
      .type('text/plain')
      .send('Metrics need `Authorization: Bearer <METRICS_TOKEN>`\n');
  };
}

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route and status.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const operations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations by type and outcome.',
    labelNames: ['type', 'outcome'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'graphql_errors_total',
    help: 'GraphQL errors by code.',
    labelNames: ['code'],
    registers: [registry],
  });

  // Routes are a closed set, so label cardinality stays bounded. Each combination of labels gets
  // its child metric once (prom-client otherwise hashes a label object on every observation).
  const ROUTES = new Set(['/graphql', '/healthz', '/metrics', '/feeds/releases.atom', '/export/releases.ndjson', '/export/releases.csv']);
  const durations = new Map<string, ReturnType<typeof httpDuration.labels>>();
  const durationOf = (method: string, route: string, status: number) => {
    const key = `${method} ${route} ${status}`;
    let child = durations.get(key);
    if (!child) {
      child = httpDuration.labels({ method, route, status: String(status) });
      durations.set(key, child);
    }
    return child;
  };
  /** The request log's observer (src/http/request-log.ts): one listener per request does both. */
  const observe = (method: string, path: string, status: number, seconds: number) => {
    const route = ROUTES.has(path) ? path : path.startsWith('/playground') ? '/playground' : 'other';
    durationOf(method, route, status).observe(seconds);
  };

  const operationCounts = new Map<string, ReturnType<typeof operations.labels>>();
  const errorCounts = new Map<string, ReturnType<typeof errors.labels>>();
  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, response }) {
          // The errors as sent (after formatError), so the codes are the ones clients see.
          const sent = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const type = operation?.operation ?? 'unknown';
          const outcome = sent.length ? 'error' : 'ok';
          const key = `${type} ${outcome}`;
          let counter = operationCounts.get(key);
          if (!counter) operationCounts.set(key, (counter = operations.labels({ type, outcome })));
          counter.inc();
          for (const e of sent) {
            const code = String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
            let c = errorCounts.get(code);
            // Codes are a closed set in practice; beyond 100 distinct ones, no child is kept.
            if (!c) {
              c = errors.labels({ code });
              if (errorCounts.size < 100) errorCounts.set(code, c);
            }
            c.inc();
          }
        },
      };
    },
  };

  const endpoint: RequestHandler = async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  };

  return { registry, observe, plugin, endpoint };
}

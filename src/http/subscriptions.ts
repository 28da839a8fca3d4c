// GraphQL subscriptions over WebSocket (the graphql-ws protocol) on the HTTP server's port, at
// /graphql like queries. Only subscriptions travel this way: queries and mutations keep the HTTP
// path with its cache, logs and limits.
//
// Limits, so that live clients cannot take the service down:
// - connections per client address (beyond: HTTP 429 at the upgrade);
// - subscriptions per connection (beyond: an error for that subscription);
// - a ping every keep-alive period; a client that does not answer by the next one is dropped;
// - a client that does not read: events wait in a bounded queue per subscription, and the socket's
//   unsent bytes are bounded; past either bound the client is dropped, not buffered without end.
import type http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
// graphql-ws names this entry point in package.json "exports" only, which TypeScript's classic
// resolution does not read: tsconfig.json's `paths` points at its types (Node and Jest read exports).
import { useServer } from 'graphql-ws/use/ws';
import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { Logger } from 'pino';
import { Gauge, type Registry } from 'prom-client';
import type { Context, LiveUpdates } from '../graphql/context';
import type { ReleaseEventFeed } from '../db/release-events';
import { variablesProblem } from '../graphql/input-guard';

export interface SubscriptionLimits {
  maxConnectionsPerClient: number;
  maxPerConnection: number;
  keepAliveMs: number;
  /** Announced events that may wait for one subscription's client. */
  maxQueued: number;
  /** Bytes the socket may hold unsent for a client. */
  maxBufferedBytes: number;
}

export interface SubscriptionServerOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  path: string;
  events: ReleaseEventFeed;
  limits: SubscriptionLimits;
  /** The HTTP path's validation rules (depth, aliases, cost), subscriptions allowed. */
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  /** A context for a subscription; `authorization` from the connection parameters. */
  createContext(authorization: string | undefined): Promise<Context>;
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  log: Logger;
  registry?: Registry;
}

type Extra = {
  socket: WebSocket;
  request: http.IncomingMessage;
};

/** The key a client sends in the connection parameters: `authorization` ("Bearer <key>"), any case. */
function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  for (const [k, v] of Object.entries(params ?? {})) {
    if (k.toLowerCase() === 'authorization' && typeof v === 'string') return v;
  }
  return undefined;
}

const requestError = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_REQUEST' } });

export function attachSubscriptions(o: SubscriptionServerOptions): { dispose(): Promise<void> } {
  const { limits, log } = o;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const registers = o.registry ? [o.registry] : [];
  new Gauge({
    name: 'graphql_subscription_connections',
    help: 'WebSocket connections open for subscriptions.',
    registers,
    collect() {
      this.set(wss.clients.size);
    },
  });
  new Gauge({
    name: 'graphql_subscriptions_active',
    help: 'Subscriptions listening for release events.',
    registers,
    collect() {
      this.set(o.events.subscribers);
    },
  });
  const openByAddress = new Map<string, number>();

  const onUpgrade = (req: http.IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== o.path) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const address = req.socket.remoteAddress ?? 'unknown';
    const open = openByAddress.get(address) ?? 0;
    if (open >= limits.maxConnectionsPerClient) {
      log.info({ address, open }, 'subscriptions: connection refused, too many from this address');
      socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    // Counted from the upgrade to the socket's end, whether or not the handshake succeeds.
    openByAddress.set(address, open + 1);
    socket.once('close', () => {
      const left = (openByAddress.get(address) ?? 1) - 1;
      if (left > 0) openByAddress.set(address, left);
      else openByAddress.delete(address);
    });
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  o.httpServer.on('upgrade', onUpgrade);

  const format = (errors: readonly GraphQLError[]) => errors.map((e) => o.formatError(e.toJSON(), e));

  const drop = (socket: WebSocket, why: string) => {
    if (socket.readyState === socket.CLOSED) return;
    log.info({ why }, 'subscriptions: client dropped');
    // Its unsent data would hold a close frame back: cut the connection.
    socket.terminate();
  };

  const server = useServer<Record<string, unknown> | undefined, Extra>(
    {
      // A key that is given must be valid (an editor's subscription to drafts); none: anonymous.
      onConnect: async (ctx) => {
        const authorization = authorizationOf(ctx.connectionParams);
        if (!authorization) return true;
        const context = await o.createContext(authorization);
        return !context.badCredentials;
      },
      onSubscribe: async (ctx, _id, payload) => {
        if (Object.keys(ctx.subscriptions).length > limits.maxPerConnection) {
          return [requestError(`At most ${limits.maxPerConnection} subscriptions per connection: complete one, or open another connection`)];
        }
        const variablesIssue = variablesProblem(payload.variables ?? {});
        if (variablesIssue) return [new GraphQLError(variablesIssue, { extensions: { code: 'BAD_USER_INPUT' } })];
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: o.maxTokens });
        } catch (e) {
          const error = e instanceof GraphQLError ? e : new GraphQLError(String(e));
          return [new GraphQLError(error.message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        const operation = getOperationAST(document, payload.operationName);
        if (operation && operation.operation !== 'subscription') {
          return [requestError('Only subscriptions are served over WebSocket: send queries and mutations over HTTP to /graphql')];
        }
        const invalid = validate(o.schema, document, [...specifiedRules, ...o.validationRules]);
        if (invalid.length) {
          return invalid.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...e.extensions } }));
        }
        const contextValue = await o.createContext(authorizationOf(ctx.connectionParams));
        const socket = ctx.extra.socket;
        const live: LiveUpdates = {
          events: o.events,
          maxQueued: limits.maxQueued,
          dropSlowClient: () => drop(socket, 'too many events waiting for it'),
          log,
        };
        return {
          schema: o.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: { ...contextValue, live },
        };
      },
      onNext: (ctx, _id, _payload, _args, result) => {
        if (ctx.extra.socket.bufferedAmount > limits.maxBufferedBytes) {
          drop(ctx.extra.socket, 'too many bytes unread');
        }
        if (result.errors?.length) return { ...result, errors: format(result.errors) };
        return undefined;
      },
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wss,
    limits.keepAliveMs,
  );

  return {
    async dispose() {
      o.httpServer.off('upgrade', onUpgrade);
      await server.dispose();
    },
  };
}

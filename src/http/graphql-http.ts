// GraphQL over HTTP details Apollo leaves to the service (docs/api.md, "GraphQL over HTTP").
//
// - Status codes follow the media type the client accepts: a client that asks for
//   `application/graphql-response+json` (or accepts anything) gets 4xx for a request that cannot be
//   executed (a syntax error, a validation error, variables of the wrong type); a client that names
//   only `application/json`, the legacy type, gets 200 with the same errors, as the spec asks.
// - No CSRF preflight header is needed: the service has no cookies or other ambient credentials. A
//   key travels in `Authorization`, which no browser adds by itself and which makes a cross-origin
//   request preflighted (CORS decides). A request without a key can do only what any anonymous client
//   can: read public data (GET runs queries only; mutations need POST and a key). What stays
//   refused is a POST body a browser form could send (`text/plain`, form encoding): 415.
import { parse as parseUrl } from 'node:url';
import type { Request, RequestHandler, Response } from 'express';
import { HeaderMap, type ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import Negotiator from 'negotiator';
import { PLAIN_JSON } from './json-body';
import { asExpress, sendString } from './direct-route';

const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/** The client named `application/json` and prefers it to `application/graphql-response+json`. */
export function acceptsLegacyJsonOnly(accept: string | undefined | null): boolean {
  if (!accept || !/application\/json/i.test(accept)) return false;
  return new Negotiator({ headers: { accept } }).mediaType([GRAPHQL_RESPONSE, JSON_TYPE]) === JSON_TYPE;
}

/** Apollo's media types for a single result, in the order it offers them (its MEDIA_TYPES). */
const SINGLE_RESULT_TYPES = [
  'application/json; charset=utf-8',
  'application/graphql-response+json; charset=utf-8',
  'application/json; callbackSpec=1.0; charset=utf-8',
];
const MAX_ACCEPT_HEADERS = 256;
/** Longer headers (a browser sends under 200 characters) are decided each time, not remembered: each memo holds about 256 KB at most. */
const MAX_REMEMBERED_ACCEPT_CHARS = 1024;

/**
 * Negotiator's choice among `types` for a (non-empty) Accept header, remembered per distinct header
 * (null: none of them is acceptable): clients send one or two headers each.
 */
function negotiatedOnce(types: string[]): (accept: string) => string | null {
  const chosen = new Map<string, string | null>();
  return (accept) => {
    let type = chosen.get(accept);
    if (type === undefined) {
      type = new Negotiator({ headers: { accept } }).mediaType(types) ?? null;
      if (accept.length <= MAX_REMEMBERED_ACCEPT_CHARS) {
        if (chosen.size >= MAX_ACCEPT_HEADERS) chosen.clear();
        chosen.set(accept, type);
      }
    }
    return type;
  };
}

const singleResultType = negotiatedOnce(SINGLE_RESULT_TYPES);

/**
 * The `Content-Type` Apollo gives a single result for this `Accept` (its
 * chooseContentTypeForSingleResultResponse), decided once per distinct header: Apollo builds a
 * Negotiator and parses the header for every response, 3% of a flat page's CPU in a profile
 * (docs/performance.md, sixteenth round of issue 9). Null: none Apollo offers (it answers 406).
 */
export function singleResultContentType(accept: string | undefined): string | null {
  return accept ? singleResultType(accept) : SINGLE_RESULT_TYPES[0];
}

/** What a `GET /graphql` may ask for: GraphQL, or a page (the playground). */
const getGraphqlType = negotiatedOnce(['application/json', GRAPHQL_RESPONSE, 'text/html']);

/**
 * The client prefers `text/html` to GraphQL's types (Express's `req.accepts`, which takes the first
 * type when there is no Accept header), decided once per distinct header.
 */
export function prefersPage(accept: string | undefined): boolean {
  return !!accept && getGraphqlType(accept) === 'text/html';
}

/**
 * The media type of a single result set from the memo above (Apollo then skips its own choice),
 * and 200 instead of 400 for request errors answered as `application/json` to a client that asked
 * for it.
 */
export const legacyJsonStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ request, response }) {
        if (response.body.kind !== 'single') return;
        const accept = request.http?.headers.get('accept');
        if (!response.http.headers.has('content-type')) {
          // None acceptable: left to Apollo, which answers 406.
          const type = singleResultContentType(accept);
          if (type !== null) response.http.headers.set('content-type', type);
        }
        if (response.http.status !== 400 || response.body.singleResult.data !== undefined) return;
        if (acceptsLegacyJsonOnly(accept)) response.http.status = 200;
      },
    };
  },
};

/** POST bodies must be JSON: anything a browser could send without a preflight is refused (415). */
export const jsonPostsOnly: RequestHandler = (req, res, next) => {
  const type = req.headers['content-type'];
  // The common header read by one expression; anything else by type-is, as Express reads it.
  if (req.method !== 'POST' || (type !== undefined && PLAIN_JSON.test(type))) {
    next();
    return;
  }
  asExpress(req, res);
  if (req.is('application/json')) {
    next();
    return;
  }
  res.status(415).json({
    errors: [
      {
        message: 'A POST to /graphql needs a JSON body (`Content-Type: application/json`)',
        extensions: { code: 'BAD_REQUEST', requestId: res.getHeader('x-request-id') },
      },
    ],
  });
};

/**
 * Apollo Server behind Express, as `@as-integrations/express5` does it (the request's headers,
 * query string and parsed body in; status, headers and body out), but a POST's answer is written
 * with `res.end` instead of Express's `res.send`, which hashed every body for an ETag (no client
 * can use one on a POST: Express answers 304 to GET and HEAD only) and parsed the content type
 * again: 3 to 4% of a computed page's CPU. GET answers get what `res.send` gives (ETag, 304) from
 * `sendString` (src/http/direct-route.ts).
 */
export function graphqlMiddleware<C extends BaseContext>(
  server: ApolloServer<C>,
  context: (args: { req: Request; res: Response }) => Promise<C>,
): RequestHandler {
  server.assertStarted('graphqlMiddleware()');
  return async (req, res, next) => {
    try {
      if (!('body' in req)) {
        asExpress(req, res);
        res.status(500).send('`req.body` is not set: the JSON body parser must run before GraphQL');
        return;
      }
      const headers = new HeaderMap();
      for (const key in req.headers) {
        const value = req.headers[key];
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const answer = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: req.method.toUpperCase(),
          headers,
          search: req.method === 'POST' ? '' : (parseUrl(req.url).search ?? ''),
          body: req.body,
        },
        context: () => context({ req, res }),
      });
      for (const [key, value] of answer.headers) res.setHeader(key, value);
      res.statusCode = answer.status || 200;
      if (answer.body.kind === 'complete') {
        if (req.method === 'POST' && res.hasHeader('content-type')) {
          res.setHeader('content-length', Buffer.byteLength(answer.body.string));
          res.end(answer.body.string);
        } else {
          // ETag and 304 for GET, as Express's send gives them (without its prototypes on the direct route).
          sendString(req, res, answer.body.string);
        }
        return;
      }
      for await (const chunk of answer.body.asyncIterator) {
        res.write(chunk);
        if (typeof (res as { flush?: () => void }).flush === 'function') (res as unknown as { flush: () => void }).flush();
      }
      res.end();
    } catch (e) {
      next(e);
    }
  };
}

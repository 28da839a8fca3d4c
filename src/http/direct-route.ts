// `POST /graphql` and `GET /graphql?…` without Express's router and without Express's request and
// response prototypes.
//
// Express hands every request to its router, which matches the path against each of its layers,
// and gives the request and the response its own prototypes (`Object.setPrototypeOf`, in
// `app.handle`). The second cost the most: V8 gives an object whose prototype changes a map of its
// own, and every property read of Node's HTTP code, ours and Apollo's on those objects went through
// slower paths. Measured on the flat page of 10,000 releases (issue 9, sixteenth round): 0.47 ms of
// server CPU per request with the prototypes, 0.38 without, 25% more requests per second.
//
// So the route's handlers get Node's own request and response, and use only Node's API on them
// (headers, status, setHeader, end, events). Where one needs Express's (`req.is`, `res.status`,
// `res.json`, `res.send`, body-parser, the error handler), it calls `asExpress` first, which gives
// the request and the response Express's prototypes as `app.handle` would have: rare paths
// (refusals, errors, bodies of an unusual type) that answer as Express always did.
import type http from 'node:http';
import type express from 'express';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import fresh from 'fresh';
import proxyaddr from 'proxy-addr';

const APP = Symbol('express app');

type Direct = { [APP]?: express.Express };

/** Express's prototypes on `req` and `res`, as `app.handle` gives them (once; a no-op on Express's own). */
export function asExpress(req: Request | http.IncomingMessage, res: Response | http.ServerResponse): void {
  const app = (req as Direct)[APP];
  const withPrototypes = app as unknown as { request: object; response: object } | undefined;
  if (!withPrototypes || Object.getPrototypeOf(req) === withPrototypes.request) return;
  Object.setPrototypeOf(req, withPrototypes.request);
  Object.setPrototypeOf(res, withPrototypes.response);
  const r = res as Response;
  if (!r.locals) r.locals = Object.create(null);
}

/**
 * The client's address as Express's `req.ip` gives it (TRUST_PROXY decides which forwarded address
 * counts), for a request with or without Express's prototypes.
 */
export function clientAddress(app: express.Express, req: http.IncomingMessage): string | undefined {
  return proxyaddr(req, app.get('trust proxy fn') as (addr: string, i: number) => boolean);
}

/**
 * A request handled by `handlers` as Express would handle it on a route that has them (`next`,
 * errors to `onError`), without its router and, until a handler calls `asExpress`, without its
 * prototypes (above).
 */
export function directRoute(app: express.Express, handlers: RequestHandler[], onError: ErrorRequestHandler): http.RequestListener {
  return (rawReq, rawRes) => {
    const req = rawReq as Request & Direct;
    const res = rawRes as Response;
    req[APP] = app;
    (req as { res?: Response }).res = res;
    (res as { req?: Request }).req = req;
    req.originalUrl = req.url;
    if (app.enabled('x-powered-by')) res.setHeader('X-Powered-By', 'Express');
    let i = 0;
    const failed = (err: unknown) => {
      asExpress(req, res);
      onError(err, req, res, () => {
        if (!res.headersSent) res.status(500).end();
      });
    };
    const next = (err?: unknown) => {
      if (err !== undefined && err !== null && err !== 'route' && err !== 'router') return void failed(err);
      const handler = handlers[i++];
      if (!handler) {
        // Every route's handlers answer; a request none answered is Express's 404.
        asExpress(req, res);
        res.status(404).end();
        return;
      }
      try {
        const out = handler(req, res, next) as unknown;
        if (out instanceof Promise) out.catch(next);
      } catch (e) {
        failed(e);
      }
    };
    next();
  };
}

/** `Content-Type` values Express's `res.send` keeps as they are (it sets `charset=utf-8` on a string's type). */
const UTF8_TYPE = /^[\w.+-]+\/[\w.+-]+; charset=utf-8$/;

/**
 * A string answer as Express's `res.send` writes it (Content-Length, a weak ETag by the app's
 * `etag fn`, 304 when the client's copy is fresh, no body for HEAD), on Node's response without
 * Express's prototypes when the request came by `directRoute` and its type already names UTF-8;
 * otherwise by Express's `res.send` itself.
 */
export function sendString(req: Request | http.IncomingMessage, res: Response | http.ServerResponse, body: string): void {
  const app = (req as Direct)[APP];
  const type = res.getHeader('content-type');
  if (!app || typeof type !== 'string' || !UTF8_TYPE.test(type) || res.hasHeader('transfer-encoding')) {
    asExpress(req, res);
    (res as Response).send(body);
    return;
  }
  const chunk = Buffer.from(body, 'utf8');
  res.setHeader('Content-Length', chunk.length);
  const etagFn = app.get('etag fn') as ((body: Buffer) => string | undefined) | undefined;
  if (typeof etagFn === 'function' && !res.hasHeader('etag')) {
    const etag = etagFn(chunk);
    if (etag) res.setHeader('ETag', etag);
  }
  const status = res.statusCode;
  const method = req.method;
  if (
    (method === 'GET' || method === 'HEAD') &&
    ((status >= 200 && status < 300) || status === 304) &&
    fresh(req.headers, { etag: res.getHeader('etag') as string | undefined, 'last-modified': res.getHeader('last-modified') as string | undefined })
  ) {
    res.statusCode = 304;
  }
  if (res.statusCode === 204 || res.statusCode === 304) {
    res.removeHeader('Content-Type');
    res.removeHeader('Content-Length');
    res.end();
  } else if (res.statusCode === 205) {
    res.setHeader('Content-Length', '0');
    res.end();
  } else if (method === 'HEAD') {
    res.end();
  } else {
    res.end(chunk);
  }
}

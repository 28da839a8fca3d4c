// The JSON body of a POST, read the short way when it is the common case, and by Express's own
// parser (`express.json`, body-parser) otherwise.
//
// body-parser reads every body through raw-body and iconv-lite, checks the type with type-is and
// the charset with content-type, whatever the request: about a tenth of the CPU of a small query's
// whole request in a profile (docs/performance.md, twelfth round of issue 9). Most requests are
// the same shape: `Content-Type: application/json` (charset UTF-8 or none), no content encoding,
// a Content-Length within the limit. Those are read here, and the body is parsed with JSON.parse
// when it is an object or an array, as body-parser's strict mode asks. Anything else (another
// type, charset or encoding, no length, a body over the limit, not JSON, not an object or array, a
// size other than announced) goes to body-parser, the bytes already read included, so its answers
// and errors are the ones it always gave.
import { Readable } from 'node:stream';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { asExpress } from './direct-route';

/** `application/json`, with no parameter or only a UTF-8 charset. */
export const PLAIN_JSON = /^application\/json\s*(?:;\s*charset\s*=\s*(?:utf-8|"utf-8")\s*)?$/i;

/** The first character that is not JSON whitespace, as body-parser's strict mode reads it. */
function firstNonWhitespace(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return c;
  }
  return undefined;
}

export function jsonBody(limitBytes: number): RequestHandler {
  const full = express.json({ limit: limitBytes });

  /** Body-parser on the request as it would have seen it, its body the bytes already read. */
  const replay = (body: Buffer, req: Request, res: Response, next: NextFunction) => {
    asExpress(req, res);
    const copy = Object.assign(Readable.from([body]), { headers: req.headers }) as unknown as Request;
    full(copy, res, (err?: unknown) => {
      req.body = (copy as { body?: unknown }).body;
      next(err);
    });
  };

  return (req, res, next) => {
    const headers = req.headers;
    // No body (a GET, mostly): what body-parser gives such a request, without Express's prototypes.
    if (headers['content-length'] === undefined && headers['transfer-encoding'] === undefined) {
      if (!('body' in req)) (req as Request).body = undefined;
      next();
      return;
    }
    const type = headers['content-type'];
    const encoding = headers['content-encoding'];
    const length = Number(headers['content-length']);
    if (
      !type ||
      !PLAIN_JSON.test(type) ||
      (encoding !== undefined && encoding.toLowerCase() !== 'identity') ||
      headers['transfer-encoding'] !== undefined ||
      !(length > 0 && length <= limitBytes) ||
      !req.readable
    ) {
      asExpress(req, res);
      full(req, res, next);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      // More than announced: body-parser says so, from what is here.
      if (size > length) finish();
    };
    const onEnd = () => finish();
    const onClose = () => finish(true);
    const cleanup = () => {
      req.removeListener('data', onData);
      req.removeListener('end', onEnd);
      req.removeListener('close', onClose);
    };
    let done = false;
    function finish(closed = false) {
      if (done) return;
      done = true;
      cleanup();
      if (closed && !req.complete) {
        // The client went away mid-body: as body-parser answers it (no one will read the answer).
        next(Object.assign(new Error('request aborted'), { status: 400, statusCode: 400, expose: true, type: 'request.aborted' }));
        return;
      }
      const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
      if (size === length) {
        const text = body.toString('utf8');
        const first = firstNonWhitespace(text);
        if (first === '{' || first === '[') {
          try {
            req.body = JSON.parse(text);
            next();
            return;
          } catch {
            // Not JSON: body-parser's error, below.
          }
        }
      }
      if (size > length) req.pause();
      replay(body, req, res, next);
    }
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
  };
}

// The short way of reading a JSON body (src/http/json-body.ts) answers as body-parser does: the
// same parsed body, or the same error, for common bodies and odd ones, over real HTTP.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { jsonBody } from '../../src/http/json-body';

const LIMIT = 1024;
let server: http.Server;
let base: string;

beforeAll(async () => {
  const app = express();
  const echo: RequestHandler = (req, res) => {
    res.json({ body: req.body ?? null });
  };
  app.post('/short', jsonBody(LIMIT), echo);
  app.post('/express', express.json({ limit: LIMIT }), echo);
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    res.status(err.status ?? 500).json({ error: { message: String(err.message), status: err.status, type: err.type } });
  };
  app.use(onError);
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** Status and body of one request, sent by hand so that the headers are exactly these. */
function send(path: string, headers: Record<string, string>, body: Buffer | string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = (body: Buffer | string, extra: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...extra },
  body,
});

const cases: Record<string, { headers: Record<string, string>; body: Buffer | string }> = {
  'an object': json('{"query":"{ __typename }","variables":{"a":[1,2,{"b":"é ✓"}]}}'),
  'an array': json('[1,2,3]'),
  'leading whitespace': json(' \n\t{"a":1}'),
  'charset utf-8': json('{"a":1}', { 'content-type': 'application/json; charset=utf-8' }),
  'charset UTF-8 quoted': json('{"a":1}', { 'content-type': 'Application/JSON; charset="UTF-8"' }),
  'a byte-order mark': json(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')])),
  'invalid UTF-8': json(Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')])),
  'truncated JSON': json('{"query": '),
  'a JSON string': json('"a string"'),
  'a number': json('42'),
  'only whitespace': json('   '),
  'an empty body': json(''),
  'over the limit': json(JSON.stringify({ pad: 'x'.repeat(LIMIT) })),
  'latin1 charset': json('{"a":"\xe9"}', { 'content-type': 'application/json; charset=latin1' }),
  'utf-16 charset': json(Buffer.from('{"a":1}', 'utf16le'), { 'content-type': 'application/json; charset=utf-16le' }),
  'gzip': json(zlib.gzipSync('{"a":1}'), { 'content-encoding': 'gzip' }),
  'identity encoding': json('{"a":1}', { 'content-encoding': 'identity' }),
  'a vendor JSON type': json('{"a":1}', { 'content-type': 'application/vnd.api+json' }),
  'text/plain': json('{"a":1}', { 'content-type': 'text/plain' }),
  'chunked, no length': { headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: '{"a":1}' },
};

it('reads every body as express.json does: same status and same parsed body or error', async () => {
  for (const [name, c] of Object.entries(cases)) {
    const [short, long] = [await send('/short', c.headers, c.body), await send('/express', c.headers, c.body)];
    expect([name, short]).toEqual([name, long]);
  }
  // The common case is parsed, not refused.
  const ok = await send('/short', cases['an object'].headers, cases['an object'].body);
  expect(JSON.parse(ok.body).body.variables.a[2].b).toBe('é ✓');
  expect((await send('/short', cases['truncated JSON'].headers, cases['truncated JSON'].body)).status).toBe(400);
});

// The raw-SQL floor of bench/compare.js: bare node:http and pg, one statement per request that
// builds the whole answer with json_agg. No GraphQL, no validation, no logging: what answering
// costs when nothing but the database and the socket is left. POST /<workload> with a JSON body
// `{ "variables": [...] }` (the statement's parameters). Env: DATABASE_URL, PORT.
'use strict';

const http = require('node:http');
const { Pool } = require('pg');
const { WORKLOADS } = require('./workloads');
const { SEARCHES, facetStatement } = require('./searches');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: '-c jit=off' });
pool.on('error', () => undefined);
const byName = new Map([...WORKLOADS, ...SEARCHES].map((w) => [encodeURIComponent(w.name), w]));

const server = http.createServer((req, res) => {
  const workload = byName.get(req.url.slice(1));
  if (req.method !== 'POST' || !workload) {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try {
      const { variables } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const [text, values] = await workload.sql(...(variables ?? []));
      // The JSON comes back as text, written as it is; a search's is read, its highlights cut in
      // Node (bench/searches.js, finishSearch), and written again.
      const { rows } = await pool.query({ text: `SELECT (${text})::text AS data`, values });
      const data = rows[0].data ?? 'null';
      const body = `{"data":${workload.finish ? JSON.stringify(workload.finish(JSON.parse(data))) : data}}`;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
    } catch (e) {
      const body = JSON.stringify({ errors: [{ message: String(e.message) }] });
      res.writeHead(500, { 'content-type': 'application/json' }).end(body);
    }
  });
});
server.keepAliveTimeout = 60_000;
// Topic ids by slug, for the facet statement (our server keeps them too).
pool.query('SELECT id, slug FROM topic').then(({ rows }) => {
  for (const r of rows) facetStatement.topicIds.set(r.slug, r.id);
  server.listen(Number(process.env.PORT ?? 4502), '127.0.0.1', () => console.log('floor ready'));
});

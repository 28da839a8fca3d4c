/**
 * The requests the comparison benchmarks send (bench/compare.js, bench/pgside.js): one workload's HTTP
 * request for each server, and an autocannon run over the workload's rotation values.
 */
'use strict';
const autocannon = require('autocannon');

/** The HTTP request one server gets for one workload and rotation value. */
function requestFor(server, w, value) {
  if (server === 'floor') {
    return { path: `/${encodeURIComponent(w.name)}`, body: JSON.stringify({ variables: value === undefined ? [] : [value] }) };
  }
  const query = server === 'ours' ? w.ours : w.pgl;
  const vars = server === 'ours' ? w.oursVariables : w.pglVariables;
  return { path: '/graphql', body: JSON.stringify({ query, variables: vars && value !== undefined ? vars(value) : {} }) };
}

/** The request headers: JSON, and the response cache bypassed unless `cached`. */
function headers(cached = false) {
  return { 'content-type': 'application/json', accept: 'application/json', ...(cached ? {} : { 'cache-control': 'no-cache' }) };
}

/** Loads `server` (listening on `port`) with workload `w` for `seconds`, cycling through `values`. */
function cannon({ server, port, connections, w, values, seconds, cached = false }) {
  let i = 0;
  const bodies = (values.length ? values : [undefined]).map((v) => requestFor(server, w, v));
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: seconds,
        timeout: 30,
        requests: [{ method: 'POST', headers: headers(cached), setupRequest: (req) => ({ ...req, ...bodies[i++ % bodies.length] }) }],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on('error', reject);
  });
}

module.exports = { requestFor, headers, cannon };

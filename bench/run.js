#!/usr/bin/env node
// Load test of the read API's heavy queries: search, phrase search with a country, facets, partners,
// trends. Plain Node (no build step): `node bench/run.js [--url U] [--json] ...`; see bench/README.md.
//
// Each scenario runs a warm-up, then a measured run, with autocannon. Latency percentiles come from
// every response's own time (autocannon's summary has no p95); a response counts as an error when
// it is not 2xx, when the socket fails or times out, or when its JSON body has an `errors` key.
'use strict';

const { parseArgs } = require('node:util');
const autocannon = require('autocannon');

const USAGE = `usage: node bench/run.js [options]
  --url URL           GraphQL endpoint (default http://127.0.0.1:4000/graphql, or BENCH_URL)
  --connections N     concurrent connections (default 10)
  --warmup S          warm-up seconds per scenario, not measured (default 3)
  --duration S        measured seconds per scenario (default 10)
  --timeout S         a request slower than this counts as an error (default 10)
  --only a,b          run only these scenarios (names as in the table)
  --no-cache          send Cache-Control: no-cache, so the server computes every answer
                      (measures the queries themselves, not the response cache)
  --json              print the results as JSON instead of a table
  --list              list the scenarios and exit`;

const RELEASE_PAGE = `totalCount edges { highlights node { id title publishedAt } }`;
const FACET = `options { value label count } missing`;
const ALL_FACETS = ['topics', 'countries', 'initiatives', 'people', 'meetingKinds', 'issuers', 'months']
  .map((f) => `${f} { ${FACET} }`)
  .join(' ');

// Rotated per request so that no single plan or buffer set flatters the numbers.
const WORDS = ['energy', 'cooperation', 'transport', 'climate', 'education', 'investment', 'tourism', 'healthcare', 'agriculture', 'security', 'trade', 'culture'];
const PHRASES = ['"middle corridor"', '"green energy"', '"political dialogue"', '"climate change"', '"transport corridor"', '"trade turnover"', '"strategic partnership"', '"cultural heritage"', '"mutual support"', '"working visit"'];
const COUNTRIES = ['AZ', 'UZ', 'KZ', 'TR', 'GE', 'TM', 'KG', 'TJ', 'RU', 'CN', 'IR', 'PK', 'IN', 'DE', 'FR', 'IT', 'GB', 'US', 'JP', 'KR'];
const TOPICS = ['energy', 'economy-trade', 'transport-connectivity', 'education', 'investment', 'climate-environment', 'healthcare', 'tourism', 'agriculture', 'culture-humanitarian'];

const SCENARIOS = [
  {
    name: 'search',
    what: 'pressReleases(first: 20, orderBy: RELEVANCE, filter: { search: <word> })',
    query: `query ($q: String!) { pressReleases(first: 20, orderBy: RELEVANCE, filter: { search: $q }) { ${RELEASE_PAGE} } }`,
    variables: (i) => ({ q: WORDS[i % WORDS.length] }),
    target: 50,
  },
  {
    name: 'phrase+country',
    what: 'pressReleases(first: 20, orderBy: RELEVANCE, filter: { search: <"phrase">, countries: ["AZ"] })',
    query: `query ($q: String!) { pressReleases(first: 20, orderBy: RELEVANCE, filter: { search: $q, countries: ["AZ"] }) { ${RELEASE_PAGE} } }`,
    variables: (i) => ({ q: PHRASES[i % PHRASES.length] }),
    target: 50,
  },
  {
    name: 'facets',
    what: 'facets { all seven, default limits }',
    query: `{ facets { ${ALL_FACETS} } }`,
    variables: () => ({}),
    target: 150,
  },
  {
    name: 'facets+topic',
    what: 'facets(filter: { topics: [<slug>] }) { all seven }',
    query: `query ($t: [String!]) { facets(filter: { topics: $t }) { ${ALL_FACETS} } }`,
    variables: (i) => ({ t: [TOPICS[i % TOPICS.length]] }),
    target: 150,
  },
  {
    name: 'drill-down',
    what: 'facets(filter: { topics: [<slug>], countries: [<code>], from, to: <a year> }) { all seven }, a new filter each request',
    query: `query ($t: [String!], $c: [String!], $from: Date, $to: Date) { facets(filter: { topics: $t, countries: $c, from: $from, to: $to }) { ${ALL_FACETS} } }`,
    // 10 topics x 20 countries x 10 years: 2,000 filters, more than a run asks, so the response
    // cache never answers; only facets shared with earlier filters come from the facet memo.
    variables: (i) => {
      const year = 2016 + (Math.floor(i / (TOPICS.length * COUNTRIES.length)) % 10);
      return {
        t: [TOPICS[i % TOPICS.length]],
        c: [COUNTRIES[Math.floor(i / TOPICS.length) % COUNTRIES.length]],
        from: `${year}-01-01`,
        to: `${year}-12-31`,
      };
    },
    target: 150,
  },
  {
    name: 'partners',
    what: 'country(code: "AZ") { partners(first: 10) { ... topTopics } }',
    query: `{ country(code: "AZ") { partners(first: 10) { country { code } meetingCount lastMeeting topTopics { slug } } } }`,
    variables: () => ({}),
    target: null,
  },
  {
    name: 'trend',
    what: 'topic(slug: "energy") { trend(interval: MONTH) }',
    query: `{ topic(slug: "energy") { trend(interval: MONTH) { period count } } }`,
    variables: () => ({}),
    target: null,
  },
];

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** One autocannon run; resolves with its counts and every response time. */
function run(url, scenario, { connections, seconds, timeout, noCache }) {
  // Rotations go on from the warm-up into the measured run, so the measured requests are new ones.
  scenario.sent ??= 0;
  let graphqlErrors = 0;
  let firstError = null;
  const times = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(noCache ? { 'cache-control': 'no-cache' } : {}) },
        requests: [
          {
            setupRequest: (req) => ({
              ...req,
              body: JSON.stringify({ query: scenario.query, variables: scenario.variables(scenario.sent++) }),
            }),
            onResponse: (status, body) => {
              if (status < 200 || status >= 300) return;
              try {
                const json = JSON.parse(body);
                if (json.errors) {
                  graphqlErrors++;
                  firstError ??= json.errors[0]?.message ?? 'errors';
                }
              } catch {
                graphqlErrors++;
                firstError ??= 'response body is not JSON';
              }
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve({ result, times, graphqlErrors, firstError })),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
}

/** The server's response-cache counters (GET /metrics beside the endpoint), or null without them. */
async function cacheCounts(url) {
  try {
    const res = await fetch(new URL('/metrics', url), { signal: AbortSignal.timeout(5000) });
    const text = await res.text();
    const counts = { hit: 0, miss: 0, bypass: 0 };
    let seen = false;
    for (const m of text.matchAll(/^graphql_response_cache_total\{result="(\w+)"\} (\d+)/gm)) {
      counts[m[1]] = Number(m[2]);
      seen = true;
    }
    return seen ? counts : null;
  } catch {
    return null;
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      connections: { type: 'string' },
      warmup: { type: 'string' },
      duration: { type: 'string' },
      timeout: { type: 'string' },
      only: { type: 'string' },
      json: { type: 'boolean' },
      list: { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(USAGE);
  if (values.list) {
    for (const s of SCENARIOS) console.log(`${s.name.padEnd(16)} ${s.what}`);
    return;
  }
  const num = (name, fallback) => {
    const v = values[name] === undefined ? fallback : Number(values[name]);
    if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} must be a number`);
    return v;
  };
  const url = values.url ?? process.env.BENCH_URL ?? 'http://127.0.0.1:4000/graphql';
  const connections = num('connections', 10);
  const warmup = num('warmup', 3);
  const duration = num('duration', 10);
  const timeout = num('timeout', 10);
  const noCache = Boolean(values['no-cache']);
  const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;
  const scenarios = SCENARIOS.filter((s) => !only || only.has(s.name));
  if (!scenarios.length) throw new Error(`--only matched no scenario (see --list)`);

  // Fail fast, with the reason, when the server is not there or a query is refused.
  for (const s of scenarios) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: s.query, variables: s.variables(0) }),
      signal: AbortSignal.timeout(30000),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok || body.errors) throw new Error(`${s.name}: ${res.status} ${JSON.stringify(body.errors ?? body).slice(0, 400)}`);
  }

  const rows = [];
  for (const s of scenarios) {
    if (!values.json) process.stderr.write(`${s.name}: ${warmup} s warm-up, ${duration} s measured…\n`);
    if (warmup > 0) await run(url, s, { connections, seconds: warmup, timeout, noCache });
    const cacheBefore = await cacheCounts(url);
    const { result, times, graphqlErrors, firstError } = await run(url, s, { connections, seconds: duration, timeout, noCache });
    const cacheAfter = await cacheCounts(url);
    const answered = cacheBefore && cacheAfter ? ['hit', 'miss', 'bypass'].reduce((n, k) => n + cacheAfter[k] - cacheBefore[k], 0) : 0;
    const hitShare = answered ? (cacheAfter.hit - cacheBefore.hit) / answered : null;
    times.sort((a, b) => a - b);
    const non2xx = result.non2xx ?? 0;
    const transport = (result.errors ?? 0) + (result.timeouts ?? 0);
    rows.push({
      name: s.name,
      query: s.what,
      requests: result.requests.total,
      rps: Math.round((result.requests.total / result.duration) * 10) / 10,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      max: times[times.length - 1] ?? NaN,
      non2xx,
      graphqlErrors,
      transportErrors: transport,
      errors: non2xx + graphqlErrors + transport,
      cacheHitShare: hitShare,
      firstError,
      targetP95: s.target,
      meetsTarget: s.target == null ? null : percentile(times, 95) < s.target && non2xx + graphqlErrors + transport === 0,
    });
  }

  if (values.json) {
    console.log(JSON.stringify({ url, connections, noCache, warmupSeconds: warmup, durationSeconds: duration, at: new Date().toISOString(), results: rows }, null, 2));
    return;
  }
  const header = ['scenario', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'requests', 'non-2xx', 'gql err', 'net err', 'cache hits', 'p95 target'];
  const fmt = (n) => (Number.isFinite(n) ? String(Math.round(n)) : '-');
  const table = rows.map((r) => [
    r.name,
    r.rps.toFixed(1),
    fmt(r.p50),
    fmt(r.p95),
    fmt(r.p99),
    fmt(r.max),
    String(r.requests),
    String(r.non2xx),
    String(r.graphqlErrors),
    String(r.transportErrors),
    r.cacheHitShare == null ? '-' : `${Math.round(r.cacheHitShare * 100)}%`,
    r.targetP95 == null ? '-' : `< ${r.targetP95} ${r.meetsTarget ? 'ok' : 'MISSED'}`,
  ]);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map((h, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
  for (const r of table) console.log(`| ${r.join(' | ')} |`);
  for (const r of rows) if (r.firstError) console.log(`${r.name}: first GraphQL error: ${r.firstError}`);
}

// Every run is bounded by its duration; this bounds the whole script too.
const guard = setTimeout(() => {
  console.error('bench: gave up after 30 minutes');
  process.exit(2);
}, 30 * 60 * 1000);
guard.unref();

main().catch((e) => {
  console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

// PostGraphile 5 (amber preset) on the bench database, for bench/compare.js. Its own package
// (bench/peer), run on Node 22 from the npm package `node`. Env: DATABASE_URL, PORT.
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { lambda } from 'postgraphile/grafast';
import { wrapPlans } from 'postgraphile/utils';
import { createRequire } from 'node:module';

// The searches' highlights are cut in Node from what the function returns, with our module, as
// the floor does (bench/searches.js, finishSearch): a plan wrapped around the function's field.
const { finishSearch } = createRequire(import.meta.url)('../searches.js');
const SearchHighlights = wrapPlans({ Query: { benchPeerSearchReleases: (plan) => lambda(plan(), finishSearch) } }, { disableResolverEmulationWarnings: true });

const connectionString = process.env.DATABASE_URL;
const port = Number(process.env.PORT ?? 4501);
// The same pool as the other servers: 10 connections, no JIT.
const pool = new pg.Pool({ connectionString, max: 10, options: '-c jit=off' });
pool.on('error', () => undefined);

const preset = {
  extends: [PostGraphileAmberPreset],
  plugins: [SearchHighlights],
  pgServices: [makePgService({ pool, schemas: ['public', 'bench_peer'] })],
  grafserv: { port, graphqlPath: '/graphql', watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (e) => {
  console.error(e);
  process.exit(1);
});
await serv.addTo(server);
server.listen(port, '127.0.0.1', () => console.log(`postgraphile ready on ${port}`));

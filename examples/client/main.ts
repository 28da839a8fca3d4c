// A typed client of the archive: plain `fetch` and the types GraphQL Code Generator writes from
// schema.graphql and ./operations (`npm run codegen`). A schema change that breaks an operation
// breaks this file's compilation (a test runs tsc on it).
//
//   npx tsc -p examples/client && node examples/client/dist/main.js [topic-slug]
//   GRAPHQL_URL=https://archive.example.org/graphql node examples/client/dist/main.js energy
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  LatestReleasesQuery,
  LatestReleasesQueryVariables,
  ReleaseDetailQuery,
  ReleaseDetailQueryVariables,
} from './generated/graphql';

const GRAPHQL_URL = process.env.GRAPHQL_URL ?? 'http://localhost:4000/graphql';

/** Each named operation of ./operations/releases.graphql, by name. */
function operations(): Map<string, string> {
  const text = readFileSync(join(__dirname, '..', 'operations', 'releases.graphql'), 'utf8');
  const byName = new Map<string, string>();
  for (const block of text.split(/\n(?=query |mutation )/)) {
    const name = /^(?:query|mutation) (\w+)/.exec(block)?.[1];
    if (name) byName.set(name, block);
  }
  return byName;
}

class GraphQLRequestError extends Error {
  constructor(readonly errors: { message: string; extensions?: { code?: string } }[]) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
  }
}

/** One operation over HTTP, typed by its generated result and variables types. */
async function request<TData, TVariables>(name: string, variables: TVariables, key?: string): Promise<TData> {
  const query = operations().get(name);
  if (!query) throw new Error(`no operation ${name} in operations/releases.graphql`);
  const res = await fetch(GRAPHQL_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, operationName: name, variables }),
  });
  const body = (await res.json()) as { data?: TData; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new GraphQLRequestError(body.errors);
  if (!body.data) throw new Error(`HTTP ${res.status} without data`);
  return body.data;
}

async function main() {
  const topic = process.argv[2];
  const latest = await request<LatestReleasesQuery, LatestReleasesQueryVariables>('LatestReleases', {
    first: 3,
    filter: topic ? { topics: [topic] } : undefined,
  });
  console.log(`${latest.pressReleases.totalCount} releases${topic ? ` about ${topic}` : ''}; the latest:`);
  for (const { node } of latest.pressReleases.edges) {
    const where = node.dateline ? `${node.dateline.place}${node.dateline.country ? `, ${node.dateline.country.name}` : ''}` : 'no dateline';
    console.log(`- ${node.publishedAt.slice(0, 10)} ${node.title} (${where})`);
  }
  const first = latest.pressReleases.edges[0]?.node;
  if (!first) return;
  const detail = await request<ReleaseDetailQuery, ReleaseDetailQueryVariables>('ReleaseDetail', { slug: first.slug });
  for (const meeting of detail.pressRelease?.meetings ?? []) {
    const who = meeting.participants.map((p) => `${p.person.name} (${p.roleKind}${p.country ? `, ${p.country.code}` : ''})`);
    console.log(`  ${meeting.kind} on ${meeting.date}: ${who.join(', ')}`);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

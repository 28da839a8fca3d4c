// GraphiQL served from this service's own node_modules: the playground works with no internet.
import path from 'node:path';
import express, { type Router } from 'express';
import { projectRoot } from '../paths';
import { guideExamples } from './api-guide';

const asset = (pkg: string, file: string) => path.join(projectRoot(), 'node_modules', pkg, file);

const ASSETS: Record<string, string> = {
  'react.js': asset('react', 'umd/react.production.min.js'),
  'react-dom.js': asset('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.js': asset('graphiql', 'graphiql.min.js'),
  'graphiql.css': asset('graphiql', 'graphiql.min.css'),
};

const WELCOME = `# Welcome to the press-release archive.
# Ctrl-Space completes, Ctrl-Enter runs. The Docs panel (top left) describes every type.
# The other tabs are the API guide's examples (docs/api.md).
#
# Reading needs no key. Editors writing releases put their key in Headers (below):
#   { "Authorization": "Bearer prk_..." }
query Welcome {
  pressReleases(first: 5) {
    totalCount
    edges {
      node {
        title
        publishedAt
        dateline { place country { name } }
        meetings { kind participants { person { name } role side } }
        topics { slug }
        initiatives { name acronym }
      }
    }
  }
}
`;

/** Opened in the headers editor: where an editor's key goes (empty, a read needs none). */
const HEADERS_HINT = `{
  "Authorization": ""
}`;

/**
 * "The latest releases, with where…" -> "LatestReleases": GraphiQL titles a tab by its operation's
 * name, and the guide's queries are anonymous.
 */
function operationName(title: string): string {
  const words = title.split(/[,:(]/)[0].split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (words.length > 1 && /^(the|a|an)$/i.test(words[0])) words.shift();
  return words
    .slice(0, 4)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

interface Tab {
  query: string;
}

/** The welcome tab, then one tab per example of the API guide (read once, at the first page served). */
let tabs: Tab[] | undefined;
export function playgroundTabs(): Tab[] {
  if (tabs) return tabs;
  let examples: { title: string; query: string }[] = [];
  let welcome = WELCOME;
  try {
    examples = guideExamples();
  } catch {
    // A deployment without docs/ still gets a working playground, and says what it misses.
    welcome = `# (docs/api.md could not be read: the API guide's examples are missing.)\n${WELCOME}`;
  }
  tabs = [
    { query: welcome },
    ...examples.map(({ title, query }) => ({
      query: `# ${title}\n${/^\s*\{/.test(query) ? `query ${operationName(title)} ${query.trimStart()}` : query}`,
    })),
  ];
  return tabs;
}

/** JSON inside a <script>: `<` escaped so that no text can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function playgroundHtml(endpoint: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Press releases · GraphiQL</title>
<link rel="stylesheet" href="/playground/graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/playground/react.js"></script>
<script src="/playground/react-dom.js"></script>
<script src="/playground/graphiql.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: ${scriptJson(endpoint)} });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultTabs: ${scriptJson(playgroundTabs())},
      defaultHeaders: ${scriptJson(HEADERS_HINT)},
      defaultEditorToolsVisibility: 'headers',
    }),
  );
</script>
</body>
</html>`;
}

export function playgroundAssets(): Router {
  const router = express.Router();
  for (const [name, file] of Object.entries(ASSETS)) {
    router.get(`/${name}`, (_req, res) => res.sendFile(file, { maxAge: '1d' }));
  }
  return router;
}

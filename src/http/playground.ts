// GraphiQL served from this service's own node_modules: the playground works with no internet.
import path from 'node:path';
import express, { type Router } from 'express';
import { projectRoot } from '../paths';

const asset = (pkg: string, file: string) => path.join(projectRoot(), 'node_modules', pkg, file);

const ASSETS: Record<string, string> = {
  'react.js': asset('react', 'umd/react.production.min.js'),
  'react-dom.js': asset('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.js': asset('graphiql', 'graphiql.min.js'),
  'graphiql.css': asset('graphiql', 'graphiql.min.css'),
};

const EXAMPLE = `# Welcome to the press-release archive.
# Ctrl-Space completes, Ctrl-Enter runs. The Docs panel (top left) describes every type.
{
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
  const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(EXAMPLE)}, defaultEditorToolsVisibility: true }),
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

// The reading room (web/, built into web/dist): a page at `/` for people who do not write GraphQL.
// It is a front-end over the public API like any other; the service only hands out its files.
import fs from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';
import { projectRoot } from '../paths';

const readingRoomDist = () => path.join(projectRoot(), 'web', 'dist');

/** The page's own paths (web/src/main.tsx routes them); anything else stays a 404. */
const PAGES = ['/', '/countries', '/release/:slug', '/country/:code'];

// The page needs nothing but this service: the browser refuses anything else, injected or not.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function readingRoom(): Router {
  const dist = readingRoomDist();
  const router = express.Router();
  // File names carry a hash of their content: a new build has new names.
  router.use('/assets', express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }));
  const page: RequestHandler = (_req, res) => {
    const index = path.join(dist, 'index.html');
    if (!fs.existsSync(index)) {
      res.status(503).type('text').send('The reading room is not built: run `npm run web:build` (npm install does it). The API is at /graphql.\n');
      return;
    }
    res.set({ 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' });
    res.sendFile(index);
  };
  router.get(PAGES, page);
  return router;
}

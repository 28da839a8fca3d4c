import fs from 'node:fs';
import path from 'node:path';

let root: string | undefined;

/** The project root (the folder with package.json), whether running from src/ or dist/. */
export function projectRoot(): string {
  if (root) return root;
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = up;
  }
  return (root = dir);
}

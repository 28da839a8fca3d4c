import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

let cachedRoot: string | null = null;

/**
 * The project root, found by walking up from this file: the code runs both from `src/` (ts-jest, tsx)
 * and compiled from `dist/src/`, so a fixed number of `..` would be wrong in one of them.
 */
export function projectRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'data', 'reference'))) {
      cachedRoot = dir;
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`data/reference not found above ${__dirname}`);
    dir = parent;
  }
}

export function referenceFile(name: string): string {
  return path.join(projectRoot(), 'data', 'reference', name);
}

/** Parses one YAML file of data/reference; a missing or malformed file is a deployment error, so it throws. */
export function readReferenceYaml<T>(name: string): T {
  const file = referenceFile(name);
  return parse(fs.readFileSync(file, 'utf8')) as T;
}

export function asStringList(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new Error(`${where}: expected a list of strings`);
  }
  return value as string[];
}

// schema.graphql (written by `npm run codegen`) must match the schema the code builds.
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema as buildFromSdl, lexicographicSortSchema, printSchema } from 'graphql';
import { getSchema } from '../../src/graphql/schema';

it('is up to date (run `npm run codegen` after changing the schema)', async () => {
  const file = fs.readFileSync(path.join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
  const committed = printSchema(lexicographicSortSchema(buildFromSdl(file)));
  const built = printSchema(lexicographicSortSchema(await getSchema()));
  expect(committed).toBe(built);
});

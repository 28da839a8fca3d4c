// The executable schema as a module, for GraphQL Code Generator (codegen.yml) to load.
import 'reflect-metadata';
import { getSchema } from '../graphql/schema';

export const schema = getSchema();
export default schema;

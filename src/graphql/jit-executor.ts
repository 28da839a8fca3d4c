// A lean execution path: queries run as graphql-jit compiled functions, behind Apollo Server (which
// still parses, validates, runs the plugins and formats errors) over the type-graphql schema.
//
// graphql-js walks the document and the schema for every request: for each field it looks up the
// type, collects sub-fields, checks nullability and serialises leaves anew. graphql-jit compiles
// one JavaScript function per query document instead, once, and reruns it (bench/README.md has
// the figures). Apollo Server has no executor option of its own; its gateway interface (made for
// federation) hands the whole execution to a function, and that is the hook used here.
//
// Only queries are compiled. Mutations, and a query whose variables do not coerce, go through
// graphql-js `execute`, so their answers and errors stay exactly as before.
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, getOperationAST, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { installGatewayRequestContext } from './gateway-context';

/** Compiled documents kept (by Apollo's hash of the query text and the operation name). */
const MAX_COMPILED = 1000;

type Compiled = CompiledQuery | ExecutionResult;

/**
 * graphql-jit's errors leave `extensions` undefined when the thrown error has none (a pg error),
 * where graphql-js gives {}; Apollo reads `extensions.code`. Rebuilt as graphql-js builds them.
 */
const asGraphqlJsError = (e: GraphQLError) =>
  e.extensions
    ? e
    : new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, path: e.path, originalError: e.originalError });

export function jitGateway(schema: GraphQLSchema, maxCompiled = MAX_COMPILED): GatewayInterface {
  // Apollo's request context for a gateway made a hidden class per request, which kept every
  // request's objects alive until a full collection (src/graphql/gateway-context.ts).
  installGatewayRequestContext();
  const compiled = new LRUCache<string, Compiled>({ max: maxCompiled });

  const compile = (document: DocumentNode, operationName: string | null | undefined, key: string): Compiled => {
    let c = compiled.get(key);
    if (!c) {
      c = compileQuery(schema, document, operationName ?? undefined);
      compiled.set(key, c);
    }
    return c;
  };

  const executor: GatewayExecutor = async (rc) => {
    const { document, request, context } = rc;
    const operation = rc.operation ?? getOperationAST(document, request.operationName);
    const variables = request.variables ?? {};
    const viaGraphqlJs = () =>
      execute({ schema, document, contextValue: context, variableValues: variables, operationName: request.operationName }) as Promise<ExecutionResult>;
    if (operation?.operation !== 'query') return viaGraphqlJs();
    // graphql-js's own coercion decides which variables are bad, with its messages (Apollo turns
    // them into BAD_USER_INPUT); only coercible requests run compiled.
    if (operation.variableDefinitions?.length) {
      const coerced = getVariableValues(schema, operation.variableDefinitions, variables);
      if (coerced.errors) return viaGraphqlJs();
    }
    const c = compile(document, request.operationName, `${rc.queryHash}:${request.operationName ?? ''}`);
    if (!isCompiledQuery(c)) return viaGraphqlJs();
    const result = (await c.query(undefined, context, variables)) as ExecutionResult;
    return result.errors ? { ...result, errors: result.errors.map(asGraphqlJsError) } : result;
  };

  let listener: ((s: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void) | undefined;
  return {
    onSchemaLoadOrUpdate(callback) {
      listener = callback;
      return () => {
        listener = undefined;
      };
    },
    async load() {
      listener?.({ apiSchema: schema, coreSupergraphSdl: '' });
      return { executor };
    },
    async stop() {
      compiled.clear();
    },
  };
}

// Variables are checked before anything reads them: strings must be well-formed Unicode (a lone
// surrogate cannot be encoded for Postgres, and Prisma failed on it as an internal error), and
// nesting stays shallow (variables nested 5,000 deep overflowed the stack of the code that hashes
// them for the response cache). The document's own literals are checked by the GraphQL parser.
import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { wellFormed } from '../domain/text';

export const MAX_VARIABLE_DEPTH = 32;

/** The first problem in a JSON value, walked without recursion; null when there is none. */
export function variablesProblem(value: unknown): string | null {
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 0, path: 'variables' }];
  while (stack.length) {
    const { v, depth, path } = stack.pop()!;
    if (depth > MAX_VARIABLE_DEPTH) return `${path} is nested more than ${MAX_VARIABLE_DEPTH} levels deep`;
    if (typeof v === 'string') {
      if (!wellFormed(v)) return `${path} is not well-formed Unicode (a lone surrogate)`;
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => stack.push({ v: x, depth: depth + 1, path: `${path}.${i}` }));
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (!wellFormed(k)) return `${path} has a key that is not well-formed Unicode`;
        stack.push({ v: x, depth: depth + 1, path: `${path}.${k}` });
      }
    }
  }
  return null;
}

export const inputGuardPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request }) {
        const problem = variablesProblem(request.variables ?? {});
        if (problem) {
          throw new GraphQLError(problem, {
            extensions: { code: 'BAD_USER_INPUT', field: problem.split(' ')[0], http: { status: 400, headers: new HeaderMap() } },
          });
        }
      },
    };
  },
};

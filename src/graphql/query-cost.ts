// The cost limit with the request's variables, and with the fields that cost database time counted
// (issue 10). graphql-armor's rule (page-size-rule.ts) runs at validation, before variables are
// known: `first: $a` counted as 1, so a query of 13.7 s and 3.6 MB passed. And it counts fields,
// not work: 28 aliased `facets` or 20 `related` were cheap to it.
//
// Once the operation is resolved, this plugin writes the variables' page sizes into the document,
// runs the same armor rule on it, and adds a weight for each field that runs statements of its own
// (facets and each of its counts, `related`, `partners`, `trend`), multiplied by the page sizes
// around it. It also refuses `related` nested more than MAX_RELATED_NESTING deep.
import {
  GraphQLError,
  Kind,
  validate,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import type { Context } from './context';

/** Cost of a field that runs statements of its own, before the page sizes around it multiply it. */
export const FIELD_WEIGHTS: Record<string, number> = {
  facets: 1500,
  related: 300,
  partners: 1000,
  trend: 800,
};
/** Each count asked of `facets` (topics, countries, people, …) adds this. */
export const FACET_WEIGHT = 500;
/**
 * Root lists without page sizes, and about how many items they return: what is asked of each item
 * is multiplied by it (`countries { partners }` is 250 partner computations, not one).
 */
export const ROOT_LIST_SIZES: Record<string, number> = { countries: 250, topics: 50 };
/** `related` inside `related` inside `related`: no deeper. */
export const MAX_RELATED_NESTING = 2;

const refuse = (message: string, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 }, ...extra } });

/** The page size a `first`/`last` argument asks for, reading variables; 1 when there is none. */
function pageSize(field: FieldNode, variables: Record<string, unknown>): number {
  for (const arg of field.arguments ?? []) {
    if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
    const v = arg.value;
    const n = v.kind === Kind.INT ? Number(v.value) : v.kind === Kind.VARIABLE ? Number(variables[v.name.value]) : NaN;
    return Number.isFinite(n) && n > 1 ? n : 1;
  }
  return 1;
}

/** The document with every `first`/`last` given by a variable written in as a literal. */
function withPageSizes(document: DocumentNode, variables: Record<string, unknown>): DocumentNode {
  return visit(document, {
    Argument(node) {
      if ((node.name.value !== 'first' && node.name.value !== 'last') || node.value.kind !== Kind.VARIABLE) return undefined;
      const n = Number(variables[node.value.name.value]);
      const value: ValueNode = Number.isInteger(n) ? { kind: Kind.INT, value: String(n) } : { kind: Kind.NULL };
      return { ...node, value };
    },
  });
}

/** Weighted work of a selection: fields that run statements, times the page sizes around them. */
function weightOf(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  multiplier: number,
  relatedDepth: number,
  seen: Set<string>,
  root = false,
): number {
  let total = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.INLINE_FRAGMENT) {
      total += weightOf(s.selectionSet, fragments, variables, multiplier, relatedDepth, seen, root);
      continue;
    }
    if (s.kind === Kind.FRAGMENT_SPREAD) {
      const f = fragments.get(s.name.value);
      if (!f || seen.has(f.name.value)) continue; // cycles are refused by validation
      total += weightOf(f.selectionSet, fragments, variables, multiplier, relatedDepth, new Set(seen).add(f.name.value), root);
      continue;
    }
    const name = s.name.value;
    const size = root && ROOT_LIST_SIZES[name] ? ROOT_LIST_SIZES[name] : pageSize(s, variables);
    let depth = relatedDepth;
    if (name === 'related') {
      depth++;
      if (depth > MAX_RELATED_NESTING) throw refuse(`\`related\` may be nested at most ${MAX_RELATED_NESTING} deep`, { field: 'related' });
    }
    const weight = FIELD_WEIGHTS[name] ?? 0;
    // `related(first: n)` computes once per release and returns n: its weight is per release.
    total += weight * multiplier;
    if (name === 'facets' && s.selectionSet) total += s.selectionSet.selections.length * FACET_WEIGHT * multiplier;
    if (s.selectionSet) total += weightOf(s.selectionSet, fragments, variables, multiplier * size, depth, seen);
  }
  return total;
}

/** Armor's cost of a document (fields and objects, multiplied by page sizes). */
function armorCost(schema: Parameters<typeof validate>[0], document: DocumentNode): number {
  let cost = 0;
  validate(schema, document, [
    costLimitRule({
      maxCost: Number.MAX_SAFE_INTEGER,
      propagateOnRejection: false,
      onAccept: [(_context, { n }) => (cost = Math.max(cost, n))],
    }),
  ]);
  return cost;
}

/** What of an operation its cost depends on, worked out once per parsed document. */
interface OperationCost {
  fragments: Map<string, FragmentDefinitionNode>;
  only: DocumentNode;
  /** Variables named by a `first`/`last` argument: the cost depends on their values only. */
  pageVariables: string[];
  /** Cost by the values of `pageVariables` (JSON); a few entries, then no more are kept. */
  costs: Map<string, number>;
}

/** Cost entries kept per operation (distinct page sizes sent with the same query text). */
const MAX_COSTS_PER_OPERATION = 64;

/** The variables named by `first`/`last` arguments anywhere in the operation or its fragments. */
function pageVariablesOf(only: DocumentNode): string[] {
  const names = new Set<string>();
  visit(only, {
    Argument(node) {
      if ((node.name.value === 'first' || node.name.value === 'last') && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  });
  return [...names];
}

export function queryCostPlugin(maxCost: number): ApolloServerPlugin<Context> {
  // Apollo keeps one parsed document per query text (its document store), so the operation node is
  // the same object for every request of that text: what the cost needs is computed once per
  // operation, and the cost once per set of page sizes. A repeated query pays a map lookup, not a
  // validation pass and a walk of the document.
  const byOperation = new WeakMap<OperationDefinitionNode, OperationCost>();
  const prepare = (document: DocumentNode, operation: OperationDefinitionNode): OperationCost => {
    let p = byOperation.get(operation);
    if (!p) {
      const fragments = new Map(
        document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
      );
      const only: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments.values()] };
      p = { fragments, only, pageVariables: pageVariablesOf(only), costs: new Map() };
      byOperation.set(operation, p);
    }
    return p;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const variables = (request.variables ?? {}) as Record<string, unknown>;
          const p = prepare(document, operation as OperationDefinitionNode);
          const key = p.pageVariables.length ? JSON.stringify(p.pageVariables.map((v) => variables[v] ?? null)) : '';
          let cost = p.costs.get(key);
          if (cost === undefined) {
            const base = p.pageVariables.length ? armorCost(schema, withPageSizes(p.only, variables)) : armorCost(schema, p.only);
            // Throws (and so is never kept) for `related` nested too deep.
            cost = Math.round(base + weightOf(operation.selectionSet, p.fragments, variables, 1, 0, new Set(), true));
            if (p.costs.size < MAX_COSTS_PER_OPERATION) p.costs.set(key, cost);
          }
          if (cost > maxCost) {
            throw refuse(`Query Cost limit of ${maxCost} exceeded, found ${cost}. Ask for fewer or smaller pages, fewer facets, related, partners or trends.`, {
              cost,
              maxCost,
            });
          }
        },
      };
    },
  };
}

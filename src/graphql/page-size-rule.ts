// Page sizes written into a query are checked before execution: an oversized `first`/`last` is
// BAD_USER_INPUT naming the argument (the contract), not a generic cost refusal. The cost limit
// (graphql-armor, which multiplies by page sizes) runs only on queries that pass this check.
import { GraphQLError, Kind, visit, type ASTVisitor, type ValidationContext, type ValueNode } from 'graphql';
import { costLimitRule, type CostLimitOptions } from '@escape.tech/graphql-armor-cost-limit';
import { MAX_PAGE_SIZE } from '../read/paging';

function oversizePage(context: ValidationContext): GraphQLError | null {
  let found: GraphQLError | null = null;
  visit(context.getDocument(), {
    Argument(node) {
      if (found || (node.name.value !== 'first' && node.name.value !== 'last')) return;
      const v: ValueNode = node.value;
      if (v.kind !== Kind.INT) return; // variables are checked by the resolvers
      const n = Number(v.value);
      if (n > MAX_PAGE_SIZE || n < 0) {
        found = new GraphQLError(
          n < 0 ? `\`${node.name.value}\` cannot be negative` : `\`${node.name.value}\` is at most ${MAX_PAGE_SIZE} (asked for ${n})`,
          { nodes: [node], extensions: { code: 'BAD_USER_INPUT', field: node.name.value } },
        );
      }
    },
  });
  return found;
}

export function pageSizeThenCostRule(costOptions: CostLimitOptions) {
  // Reported as a validation error of the request (400, BAD_USER_INPUT), not thrown: a rule that
  // throws makes Apollo answer 500.
  const cost = costLimitRule({
    ...costOptions,
    propagateOnRejection: false,
    onReject: [
      (context, error) =>
        context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: 'BAD_USER_INPUT' } })),
    ],
  });
  return (context: ValidationContext): ASTVisitor => {
    const error = oversizePage(context);
    if (error) {
      context.reportError(error);
      return {};
    }
    return cost(context);
  };
}

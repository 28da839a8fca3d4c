// The schema has no subscriptions yet: graphql-js only finds that out at execution time, where it
// surfaced as an internal error. Refused while validating instead, with a code.
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

export function noSubscriptionsRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (node.operation === 'subscription' && !context.getSchema().getSubscriptionType()) {
        context.reportError(
          new GraphQLError('This API has no subscriptions: send a query or a mutation', {
            nodes: [node],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
        );
      }
    },
  };
}

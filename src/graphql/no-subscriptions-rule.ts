// Subscriptions run over WebSocket (graphql-ws, src/http/subscriptions.ts), not over HTTP: graphql-js
// would only find that out at execution time, where it surfaced as an internal error. Refused while
// validating an HTTP request instead, with a code and the way to subscribe.
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

export function noSubscriptionsRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (node.operation === 'subscription') {
        context.reportError(
          new GraphQLError('Subscriptions are served over WebSocket (graphql-ws protocol) at /graphql: send a query or a mutation over HTTP', {
            nodes: [node],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
        );
      }
    },
  };
}

// type-graphql's @Authorized(roles) check: every mutation needs a key, and ADMIN outranks EDITOR.
import type { AuthChecker } from 'type-graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from '../graphql/context';
import { AppError } from '../errors';

const RANK = { EDITOR: 1, ADMIN: 2 } as const;

export const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  if (context.badCredentials) throw new AppError('UNAUTHENTICATED', 'The API key is unknown or revoked');
  if (!context.viewer) throw new AppError('UNAUTHENTICATED', 'This needs an API key: send `Authorization: Bearer <key>`');
  const needed = Math.max(1, ...roles.map((r) => RANK[r as keyof typeof RANK] ?? 1));
  if (RANK[context.viewer.role] < needed) {
    throw new AppError('FORBIDDEN', `This needs the ${roles.join(' or ')} role; the key has ${context.viewer.role}`);
  }
  return true;
};

/**
 * A key that is unknown or revoked is refused on every operation, queries included: answering it as
 * anonymous would hide from its holder that it no longer works (and from a thief that it never
 * did). 401 with a Bearer challenge; no key at all is anonymous reading, as before.
 */
export const refuseBadCredentialsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue }) {
        if (!contextValue.badCredentials) return;
        throw new GraphQLError('The API key is unknown or revoked: send a valid key, or none to read as the public', {
          extensions: {
            code: 'UNAUTHENTICATED',
            http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer error="invalid_token"']]) },
          },
        });
      },
    };
  },
};

// type-graphql's @Authorized(roles) check: every mutation needs a key, and ADMIN outranks EDITOR.
import type { AuthChecker } from 'type-graphql';
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

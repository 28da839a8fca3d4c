import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';
import type { Context } from '../context';
import { DateTime } from '../scalars';
import { ApiKeyRole } from '../enums';
import { createApiKey, listApiKeys, revokeApiKey } from '../../auth/api-keys';
import { badInput } from '../../errors';
import { dbKey } from '../relay';
import type { ApiKey as ApiKeyRow } from '../../generated/prisma/client';

@ObjectType({ description: 'An API key, without its secret (shown once, at creation).' })
export class ApiKey {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => ApiKeyRole)
  role: ApiKeyRole;

  @Field(() => String, { description: 'The first characters of the key, to tell keys apart.' })
  prefix: string;

  @Field(() => DateTime)
  createdAt: Date;

  @Field(() => DateTime, { nullable: true, description: 'Roughly when it was last used (minute precision).' })
  lastUsedAt: Date | null;

  @Field(() => DateTime, { nullable: true })
  revokedAt: Date | null;

  static from(row: ApiKeyRow): ApiKey {
    return Object.assign(new ApiKey(), {
      id: Buffer.from(`ApiKey:${row.id}`).toString('base64'),
      name: row.name,
      role: row.role,
      prefix: row.prefix,
      createdAt: row.createdAt,
      lastUsedAt: row.lastUsedAt,
      revokedAt: row.revokedAt,
    });
  }
}

@ObjectType({ description: 'A new key: `key` is shown this once and never again.' })
export class CreatedApiKey {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <key>`. Store it now: it cannot be shown again.' })
  key: string;

  @Field(() => ApiKey)
  apiKey: ApiKey;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => String, { description: 'Who or what the key is for ("newsroom editor").' })
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @Field(() => ApiKeyRole)
  role: ApiKeyRole;
}

function apiKeyDbId(id: string): number {
  const raw = Buffer.from(id, 'base64').toString('utf8');
  const n = raw.startsWith('ApiKey:') ? dbKey(raw.slice('ApiKey:'.length)) : null;
  if (n === null) throw badInput('id', '`id` is not the id of an API key');
  return n;
}

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Authorized('ADMIN')
  @Query(() => [ApiKey], { description: 'Every API key, newest first (ADMIN).' })
  async apiKeys(@Ctx() ctx: Context): Promise<ApiKey[]> {
    return (await listApiKeys(ctx.db)).map(ApiKey.from);
  }

  @Authorized('ADMIN')
  @Mutation(() => CreatedApiKey, { description: 'Creates a key (ADMIN). The key is in the answer, once.' })
  async createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() ctx: Context): Promise<CreatedApiKey> {
    const { key, row } = await createApiKey(ctx.db, input.name, input.role);
    return Object.assign(new CreatedApiKey(), { key, apiKey: ApiKey.from(row) });
  }

  @Authorized('ADMIN')
  @Mutation(() => ApiKey, { description: 'Revokes a key (ADMIN): it stops working at once. Revoking twice is harmless.' })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApiKey> {
    return ApiKey.from(await revokeApiKey(ctx.db, apiKeyDbId(id)));
  }
}

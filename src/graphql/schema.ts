import 'reflect-metadata';
import path from 'node:path';
import { ArgumentValidationError, buildSchema, getMetadataStorage, type NonEmptyArray, type PubSub, type ValidatorFn } from 'type-graphql';
import { validateOrReject, type ValidationError, type ValidatorOptions } from 'class-validator';
import type { GraphQLSchema } from 'graphql';
import './enums';
import { NodeResolver } from './node.resolver';
import {
  DatelineResolver,
  IssuerResolver,
  PressReleaseResolver,
} from './release/release.resolver';
import { MeetingResolver, ParticipantResolver } from './meeting/meeting.resolver';
import { CountryResolver } from './country/country.resolver';
import { TopicResolver } from './topic/topic.resolver';
import { PersonResolver, PersonRoleResolver } from './person/person.resolver';
import { InitiativeMentionResolver, InitiativeResolver } from './initiative/initiative.resolver';
import { ApiKeyResolver } from './admin/api-key.resolver';
import { PressReleaseMutations } from './release/release.mutations';
import { ReleaseSubscriptions } from './release/release.subscriptions';
import {
  ExtractedDatelineResolver,
  ExtractedParticipantResolver,
  ExtractionResolver,
} from './extraction/extraction.resolver';
import { CurationMutations } from './curation/curation.resolver';
import {
  ArchiveTrendResolver,
  CountryPartnersResolver,
  FacetsResolver,
  InitiativeTrendResolver,
  PartnerResolver,
  RelatedReleasesResolver,
  TopicTrendResolver,
} from './analytics/analytics.resolver';
import { authChecker } from '../auth/auth-checker';

export const resolvers = [
  NodeResolver,
  PressReleaseResolver,
  DatelineResolver,
  IssuerResolver,
  MeetingResolver,
  ParticipantResolver,
  CountryResolver,
  TopicResolver,
  PersonResolver,
  PersonRoleResolver,
  InitiativeResolver,
  InitiativeMentionResolver,
  ApiKeyResolver,
  PressReleaseMutations,
  ReleaseSubscriptions,
  ExtractionResolver,
  ExtractedDatelineResolver,
  ExtractedParticipantResolver,
  CurationMutations,
  FacetsResolver,
  ArchiveTrendResolver,
  TopicTrendResolver,
  InitiativeTrendResolver,
  CountryPartnersResolver,
  PartnerResolver,
  RelatedReleasesResolver,
] as unknown as NonEmptyArray<Function>;

/**
 * type-graphql wants a pub/sub once there is a subscription; ours read the release events of their
 * service instance through their own `subscribe` (release.subscriptions.ts) and never use this one.
 */
const unusedPubSub: PubSub = {
  publish() {
    throw new Error('subscriptions are fed by the release events (src/db/release-events.ts)');
  },
  subscribe() {
    throw new Error('subscriptions are fed by the release events (src/db/release-events.ts)');
  },
};

/**
 * Plain fields (a property of the object, no field resolver, no @Authorized or middleware) are read
 * by GraphQL's default resolver instead of type-graphql's wrapper. The wrapper only reads the same
 * property, but a field with a resolver costs graphql-jit a call, a resolve-info object and a
 * promise check per value, where a field without one compiles to a property read (a page of 50
 * rows has hundreds of them). type-graphql's own switch for this is `simple` (per field) or
 * `simpleResolvers` (per type); this sets it for every field it is right for, so a new type cannot
 * forget it. Fields whose schema name differs from the property keep the wrapper (it reads the
 * property's name, the default resolver the schema's).
 */
function plainFieldsAsPropertyReads() {
  const storage = getMetadataStorage();
  const guarded = [...storage.authorizedFields, ...storage.middlewares];
  for (const field of storage.fields) {
    if (field.simple !== undefined || field.name !== field.schemaName) continue;
    if (guarded.some((g) => g.target === field.target && g.fieldName === field.name)) continue;
    field.simple = true;
  }
}

/** class-validator's settings for arguments, as type-graphql's own `validate` option took them. */
const VALIDATOR_OPTIONS: ValidatorOptions = { forbidUnknownValues: false, skipMissingProperties: true };

/**
 * Arguments are validated as type-graphql validates them (class-validator on each object argument,
 * constraint failures as its ArgumentValidationError), but with class-validator imported once:
 * type-graphql's own pass `require`s it anew for every argument of every request, and resolving that
 * module (four file-system lookups each time) was 1.5 to 2% of a list request's CPU.
 */
export const validateArgument: ValidatorFn = async (value) => {
  if (value === null || typeof value !== 'object') return;
  try {
    if (Array.isArray(value)) {
      await Promise.all(value.filter((v) => v !== null && typeof v === 'object').map((v) => validateOrReject(v, VALIDATOR_OPTIONS)));
    } else {
      await validateOrReject(value, VALIDATOR_OPTIONS);
    }
  } catch (e) {
    throw new ArgumentValidationError(e as ValidationError[]);
  }
};

let cached: Promise<GraphQLSchema> | undefined;

/** The executable schema (built once per process). */
export function getSchema(): Promise<GraphQLSchema> {
  if (!cached) plainFieldsAsPropertyReads();
  cached ??= buildSchema({
    resolvers,
    authChecker,
    pubSub: unusedPubSub,
    validateFn: validateArgument,
    emitSchemaFile: false,
  });
  return cached;
}

export const SCHEMA_FILE = path.join(__dirname, '..', '..', 'schema.graphql');

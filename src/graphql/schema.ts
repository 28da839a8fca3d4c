import 'reflect-metadata';
import path from 'node:path';
import { ArgumentValidationError, buildSchema, getMetadataStorage, type NonEmptyArray, type PubSub, type ValidatorFn } from 'type-graphql';
import { validateOrReject, type ValidationError, type ValidatorOptions } from 'class-validator';
import { GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
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

type ParamKind = 'root' | 'context' | 'info';
interface ParamMeta {
  kind: string;
  index: number;
  propertyName?: string;
  getType?: () => unknown;
}
interface FieldResolverMeta {
  kind: string;
  target: Function;
  methodName: string;
  params?: ParamMeta[];
  roles?: unknown[];
  middlewares?: unknown[];
  getObjectType?: () => Function;
}
interface FieldMeta {
  name: string;
  schemaName: string;
  target: Function;
}

/**
 * Field resolvers that take only the parent object, the context and the resolve info (`@Root()`,
 * `@Ctx()`, `@Info()`) and have no @Authorized or middleware are called directly, with the same
 * arguments and on one instance of their resolver class, as type-graphql's own default container
 * keeps. type-graphql's wrapper did the same per value after building an object, asking its
 * container for the instance, sorting and mapping the parameters' metadata and checking each for
 * a promise: a page of 20 meetings calls three such resolvers for each participant
 * (docs/performance.md, tenth round of issue 9). A parent that is not yet an instance of
 * the resolver's type (type-graphql converts it) still goes through the wrapper.
 */
function directFieldResolvers(schema: GraphQLSchema) {
  const storage = getMetadataStorage() as unknown as {
    fieldResolvers: FieldResolverMeta[];
    objectTypes: { name: string; target: Function; fields?: FieldMeta[]; interfaceClasses?: Function[] }[];
    interfaceTypes: { target: Function; fields?: FieldMeta[] }[];
  };
  const ours = new Set<Function>(resolvers as unknown as Function[]);
  const instances = new Map<Function, Record<string, (...a: unknown[]) => unknown>>();
  const instanceOf = (cls: Function) => {
    let i = instances.get(cls);
    if (!i) instances.set(cls, (i = new (cls as new () => Record<string, (...a: unknown[]) => unknown>)()));
    return i;
  };
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!(type instanceof GraphQLObjectType)) continue;
    const interfaceFields = (objectType.interfaceClasses ?? []).flatMap((c) => storage.interfaceTypes.find((t) => t.target === c)?.fields ?? []);
    const fieldsMeta = [...interfaceFields, ...(objectType.fields ?? [])];
    for (const [name, field] of Object.entries(type.getFields())) {
      const original = field.resolve;
      if (!original) continue;
      const meta = fieldsMeta.filter((f) => f.schemaName === name).pop();
      if (!meta) continue;
      const resolver = storage.fieldResolvers.find(
        (r) => r.kind === 'external' && ours.has(r.target) && r.getObjectType?.() === meta.target && r.methodName === meta.name,
      );
      if (!resolver || resolver.roles || resolver.middlewares?.length) continue;
      const params = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index);
      if (!params.every((p) => ['root', 'context', 'info'].includes(p.kind))) continue;
      // type-graphql converts a parent that is not an instance of the declared type: those go to it.
      const rootTypes = params.filter((p) => p.kind === 'root' && p.getType).map((p) => p.getType!());
      if (rootTypes.some((t) => typeof t !== 'function')) continue;
      const instance = instanceOf(resolver.target);
      const method = instance[resolver.methodName];
      if (typeof method !== 'function') continue;
      const pick = params.map((p): ((root: Record<string, unknown>, ctx: Record<string, unknown>, info: unknown) => unknown) => {
        const kind = p.kind as ParamKind;
        const prop = p.propertyName;
        if (kind === 'info') return (_r, _c, info) => info;
        if (kind === 'context') return prop ? (_r, c) => c[prop] : (_r, c) => c;
        return prop ? (r) => r[prop] : (r) => r;
      });
      const direct: GraphQLFieldResolver<unknown, unknown> = (root, args, ctx, info) => {
        for (const t of rootTypes) if (!(root instanceof (t as Function))) return original(root, args, ctx, info);
        const r = root as Record<string, unknown>;
        const c = ctx as Record<string, unknown>;
        switch (pick.length) {
          case 0:
            return method.call(instance);
          case 1:
            return method.call(instance, pick[0](r, c, info));
          case 2:
            return method.call(instance, pick[0](r, c, info), pick[1](r, c, info));
          default:
            return method.apply(instance, pick.map((f) => f(r, c, info)));
        }
      };
      field.resolve = direct;
    }
  }
}

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
  }).then((schema) => {
    directFieldResolvers(schema);
    return schema;
  });
  return cached;
}

export const SCHEMA_FILE = path.join(__dirname, '..', '..', 'schema.graphql');

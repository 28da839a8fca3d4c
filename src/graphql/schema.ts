import 'reflect-metadata';
import path from 'node:path';
import { ArgumentValidationError, buildSchema, getMetadataStorage, type NonEmptyArray, type PubSub, type ValidatorFn } from 'type-graphql';
import { getMetadataStorage as getValidationStorage, validateOrReject, type ValidationError, type ValidatorOptions } from 'class-validator';
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

interface ParamMeta {
  kind: string;
  index: number;
  name?: string;
  propertyName?: string;
  getType?: () => unknown;
  validateFn?: unknown;
}
interface ResolverMeta {
  kind?: string;
  target: Function;
  methodName: string;
  schemaName?: string;
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

type Args = Record<string, unknown>;
interface ConvertArgs {
  convertArgsToInstance(meta: ParamMeta, args: Args): unknown;
  convertArgToInstance(meta: ParamMeta, args: Args): unknown;
}
/**
 * type-graphql's own conversion of a resolver's arguments into instances of their classes (the
 * module is not in its package's exports, so it is read by path; without it, resolvers that take
 * arguments keep type-graphql's wrapper).
 */
function loadConvertArgs(): ConvertArgs | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const m = require(path.join(path.dirname(require.resolve('type-graphql')), 'resolvers', 'convert-args.js')) as Partial<ConvertArgs>;
    return typeof m.convertArgsToInstance === 'function' && typeof m.convertArgToInstance === 'function' ? (m as ConvertArgs) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether validateArgument does nothing for this argument whatever its value: class-validator
 * checks an object against the rules declared on its class (and the classes it extends; nested
 * objects only through a rule of the parent's), and the inputs of queries declare none.
 */
function validationIsNoOp(p: ParamMeta): boolean {
  if (p.validateFn) return false;
  const type = p.getType?.();
  if (typeof type !== 'function') return true; // a scalar or an enum
  return getValidationStorage().getTargetValidationMetadatas(type, '', false, false).length === 0;
}

type Pick = (root: Record<string, unknown>, args: Args, ctx: Record<string, unknown>, info: unknown) => unknown;

/**
 * Resolvers of ours without @Authorized or middleware whose parameters are the parent object, the
 * context, the resolve info and arguments that validation has nothing to check (no class-validator
 * rule on their classes: every query's) are called directly, on one instance of their resolver
 * class as type-graphql's default container keeps, with their arguments converted by
 * type-graphql's own function. type-graphql's wrapper did the same per call after building an
 * object, asking its container for the instance, sorting and mapping the parameters' metadata,
 * validating each argument in an async function of its own and awaiting them all: a page of 20
 * meetings calls three field resolvers for each participant (docs/performance.md, tenth round of
 * issue 9), and a root query such as `pressReleases` made 14 promises to validate nothing
 * (sixteenth round). A parent that is not yet an instance of the resolver's type (type-graphql
 * converts it) still goes through the wrapper, as do mutations, whose inputs carry rules.
 */
function directResolvers(schema: GraphQLSchema) {
  const storage = getMetadataStorage() as unknown as {
    fieldResolvers: ResolverMeta[];
    queries: ResolverMeta[];
    objectTypes: { name: string; target: Function; fields?: FieldMeta[]; interfaceClasses?: Function[] }[];
    interfaceTypes: { target: Function; fields?: FieldMeta[] }[];
  };
  const convert = loadConvertArgs();
  const ours = new Set<Function>(resolvers as unknown as Function[]);
  const instances = new Map<Function, Record<string, (...a: unknown[]) => unknown>>();
  const instanceOf = (cls: Function) => {
    let i = instances.get(cls);
    if (!i) instances.set(cls, (i = new (cls as new () => Record<string, (...a: unknown[]) => unknown>)()));
    return i;
  };

  /** The direct resolver for `resolver`, or undefined where type-graphql's wrapper must stay. */
  const directFor = (resolver: ResolverMeta, original: GraphQLFieldResolver<unknown, unknown>) => {
    if (!ours.has(resolver.target) || resolver.roles || resolver.middlewares?.length) return undefined;
    const params = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index);
    const plain = params.every((p) => ['root', 'context', 'info'].includes(p.kind) || ((p.kind === 'args' || p.kind === 'arg') && convert && validationIsNoOp(p)));
    if (!plain) return undefined;
    // type-graphql converts a parent that is not an instance of the declared type: those go to it.
    const rootTypes = params.filter((p) => p.kind === 'root' && p.getType).map((p) => p.getType!());
    if (rootTypes.some((t) => typeof t !== 'function')) return undefined;
    const instance = instanceOf(resolver.target);
    const name = resolver.methodName;
    if (typeof instance[name] !== 'function') return undefined;
    const pick = params.map((p): Pick => {
      const prop = p.propertyName;
      switch (p.kind) {
        case 'info':
          return (_r, _a, _c, info) => info;
        case 'context':
          return prop ? (_r, _a, c) => c[prop] : (_r, _a, c) => c;
        case 'args':
          return (_r, a) => convert!.convertArgsToInstance(p, a);
        case 'arg':
          return (_r, a) => convert!.convertArgToInstance(p, a);
        default:
          return prop ? (r) => r[prop] : (r) => r;
      }
    });
    const direct: GraphQLFieldResolver<unknown, unknown> = (root, args, ctx, info) => {
      for (const t of rootTypes) if (!(root instanceof (t as Function))) return original(root, args, ctx, info);
      const r = root as Record<string, unknown>;
      const a = args as Args;
      const c = ctx as Record<string, unknown>;
      // Looked up at each call, as type-graphql does.
      switch (pick.length) {
        case 0:
          return instance[name]();
        case 1:
          return instance[name](pick[0](r, a, c, info));
        case 2:
          return instance[name](pick[0](r, a, c, info), pick[1](r, a, c, info));
        default:
          return instance[name](...pick.map((f) => f(r, a, c, info)));
      }
    };
    return direct;
  };

  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!(type instanceof GraphQLObjectType)) continue;
    const interfaceFields = (objectType.interfaceClasses ?? []).flatMap((c) => storage.interfaceTypes.find((t) => t.target === c)?.fields ?? []);
    const fieldsMeta = [...interfaceFields, ...(objectType.fields ?? [])];
    for (const [name, field] of Object.entries(type.getFields())) {
      if (!field.resolve) continue;
      const meta = fieldsMeta.filter((f) => f.schemaName === name).pop();
      if (!meta) continue;
      const resolver = storage.fieldResolvers.find((r) => r.kind === 'external' && r.getObjectType?.() === meta.target && r.methodName === meta.name);
      const resolve = resolver && directFor(resolver, field.resolve);
      if (resolve) field.resolve = resolve;
    }
  }
  const query = schema.getQueryType();
  if (query) {
    const fields = query.getFields();
    for (const resolver of storage.queries) {
      const field = resolver.schemaName ? fields[resolver.schemaName] : undefined;
      const resolve = field?.resolve && directFor(resolver, field.resolve);
      if (resolve) field.resolve = resolve;
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
    directResolvers(schema);
    return schema;
  });
  return cached;
}

export const SCHEMA_FILE = path.join(__dirname, '..', '..', 'schema.graphql');

// Relay conventions: the Node interface with global ids, PageInfo, and connection/edge factories.
import { ArgsType, Field, ID, Int, InterfaceType, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from '../errors';
import type { Page, PageArgs } from '../read/paging';

export type NodeTypeName =
  | 'PressRelease'
  | 'Meeting'
  | 'Participant'
  | 'Person'
  | 'Country'
  | 'Topic'
  | 'Initiative'
  | 'InitiativeMention';

export const toGlobalId = (type: NodeTypeName, key: number | string) =>
  Buffer.from(`${type}:${key}`).toString('base64');

export function fromGlobalId(id: string, field = 'id'): { type: string; key: string } {
  const raw = Buffer.from(id, 'base64').toString('utf8');
  const i = raw.indexOf(':');
  if (i < 1 || Buffer.from(raw).toString('base64') !== id) {
    throw badInput(field, `\`${field}\` is not an id this API issued`);
  }
  return { type: raw.slice(0, i), key: raw.slice(i + 1) };
}

/** A database key written in an id: a positive integer that fits Postgres's `int` (else null). */
export function dbKey(key: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(key)) return null;
  const n = Number(key);
  return n <= 2_147_483_647 ? n : null;
}

/** The numeric key of a global id of the given type; BAD_USER_INPUT otherwise. */
export function dbIdOf(id: string, type: NodeTypeName, field = 'id'): number {
  const g = fromGlobalId(id, field);
  const n = dbKey(g.key);
  if (g.type !== type || n === null) {
    throw badInput(field, `\`${field}\` is not the id of a ${type}`);
  }
  return n;
}

@InterfaceType({ description: 'An object with a global id: fetch any of them again with `node(id:)`.' })
export abstract class Node {
  @Field(() => ID, { description: 'Global, opaque id.' })
  id: string;
}

@ObjectType({ description: 'Where a page sits in its list (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => Boolean)
  hasPreviousPage: boolean;

  /** The page's edges: its first and last cursors are theirs, written only when asked for. */
  edges: readonly { cursor: string }[] = [];

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge: pass it as `before`.' })
  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge: pass it as `after`.' })
  get endCursor(): string | null {
    return this.edges[this.edges.length - 1]?.cursor ?? null;
  }
}

@ArgsType()
export class ConnectionArgs implements PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size from the start (at most 100; 20 when neither `first` nor `last` is given).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page size from the end (at most 100).' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor before which the page ends.' })
  before?: string | null;
}

export interface EdgeShape<T> {
  cursor: string;
  node: T;
}

export function EdgeType<T extends object>(NodeClass: ClassType<T>) {
  @ObjectType()
  abstract class Edge {
    /** How this edge's cursor is written, when a query asks for it (withLazyCursor). */
    cursorOf?: () => string;
    /** The cursor, once written or when given. */
    cursorValue?: string;

    // An accessor, so an edge is a plain object of fixed shape: the cursor is written only when the
    // field is asked for (most queries never do), and no query pays for a getter per edge.
    @Field(() => String, { description: 'Opaque cursor of this edge.' })
    get cursor(): string {
      return (this.cursorValue ??= this.cursorOf!());
    }
    set cursor(value: string) {
      this.cursorValue = value;
    }

    @Field(() => NodeClass)
    node: T;
  }
  return Edge;
}

export function ConnectionType<T extends object, E extends EdgeShape<T>>(EdgeClass: ClassType<E>) {
  @ObjectType()
  abstract class Connection {
    @Field(() => [EdgeClass])
    edges: E[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    /** Counted only when asked for. */
    count: () => Promise<number>;

    @Field(() => Int, { description: 'How many items the whole list has (all pages), exact.' })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  return Connection;
}

/** `edge` with a `cursor` computed when read (most queries never ask for the cursors of a page). */
export function withLazyCursor<E extends { cursorOf?: () => string; cursor: string }>(edge: E, cursor: () => string): E {
  edge.cursorOf = cursor;
  return edge;
}

/** Builds a connection object from a page of rows. */
export function toConnection<Row, T, E extends EdgeShape<T>, C extends object>(
  ConnClass: ClassType<C>,
  page: Page<Row>,
  edge: (row: Row) => E,
  count: () => Promise<number>,
): C {
  const edges = page.rows.map(edge);
  const conn = new ConnClass() as C & { edges: E[]; pageInfo: PageInfo; count: () => Promise<number> };
  conn.edges = edges;
  const pageInfo = new PageInfo();
  pageInfo.hasNextPage = page.hasNextPage;
  pageInfo.hasPreviousPage = page.hasPreviousPage;
  pageInfo.edges = edges;
  conn.pageInfo = pageInfo;
  conn.count = count;
  return conn;
}

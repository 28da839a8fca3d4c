// What a query selects below a field, so a list can read nested rows in its own statement.
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

function fieldsNamed(sets: readonly SelectionSetNode[], name: string, info: GraphQLResolveInfo): FieldNode[] {
  const out: FieldNode[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === 'Field') {
        if (s.name.value === name) out.push(s);
      } else if (s.kind === 'InlineFragment') {
        visit(s.selectionSet);
      } else {
        const fragment = info.fragments[s.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return out;
}

/** The query selects this path of fields below the resolved one (`['edges', 'node', 'topics']`), through fragments and aliases. */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  let sets = info.fieldNodes.map((f) => f.selectionSet).filter((s): s is SelectionSetNode => !!s);
  for (const name of path) {
    const fields = fieldsNamed(sets, name, info);
    if (!fields.length) return false;
    sets = fields.map((f) => f.selectionSet).filter((s): s is SelectionSetNode => !!s);
  }
  return true;
}

/** The names of the fields the query selects at this path below the resolved one (through fragments and aliases). */
export function fieldNamesAt(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let sets = info.fieldNodes.map((f) => f.selectionSet).filter((s): s is SelectionSetNode => !!s);
  for (const name of path) sets = fieldsNamed(sets, name, info).map((f) => f.selectionSet).filter((s): s is SelectionSetNode => !!s);
  const names = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === 'Field') names.add(s.name.value);
      else if (s.kind === 'InlineFragment') visit(s.selectionSet);
      else {
        const fragment = info.fragments[s.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return names;
}

/**
 * What a resolver works out from its query's selection, once per field of a parsed document: the
 * document (Apollo keeps one per query text) and so its field nodes are the same objects for every
 * request of that text, and a selection depends on nothing else (`@skip`/`@include` aside: they
 * are not looked at, so a skipped field counts as selected).
 */
export function perSelection<T>(compute: (info: GraphQLResolveInfo) => T): (info: GraphQLResolveInfo) => T {
  const memo = new WeakMap<FieldNode, T>();
  return (info) => {
    const key = info.fieldNodes[0];
    // Several nodes for one field (the same field twice in a selection): not worth a key of its own.
    if (info.fieldNodes.length !== 1) return compute(info);
    let value = memo.get(key);
    if (value === undefined) memo.set(key, (value = compute(info)));
    return value;
  };
}

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

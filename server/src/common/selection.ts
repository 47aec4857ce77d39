import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the query asks for a field called `name` anywhere below the field being resolved (fragments included),
 * so that work only some answers need (reading every visit's values, say) is done only for them.
 */
export function asksFor(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  const within = (set: SelectionSetNode | undefined): boolean =>
    set?.selections.some((selection) => {
      if (selection.kind === 'Field') return selection.name.value === name || within(selection.selectionSet);
      if (selection.kind === 'InlineFragment') return within(selection.selectionSet);
      if (seen.has(selection.name.value)) return false;
      seen.add(selection.name.value);
      return within(info.fragments[selection.name.value]?.selectionSet);
    }) ?? false;
  return info.fieldNodes.some((node) => within(node.selectionSet));
}

/** Which columns a lean read fetches: all its type needs, or only those of the fields a lean answer may ask for. */
export type ColumnSet = 'lean' | 'full';

/**
 * `lean` when every field the query selects on the value of the field being resolved (at `path` below it, e.g.
 * `['edges', 'node']` for a connection; fragments included, deeper fields not looked at) is one of `leanFields`,
 * else `full`. A list of 320 values read with 10 columns instead of 17 costs PostgreSQL and the server about
 * a tenth less; a field missing from `leanFields` only makes the read full, never wrong.
 */
export function columnSetFor(info: GraphQLResolveInfo, leanFields: ReadonlySet<string>, path: readonly string[] = []): ColumnSet {
  const seen = new Set<string>();
  const onlyLean = (set: SelectionSetNode | undefined, depth: number): boolean =>
    set?.selections.every((selection) => {
      if (selection.kind === 'InlineFragment') return onlyLean(selection.selectionSet, depth);
      if (selection.kind === 'FragmentSpread') {
        const key = `${selection.name.value}@${depth}`;
        if (seen.has(key)) return true;
        seen.add(key);
        return onlyLean(info.fragments[selection.name.value]?.selectionSet, depth);
      }
      const name = selection.name.value;
      if (depth < path.length) return name !== path[depth] || onlyLean(selection.selectionSet, depth + 1);
      return name === '__typename' || leanFields.has(name);
    }) ?? true;
  return info.fieldNodes.every((node) => onlyLean(node.selectionSet, 0)) ? 'lean' : 'full';
}

import { asksFor } from '@fascia/server/common/selection.js';
import { type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, test } from 'vitest';

/** The resolve info of the query's first root field, as graphql-js hands it to that field's resolver. */
function infoOf(query: string): GraphQLResolveInfo {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const field = operation?.selectionSet.selections[0] as FieldNode;
  return { fieldNodes: [field], fragments } as unknown as GraphQLResolveInfo;
}

describe('asksFor: whether the answer needs a field below the one being resolved', () => {
  test('a field asked for directly, deeper down, or not at all', () => {
    const info = infoOf('{ caseload { edges { node { headline { sessionChanges { pre } } } } } }');
    expect(asksFor(info, 'sessionChanges')).toBe(true);
    expect(asksFor(info, 'pre')).toBe(true);
    expect(asksFor(info, 'trendPoints')).toBe(false);
    // The field being resolved is not "below" itself.
    expect(asksFor(info, 'caseload')).toBe(false);
  });

  test('inside inline and named fragments, and a fragment spread twice is read once', () => {
    const inline = infoOf('{ caseload { edges { node { ... on CaseloadItemNode { headline { sessionChanges { post } } } } } } }');
    expect(asksFor(inline, 'sessionChanges')).toBe(true);
    const named = infoOf(`{ caseload { edges { node { ...Item } } pageInfo { ...Page } } }
      fragment Item on CaseloadItemNode { headline { ...Values } }
      fragment Values on MeasureProgress { sessionChanges { change } }
      fragment Page on PageInfo { hasNextPage }`);
    expect(asksFor(named, 'sessionChanges')).toBe(true);
    expect(asksFor(named, 'hasNextPage')).toBe(true);
    const twice = infoOf(`{ caseload { a: edges { ...E } b: edges { ...E } } }
      fragment E on CaseloadEdge { cursor }`);
    expect(asksFor(twice, 'cursor')).toBe(true);
    expect(asksFor(twice, 'sessionChanges')).toBe(false);
  });

  test('a fragment the document does not define answers false rather than failing', () => {
    expect(asksFor(infoOf('{ caseload { ...Missing } }'), 'sessionChanges')).toBe(false);
  });
});

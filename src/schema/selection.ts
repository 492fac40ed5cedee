import { type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * Whether the query selects `name` directly under the field being resolved, through fragments
 * too. Deliberately generous: a selection under @skip/@include or in a fragment on another type
 * still counts, since answering "yes" wrongly costs only some work, and "no" wrongly a wrong answer.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return selectsFieldIn(info.fieldNodes, info.fragments, name);
}

/** selectsField for given field nodes: the planner (planner.ts) asks it of fields before they resolve. */
export function selectsFieldIn(
  fieldNodes: readonly FieldNode[],
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  name: string,
): boolean {
  const seen = new Set<string>();
  const search = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return search(selection.selectionSet);
      // A fragment spread: each fragment is looked into once, whatever cycles a query has.
      if (seen.has(selection.name.value)) return false;
      seen.add(selection.name.value);
      const fragment: FragmentDefinitionNode | undefined = fragments[selection.name.value];
      return search(fragment?.selectionSet);
    });
  return fieldNodes.some((node) => search(node.selectionSet));
}

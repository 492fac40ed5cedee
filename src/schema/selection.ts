import {
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getDirectiveValues,
  isAbstractType,
  Kind,
  type SelectionSetNode,
} from 'graphql';

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

/** What a look-ahead over a request's selection needs: its schema, fragments and variables. */
export interface Walk {
  schema: GraphQLSchema;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  variables: Readonly<Record<string, unknown>>;
  /**
   * Every selection, whatever @skip/@include say: for what must hold for any variables of the
   * document (a record view, which reads more than asked, never less).
   */
  everySelection?: boolean;
}

/** Whether @skip/@include keep a selection, as execution decides. */
function included(walk: Walk, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (walk.everySelection) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, walk.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, walk.variables)?.if !== false;
}

/** Whether a fragment on `condition` applies to objects of `type`. */
function applies(walk: Walk, condition: string, type: GraphQLObjectType): boolean {
  const conditionType = walk.schema.getType(condition);
  if (conditionType === type) return true;
  return conditionType !== undefined && isAbstractType(conditionType) && walk.schema.isSubType(conditionType, type);
}

/**
 * The fields selected on an object of `type`, by response name, through fragments, as
 * graphql-js's collectFields groups them: the groups are the resolvers' info.fieldNodes.
 */
export function collectFields(
  walk: Walk,
  type: GraphQLObjectType,
  sets: readonly (SelectionSetNode | undefined)[],
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (!included(walk, selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        fields.set(key, [...(fields.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (selection.typeCondition && !applies(walk, selection.typeCondition.name.value, type)) continue;
        visit(selection.selectionSet);
      } else {
        if (visited.has(selection.name.value)) continue;
        visited.add(selection.name.value);
        const fragment = walk.fragments[selection.name.value];
        if (!fragment || !applies(walk, fragment.typeCondition.name.value, type)) continue;
        visit(fragment.selectionSet);
      }
    }
  };
  for (const set of sets) visit(set);
  return fields;
}

import {
  type FieldNode,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
} from 'graphql';
import { type RecordView, recordView } from '../db/record-view.ts';
import { collectFields, type Walk } from './selection.ts';

/**
 * Which stored properties a relation connection's selection reads of its pages' records, so that a
 * planned read can read only those (src/db/record-view.ts). A field says what its resolver reads
 * of its parent's record with `readsStored(…)` in its extensions; a selection with any field that
 * does not say (or that reads relations or other entities through the record) reads records
 * whole. The planner and the connection's resolver compute the view from the same selection, so
 * the page the planner primes is found under the key the resolver asks with.
 *
 * A field's list must name everything its resolver reads of the record: a missing name makes it
 * answer as if the property were absent. test/integration/planned-reads.test.ts compares the
 * answers through views with the loaders' (whole records) for every field that declares one.
 */

const extension = 'storedProperties';
const bySelectionExtension = 'storedPropertiesBySelection';

/** A field's extensions saying it reads only these stored properties of its parent's record. */
export function readsStored(...names: string[]): { [extension]: readonly string[] } {
  return { [extension]: names };
}

/**
 * A field's extensions saying it reads more of its parent's record only when its own selection
 * asks for certain fields: a relation connection reads its parent's `completeness` for `complete`
 * and `completenessSources` only, so a page that selects neither does not read it (on the
 * benchmark's nested read, one property of every entity with a list below it).
 */
export function readsStoredWhenSelected(bySubfield: Readonly<Record<string, readonly string[]>>): {
  [bySelectionExtension]: Readonly<Record<string, readonly string[]>>;
} {
  return { [bySelectionExtension]: bySubfield };
}

/** The stored properties a field says it reads of its parent's record; null when it does not say. */
export function declaredStoredProperties(field: GraphQLField<unknown, unknown> | undefined): readonly string[] | null {
  const names: unknown = field?.extensions[extension];
  return Array.isArray(names) && names.every((name) => typeof name === 'string') ? names : null;
}

const isNameList = (value: unknown): value is readonly string[] => Array.isArray(value) && value.every((name) => typeof name === 'string');

/** What a field reads of its parent's record for the fields its own selection (`fields`) asks for. */
function storedPropertiesForSelection(
  walk: Walk,
  field: GraphQLField<unknown, unknown> | undefined,
  fields: readonly FieldNode[],
): string[] {
  const bySubfield: unknown = field?.extensions[bySelectionExtension];
  const type = getNamedType(field?.type);
  if (typeof bySubfield !== 'object' || bySubfield === null || !isObjectType(type)) return [];
  const read: string[] = [];
  for (const [, subfields] of collectFields(
    walk,
    type,
    fields.map((node) => node.selectionSet),
  )) {
    const names: unknown = Reflect.get(bySubfield, subfields[0]?.name.value ?? '');
    if (isNameList(names)) read.push(...names);
  }
  return read;
}

// The fields of a connection that read no edge's record: the count and completeness come with
// the page or from the parent, page info from the edges' positions (see positioned below).
const connectionFieldsWithoutRecords = new Set(['totalCount', 'pageInfo', 'complete', 'completenessSources', '__typename']);
// An edge's cursor is its position (nameKey and key, in a view of a selection that has cursors).
const edgeFieldsWithoutRecords = new Set(['cursor', '__typename']);

/**
 * The stored properties a selection on a record (an entity's, as under `node` or an edge's
 * `onBehalfOf`, or a path's relationship) reads, when every field it selects declares them;
 * null otherwise.
 */
function propertiesRead(walk: Walk, type: GraphQLOutputType | undefined, fields: readonly FieldNode[]): Set<string> | null {
  const entityType = getNamedType(type);
  let selected: (readonly FieldNode[])[] | null;
  if (isObjectType(entityType)) {
    selected = [
      ...collectFields(
        walk,
        entityType,
        fields.map((field) => field.selectionSet),
      ).values(),
    ];
  } else if (isInterfaceType(entityType)) {
    selected = interfaceFields(fields);
  } else {
    return null;
  }
  if (selected === null) return null;
  const read = new Set<string>();
  for (const nodes of selected) {
    const name = nodes[0]?.name.value ?? '';
    if (name === '__typename') continue;
    const field = entityType.getFields()[name];
    const declared = declaredStoredProperties(field);
    if (declared === null) return null;
    for (const property of [...declared, ...storedPropertiesForSelection(walk, field, nodes)]) read.add(property);
  }
  return read;
}

/**
 * A view counts the fields under @skip and @include whatever the variables: it may read more than
 * is asked, never less, and it is the same for every request with the document. A compiled query
 * hands its resolvers the same field nodes on every request, and recordViewFor keeps one view
 * per field nodes: a view that followed one request's variables would lack what another's ask
 * for, and the planner's page (keyed by its view) would not be the one the resolver asks for.
 */
const viewWalk = (request: Walk): Walk => ({ ...request, everySelection: true });

/**
 * The view a connection's selection (its field nodes) reads its records through; null for whole
 * records. `recordsPosition`: whether the page's cursors come from its records (a relation
 * page's do; a root list's come with each row, as its sort key).
 */
export function recordViewOf(
  request: Walk,
  connectionType: GraphQLOutputType,
  nodes: readonly FieldNode[],
  recordsPosition = true,
): RecordView | null {
  const walk = viewWalk(request);
  const connection = getNamedType(connectionType);
  if (!isObjectType(connection)) return null;
  const edgeType = getNamedType(connection.getFields().edges?.type);
  if (!isObjectType(edgeType)) return null;
  const entity = new Set<string>();
  const relation = new Set<string>();
  let onBehalfOf: 'none' | 'whole' | Set<string> = 'none';
  // Cursors and page info are computed from the page's order (its nameKey and key).
  let positioned = false;
  /** Adds what a selection of the page's entities reads; false when it reads whole records. */
  const readsOfEntity = (type: GraphQLOutputType | undefined, fields: readonly FieldNode[]): boolean => {
    const read = propertiesRead(walk, type, fields);
    for (const property of read ?? []) entity.add(property);
    return read !== null;
  };
  for (const [, fields] of collectFields(
    walk,
    connection,
    nodes.map((node) => node.selectionSet),
  )) {
    const name = fields[0]?.name.value ?? '';
    if (name === 'pageInfo') positioned = true;
    if (connectionFieldsWithoutRecords.has(name)) continue;
    // `nodes` reads what `edges { node }` does.
    if (name === 'nodes') {
      if (!readsOfEntity(connection.getFields().nodes?.type, fields)) return null;
      continue;
    }
    if (name !== 'edges') return null;
    for (const [, edgeFields] of collectFields(
      walk,
      edgeType,
      fields.map((field) => field.selectionSet),
    )) {
      const edgeName = edgeFields[0]?.name.value ?? '';
      if (edgeName === 'cursor') positioned = true;
      if (edgeFieldsWithoutRecords.has(edgeName)) continue;
      const field = edgeType.getFields()[edgeName];
      if (edgeName === 'node') {
        if (!readsOfEntity(field?.type, edgeFields)) return null;
        continue;
      }
      const declared = declaredStoredProperties(field);
      if (declared === null) return null;
      for (const property of declared) relation.add(property);
      // The signatory's organization comes with the page (planned/relation-level): read whole
      // unless what is selected of it declares its properties too.
      if (edgeName === 'onBehalfOf') onBehalfOf = propertiesRead(walk, field?.type, edgeFields) ?? 'whole';
    }
  }
  return recordView(entity, relation, onBehalfOf, recordsPosition && positioned);
}

/**
 * The view a `paths` selection reads its entities and relationships through (Path's `nodes` and
 * `edges`); null for whole records.
 */
export function pathViewOf(request: Walk, pathType: GraphQLOutputType, nodes: readonly FieldNode[]): RecordView | null {
  const walk = viewWalk(request);
  const path = getNamedType(pathType);
  if (!isObjectType(path)) return null;
  const entity = new Set<string>();
  const relation = new Set<string>();
  for (const [, fields] of collectFields(
    walk,
    path,
    nodes.map((node) => node.selectionSet),
  )) {
    const name = fields[0]?.name.value ?? '';
    if (name === '__typename') continue;
    const field = path.getFields()[name];
    const edgeType = getNamedType(field?.type);
    let read: Set<string> | null = null;
    if (name === 'nodes') read = propertiesRead(walk, field?.type, fields);
    else if (name === 'edges' && isObjectType(edgeType)) read = propertiesRead(walk, edgeType, fields);
    if (read === null) return null;
    for (const property of read) (name === 'nodes' ? entity : relation).add(property);
  }
  // Paths are ordered in the statement and have no cursors.
  return recordView(entity, relation, 'none', false);
}

/**
 * The fields selected directly on an interface (slug and name of every Actor), each with its node: the same for
 * every label. Null when a fragment picks fields by label: those read whole records. A field
 * under @skip counts too: a view may read more than is asked, never less.
 */
function interfaceFields(fields: readonly FieldNode[]): FieldNode[][] | null {
  const selected: FieldNode[][] = [];
  for (const field of fields) {
    for (const selection of field.selectionSet?.selections ?? []) {
      if (selection.kind !== Kind.FIELD) return null;
      selected.push([selection]);
    }
  }
  return selected;
}

// The fields of a search hit that read nothing of its entity's record: they come with each row.
const hitFieldsWithoutRecords = new Set(['score', 'allWords', '__typename']);

/**
 * The stored properties a `search` selection reads of its hits' entities (under `node`), sorted;
 * null for whole records: when `matched` or `matchedField` is asked (they read every searched
 * field of the record) or some field under `node` does not declare what it reads.
 */
export function searchViewOf(request: Walk, hitType: GraphQLOutputType, nodes: readonly FieldNode[]): readonly string[] | null {
  const walk = viewWalk(request);
  const hit = getNamedType(hitType);
  if (!isObjectType(hit)) return null;
  const read = new Set<string>();
  for (const [, fields] of collectFields(
    walk,
    hit,
    nodes.map((node) => node.selectionSet),
  )) {
    const name = fields[0]?.name.value ?? '';
    if (hitFieldsWithoutRecords.has(name)) continue;
    if (name !== 'node') return null;
    const properties = propertiesRead(walk, hit.getFields().node?.type, fields);
    if (properties === null) return null;
    for (const property of properties) read.add(property);
  }
  return recordView(read, [], 'none', false)?.entity ?? null;
}

/** The walk over the selection of the field being resolved. */
function walkOf(info: GraphQLResolveInfo): Walk {
  return { schema: info.schema, fragments: info.fragments, variables: info.variableValues };
}

// Execution hands every item of a list the same field-node array (and a compiled query the same
// one on every request): one walk per field. Views do not depend on variables (viewWalk).
function oncePerField<T>(cache: WeakMap<readonly FieldNode[], T>, info: GraphQLResolveInfo, compute: (walk: Walk) => T): T {
  const known = cache.get(info.fieldNodes);
  if (known !== undefined) return known;
  const view = compute(walkOf(info));
  cache.set(info.fieldNodes, view);
  return view;
}

const pathViews = new WeakMap<readonly FieldNode[], RecordView | null>();

/** The view the `paths` field being resolved reads through (see pathViewOf). */
export function pathViewFor(info: GraphQLResolveInfo): RecordView | null {
  return oncePerField(pathViews, info, (walk) => pathViewOf(walk, info.returnType, info.fieldNodes));
}

const rowViews = new WeakMap<readonly FieldNode[], readonly string[] | null>();

/** The properties the root list being resolved reads of its rows, sorted (see recordViewOf); null for whole records. */
export function rowViewFor(info: GraphQLResolveInfo): readonly string[] | null {
  return oncePerField(rowViews, info, (walk) => recordViewOf(walk, info.returnType, info.fieldNodes, false)?.entity ?? null);
}

const lookupViews = new WeakMap<readonly FieldNode[], readonly string[] | null>();

/**
 * The properties a lookup being resolved (organization(slug:) and the like) reads of the entity
 * it answers, sorted; null for the whole record, when some field of its selection does not
 * declare what it reads.
 */
export function lookupViewFor(info: GraphQLResolveInfo): readonly string[] | null {
  return oncePerField(lookupViews, info, (walk) => {
    const read = propertiesRead(viewWalk(walk), info.returnType, info.fieldNodes);
    return read === null ? null : (recordView(read, [], 'none', false)?.entity ?? null);
  });
}

const connectionViews = new WeakMap<readonly FieldNode[], RecordView | null>();

/** The view of the connection being resolved (see recordViewOf). */
export function recordViewFor(info: GraphQLResolveInfo): RecordView | null {
  return oncePerField(connectionViews, info, (walk) => recordViewOf(walk, info.returnType, info.fieldNodes));
}

const searchViews = new WeakMap<readonly FieldNode[], readonly string[] | null>();

/** The properties the search being resolved reads of its hits (see searchViewOf). */
export function searchViewFor(info: GraphQLResolveInfo): readonly string[] | null {
  return oncePerField(searchViews, info, (walk) => searchViewOf(walk, info.returnType, info.fieldNodes));
}

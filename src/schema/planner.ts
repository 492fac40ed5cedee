import {
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  getArgumentValues,
  getNamedType,
  isObjectType,
} from 'graphql';
import type { PlannedLevel } from '../db/planned-read.ts';
import { type EntityLabel, isEntityLabel, isRelationType } from '../domain/graph.ts';
import { defaultPageSizeAt, type PageArguments, type PageWindow, pageWindow } from './paging.ts';
import { recordViewOf } from './record-view.ts';
import { type RelationMark, relationConnectionArguments, relationPageExtension, relationPageRequest } from './relations.ts';
import { collectFields, selectsFieldIn, type Walk } from './selection.ts';

/**
 * The nested-read planner: it looks ahead from a root list's field into the selection below it
 * and lists the relation connections that field's answer will ask for, level by level, with the
 * very page requests their resolvers will make (relationPageRequest). The list resolver then
 * reads its page and all those pages in one statement (src/db/planned-read.ts) and primes the
 * per-request loaders with them: the resolvers below run as ever and find their pages there.
 *
 * Whatever the planner leaves out is read by the loaders, a statement per level at most, as
 * without it. It leaves out, with everything below it:
 * - a connection with an argument it does not know (a new one is read correctly by the loader
 *   until the planner is taught it), with includeParts, or with arguments its resolver refuses
 *   (the resolver then reports the error where it belongs);
 * - connections below an abstract type (an interface's or union's fields differ by kind);
 * - fields under @skip/@include are decided as execution decides them, with the request's variables.
 * A plan that differs from what a resolver asks is never wrong, only slower: a page the planner
 * primed under another key is simply not used, and the loader reads the right one.
 */

/** The relation a connection field reads, from the mark relationConnection puts on it; null for other fields. */
export function markOf(field: GraphQLField<unknown, unknown>): RelationMark | null {
  const mark: unknown = field.extensions[relationPageExtension];
  if (typeof mark !== 'object' || mark === null) return null;
  const type: unknown = Reflect.get(mark, 'type');
  const direction: unknown = Reflect.get(mark, 'direction');
  const labels: unknown = Reflect.get(mark, 'labels');
  const roles: unknown = Reflect.get(mark, 'roles');
  const partLabels: unknown = Reflect.get(mark, 'partLabels');
  if (typeof type !== 'string' || !isRelationType(type)) return null;
  if (direction !== 'out' && direction !== 'in' && direction !== 'both') return null;
  const labelList = labelsIn(labels);
  const partLabelList = labelsIn(partLabels);
  const roleList = roles === null ? null : Array.isArray(roles) && roles.every((role) => typeof role === 'string') ? roles : undefined;
  if (labelList === undefined || partLabelList === undefined || roleList === undefined) return null;
  return { type, direction, labels: labelList, roles: roleList, partLabels: partLabelList };
}

/** A mark's list of labels: null when it has none, undefined when it is not a list of labels. */
function labelsIn(value: unknown): EntityLabel[] | null | undefined {
  if (value === null) return null;
  return Array.isArray(value) && value.every(isEntityLabel) ? value : undefined;
}

function optionalInt(value: unknown): number | null | undefined {
  if (value === null) return null;
  return typeof value === 'number' ? value : undefined;
}
function optionalString(value: unknown): string | null | undefined {
  if (value === null) return null;
  return typeof value === 'string' ? value : undefined;
}

/** The page a connection's arguments ask for, as its resolver computes it; null when the resolver would refuse them. */
function windowOf(args: Record<string, unknown>, lists: number): PageWindow | null {
  const page: PageArguments = {
    first: optionalInt(args.first),
    last: optionalInt(args.last),
    after: optionalString(args.after),
    before: optionalString(args.before),
  };
  try {
    return pageWindow(page, defaultPageSizeAt(lists));
  } catch {
    return null;
  }
}

/** One relation connection's level, or null when the loaders should read it (see above). */
function planLevel(
  walk: Walk,
  field: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
  mark: RelationMark,
  lists: number,
): PlannedLevel | null {
  const [first] = nodes;
  if (!first) return null;
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(field, first, walk.variables);
  } catch {
    return null;
  }
  for (const [name, value] of Object.entries(args)) {
    if (!relationConnectionArguments.has(name) && value !== undefined && value !== null) return null;
  }
  if (args.includeParts === true) return null;
  const window = windowOf(args, lists);
  if (!window) return null;
  const request = relationPageRequest(
    mark,
    args,
    window,
    selectsFieldIn(nodes, walk.fragments, 'totalCount'),
    selectsFieldIn(nodes, walk.fragments, 'pageInfo'),
  );
  const connection = getNamedType(field.type);
  const children = isObjectType(connection) ? levelsOf(walk, connection, nodes, lists + 1) : [];
  return { request, view: recordViewOf(walk, field.type, nodes), children };
}

/** Levels asking for the same page through the same view are one level, with the levels below both. */
function merged(levels: readonly PlannedLevel[]): PlannedLevel[] {
  const byRequest = new Map<string, PlannedLevel>();
  for (const level of levels) {
    const key = JSON.stringify([level.request, level.view]);
    const seen = byRequest.get(key);
    byRequest.set(key, seen ? { ...level, children: merged([...seen.children, ...level.children]) } : level);
  }
  return [...byRequest.values()];
}

/**
 * The levels below a connection (its nodes' relation connections, under `edges { node }` or
 * `nodes`), for the connection's field nodes. `lists`: how many lists those nodes sit in, which
 * sets their default page size.
 */
function levelsOf(walk: Walk, connection: GraphQLObjectType, nodes: readonly FieldNode[], lists: number): PlannedLevel[] {
  const levels: PlannedLevel[] = [];
  const edgeType = getNamedType(connection.getFields().edges?.type);
  for (const fields of collectFields(
    walk,
    connection,
    nodes.map((node) => node.selectionSet),
  ).values()) {
    const name = fields[0]?.name.value;
    if (name === 'nodes') levels.push(...levelsBelowEntities(walk, connection.getFields().nodes?.type, fields, lists));
    if (name !== 'edges' || !isObjectType(edgeType)) continue;
    for (const nodeNodes of collectFields(
      walk,
      edgeType,
      fields.map((node) => node.selectionSet),
    ).values()) {
      if (nodeNodes[0]?.name.value !== 'node') continue;
      levels.push(...levelsBelowEntities(walk, edgeType.getFields().node?.type, nodeNodes, lists));
    }
  }
  return merged(levels);
}

/** The levels a selection of a page's entities (of `type`) asks for. */
function levelsBelowEntities(walk: Walk, type: GraphQLOutputType | undefined, nodes: readonly FieldNode[], lists: number): PlannedLevel[] {
  const nodeType = type ? getNamedType(type) : undefined;
  // Below an interface the fields differ by kind: the loaders read those.
  if (!isObjectType(nodeType)) return [];
  const levels: PlannedLevel[] = [];
  for (const fieldNodes of collectFields(
    walk,
    nodeType,
    nodes.map((node) => node.selectionSet),
  ).values()) {
    const field = nodeType.getFields()[fieldNodes[0]?.name.value ?? ''];
    const mark = field ? markOf(field) : null;
    if (!field || !mark) continue;
    const level = planLevel(walk, field, fieldNodes, mark, lists);
    if (level) levels.push(level);
  }
  return levels;
}

// A compiled query hands the root list the same field nodes on every request, and its plan
// depends only on them and on the request's variables (arguments, @include and @skip): it is
// made once per variables, and its levels, requests and views are then the same objects on
// every request, so that the loaders' keys are written once for them (loaders.ts, keyText). The
// plan took 0.12 of the server's ~3 CPU-ms per Q3 request at 10k (bench/cpu-profile.ts).
const plans = new WeakMap<readonly FieldNode[], Map<string, readonly PlannedLevel[]>>();
// Plans kept per document; variables longer than this are planned afresh each time.
const plansPerDocument = 64;
const longestVariablesKept = 2000;

/**
 * The relation connections below the root list field being resolved, as levels to read with
 * its page; empty when it selects none the planner covers. The list's nodes sit in one list.
 * The levels are shared between requests: never change them.
 */
export function planRelationLevels(info: GraphQLResolveInfo): readonly PlannedLevel[] {
  const variables = JSON.stringify(info.variableValues);
  let byVariables = plans.get(info.fieldNodes);
  const kept = byVariables?.get(variables);
  if (kept) return kept;
  const levels = planned(info);
  if (variables.length > longestVariablesKept) return levels;
  if (!byVariables) {
    byVariables = new Map();
    plans.set(info.fieldNodes, byVariables);
  }
  if (byVariables.size >= plansPerDocument) byVariables.clear();
  byVariables.set(variables, levels);
  return levels;
}

function planned(info: GraphQLResolveInfo): PlannedLevel[] {
  const connection = getNamedType(info.returnType);
  if (!isObjectType(connection)) return [];
  const walk: Walk = { schema: info.schema, fragments: info.fragments, variables: info.variableValues };
  return levelsOf(walk, connection, info.fieldNodes, 1);
}

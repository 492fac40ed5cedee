import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { cypher, filledCypher, isSlotValue, parametersToSend } from './cypher-files.ts';
import { pageNodesSlot } from './entity-page-slots.ts';
import type { ReadScope } from './read-scope.ts';
import { type RecordView, recordSlots, viewedRecordIn, viewInOrder } from './record-view.ts';
import { type EntityPage, type EntityPageRequest, entityPageOf, entityPageParameters, entityPageRow } from './repositories/lists.ts';
import {
  type RelationEdgeRow,
  type RelationPage,
  type RelationPageRequest,
  relationPageOf,
  relationPageParameters,
} from './repositories/relations.ts';
import { decodedEach, graphEntityIn, RowShapeError, relationPropertiesIn } from './rows.ts';

/**
 * Planned nested reads: one statement for a root page and the tree of relation connections a
 * request selects below it (issue #13: organizations → memoranda → signatories → positions in
 * one Bolt exchange, where the per-level DataLoaders took one per level).
 *
 * The statement is composed from the blocks in cypher/planned/: the root's page
 * (queries/entity-page, as it is), then one planned/relation-level block per relation
 * connection, each after the block of the level above, whose answers give its parents (each
 * entity once, as a loader batch reads it once). Nothing of a request reaches the text but
 * choices among closed lists: the relationship type, the arrow and the order are
 * relation-pages' slots, checked against the same lists; the order of the blocks is the plan's
 * shape; every value is a parameter, renamed per level ($p1_limit, $p2_limit, …) so that levels
 * never share one. test/unit/planned-read.test.ts pins the generated text, as @neo4j/graphql's TCK does.
 */

/** One relation connection of a planned read: the page it reads for each parent, and the levels below. */
export interface PlannedLevel {
  /** The page request, exactly as the connection's resolver would give the relation-page loader. */
  request: RelationPageRequest;
  /** The properties the selection reads of its pages' records; null to read them whole (src/db/record-view.ts). */
  view: RecordView | null;
  children: readonly PlannedLevel[];
}

const token = Symbol('planned statement');

/** A statement the builder below composed: only this module can make one, so no other text can be run as one. */
export class PlannedStatement {
  /** The name its span and logs carry: the block it starts with. */
  readonly name: string;
  readonly text: string;
  readonly parameters: Record<string, unknown>;

  constructor(key: typeof token, name: string, text: string, parameters: Record<string, unknown>) {
    if (key !== token) throw new Error('a PlannedStatement is made by src/db/planned-read.ts only');
    this.name = name;
    this.text = text;
    this.parameters = parameters;
  }
}

const slotNames = ['type', 'left', 'right', 'order', 'edgeSortKey', 'relationFilters', 'edgeBounds'] as const;
const parameter = /\$([A-Za-z_][A-Za-z0-9_]*)/g;
const marker = /\{\{(\w+)\}\}/g;

/** Writes a block's markers: each must be given, so a block and its builder cannot drift apart unnoticed. */
function fill(block: string, text: string, values: Record<string, string>): string {
  return text.replace(marker, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`planned block "${block}": no value for {{${name}}}`);
    return value;
  });
}

/** Renames a block's parameters with a level's prefix: $limit becomes $p1_limit. */
const renamed = (text: string, prefix: string) => text.replace(parameter, (_match, name: string) => `$${prefix}${name}`);

/** The plan's levels, parents before children (depth first), each with the level above it (null for the root page's). */
function flatten(levels: readonly PlannedLevel[], above: number | null = null, into: { level: PlannedLevel; above: number | null }[] = []) {
  for (const level of levels) {
    const index = into.length;
    into.push({ level, above });
    flatten(level.children, index, into);
  }
  return into;
}

/** Level n's answer in the statement: level1, level2, … */
const levelName = (index: number) => `level${index + 1}`;
const prefixOf = (index: number) => `p${index + 1}_`;

/**
 * What a level's block is written from: choices among closed lists and the plan's shape, never
 * a value. Levels of one shape have one text, written once (statementText).
 */
interface LevelShape {
  index: number;
  above: number | null;
  /** relation-pages' slots as the request fills them, not yet renamed. */
  slots: Record<(typeof slotNames)[number], string>;
  withTotal: boolean;
  /** The record slots' texts: whole records, or the view's properties written out (record-view.ts). */
  entityRecord: string;
  relationRecord: string;
  onBehalfOfRecord: string;
}

/** A level's shape; its parameters, renamed with the level's prefix, go into `parameters`. */
function levelShape(level: PlannedLevel, index: number, above: number | null, parameters: Record<string, unknown>): LevelShape {
  if (level.request.partLabels) throw new Error('a planned read does not roll parts up (includeParts): the loader reads those');
  const prefix = prefixOf(index);
  const values = relationPageParameters(level.request);
  const slot = (name: (typeof slotNames)[number]): string => {
    const value = values[name];
    if (!isSlotValue(name, value)) throw new Error(`planned read: ${JSON.stringify(value)} cannot fill slot "${name}"`);
    return value;
  };
  for (const [name, value] of Object.entries(values)) {
    if (!(slotNames as readonly string[]).includes(name) && name !== 'withTotal') parameters[`${prefix}${name}`] = value;
  }
  // The page's size, for the ends handed down: without the extra edge, when one was read.
  parameters[`${prefix}size`] = neo4j.int(level.request.size);
  // Whole records, or the values of the view's properties, whose names the text lists.
  const view = viewInOrder(level.view, level.request.orderBy);
  return {
    index,
    above,
    slots: {
      type: slot('type'),
      left: slot('left'),
      right: slot('right'),
      order: slot('order'),
      edgeSortKey: slot('edgeSortKey'),
      relationFilters: slot('relationFilters'),
      edgeBounds: slot('edgeBounds'),
    },
    withTotal: values.withTotal === true,
    entityRecord: view === null ? recordSlots.entityRecord.whole : recordSlots.entityRecord.view(view.entity),
    relationRecord: view === null ? recordSlots.relationRecord.whole : recordSlots.relationRecord.view(view.relation),
    onBehalfOfRecord:
      view === null || view.onBehalfOf === 'whole'
        ? recordSlots.onBehalfOfRecord.whole
        : view.onBehalfOf === 'none'
          ? recordSlots.onBehalfOfRecord.none
          : recordSlots.onBehalfOfRecord.view(view.onBehalfOf),
  };
}

/** One relation-level block, written from its shape. */
function levelText(shape: LevelShape): string {
  const prefix = prefixOf(shape.index);
  const slots: Record<string, string> = {};
  // The filter and bound slots name parameters, which take the level's prefix like the block's own.
  for (const slot of slotNames) slots[slot] = renamed(shape.slots[slot], prefix);
  // The count is a block of its own, there only when the selection asks for totalCount.
  slots.total = shape.withTotal ? fill('planned/level-total', cypher('planned/level-total'), slots) : cypher('planned/level-no-total');
  slots.entityRecord = shape.entityRecord;
  slots.relationRecord = shape.relationRecord;
  slots.onBehalfOfRecord = shape.onBehalfOfRecord;
  // The parents: the root page's nodes (cut with the page's own $limit), or the ends the level
  // above matched; each hands them down as it matched them (`pageNodes`, `levelNEnds`).
  const parent = shape.above === null ? 'pageNodes' : `${levelName(shape.above)}Ends`;
  const parentsBlock = shape.above === null ? 'planned/page-nodes' : 'planned/ends-of-edges';
  const parents = fill(parentsBlock, cypher(parentsBlock), { level: parent });
  return fill('planned/relation-level', renamed(cypher('planned/relation-level'), prefix), {
    ...slots,
    level: parent,
    parents,
    as: levelName(shape.index),
  });
}

/** The plan's levels in the order the statement answers them (depth first, parents before children). */
export function plannedOrder(levels: readonly PlannedLevel[]): PlannedLevel[] {
  return flatten(levels).map(({ level }) => level);
}

// Statement texts by the shape they are written from. A document's plan has one shape whatever
// its variables and parents, so a server writes each a few times at most: written per request,
// they took 0.2 ms of the server's 4.8 CPU-ms per Q3 request at 10k (bench/cpu-profile.ts).
// Shapes are choices among closed lists, but a client can vary them (depth, filters): past
// `keptTexts` the oldest go.
const statementTexts = new Map<string, string>();
const keptTexts = 500;

function statementText(page: string, { shapes, shapesKey }: LevelTree): string {
  const key = `${page}\u0001${shapesKey}`;
  let text = statementTexts.get(key);
  if (text === undefined) {
    text = fill('planned/entity-page-tree', cypher('planned/entity-page-tree'), {
      page,
      levels: shapes.map(levelText).join('\n'),
      names: shapes.map((shape) => levelName(shape.index)).join(', '),
    });
    if (statementTexts.size >= keptTexts) {
      const [oldest] = statementTexts.keys();
      if (oldest !== undefined) statementTexts.delete(oldest);
    }
    statementTexts.set(key, text);
  }
  return text;
}

/** The statement for a root page and the relation connections below it. */
export function plannedEntityPage(request: EntityPageRequest, withTotal: boolean, levels: readonly PlannedLevel[]): PlannedStatement {
  const pageParameters = entityPageParameters(request, withTotal);
  const tree = treeOf(levels);
  const parameters: Record<string, unknown> = { ...parametersToSend('queries/entity-page', pageParameters), ...tree.parameters };
  // The page hands its nodes down to the first level (planned/page-nodes).
  const page = filledCypher('queries/entity-page', { ...pageParameters, pageNodes: pageNodesSlot.handedDown });
  const text = statementText(page, tree);
  return new PlannedStatement(token, 'planned/entity-page-tree', text, parameters);
}

/** The levels' shapes and their parameters, which depend on the levels alone. */
interface LevelTree {
  shapes: readonly LevelShape[];
  /** The shapes as text, part of their statement's key. */
  shapesKey: string;
  parameters: Readonly<Record<string, unknown>>;
}

// The planner keeps a document's levels (src/schema/planner.ts): their shapes and parameters are
// worked out once for them, not on every request.
const levelTrees = new WeakMap<readonly PlannedLevel[], LevelTree>();

function treeOf(levels: readonly PlannedLevel[]): LevelTree {
  let tree = levelTrees.get(levels);
  if (tree === undefined) {
    const parameters: Record<string, unknown> = {};
    const shapes = flatten(levels).map(({ level, above }, index) => levelShape(level, index, above, parameters));
    tree = { shapes, shapesKey: JSON.stringify(shapes), parameters };
    levelTrees.set(levels, tree);
  }
  return tree;
}

// A level's edges are decoded once the level is known: whole records, or a view's values. Both
// come as lists (planned/relation-level): [id, total, edges] per parent, and each edge
// [forward, relationship, other end, onBehalfOf]. The edges are decoded by hand, as rows.ts
// decodes entities: a nested read returns thousands (Q3 at 10k, ~2,500 per request), and a zod
// parse per value was the largest single cost of the server's own code on it.
// The levels' outer lists are checked by hand too: a zod array of tuples copies every list it
// checks, a few hundred per Q3 request.
type LevelAnswer = readonly [id: string, total: number, edges: readonly unknown[]];
const isLevelAnswer = (value: unknown): value is LevelAnswer =>
  Array.isArray(value) && value.length === 3 && typeof value[0] === 'string' && typeof value[1] === 'number' && Array.isArray(value[2]);
const levelAnswers = z.custom<readonly (readonly LevelAnswer[])[]>(
  (value) => Array.isArray(value) && value.every((level) => Array.isArray(level) && level.every(isLevelAnswer)),
  'expected a list of [id, total, edges] per level',
);
/** The planned statement's one row: the root page, and each level's answers. */
export const plannedTreeRow = entityPageRow.extend({ levels: levelAnswers });

/**
 * A level's edges for one parent, as the relation-page statements return them, from whole records
 * or through its view; a RowShapeError names the level, the parent and the edge that does not fit.
 */
export function plannedEdgesIn(level: PlannedLevel, index: number, parent: number, edges: readonly unknown[]): RelationEdgeRow[] {
  const view = viewInOrder(level.view, level.request.orderBy);
  const entityNames = view === null ? null : view.entity;
  const relationNames = view === null ? null : view.relation;
  const onBehalfOfNames = view === null || view.onBehalfOf === 'whole' ? null : view.onBehalfOf;
  return decodedEach(`planned/entity-page-tree, level ${index + 1}, parent ${parent}, edge`, edges, (value) => {
    const edge = Array.isArray(value) ? value : null;
    const [forward, props, other, onBehalfOf]: readonly unknown[] = edge ?? [];
    if (edge === null || edge.length !== 4 || typeof forward !== 'boolean') {
      throw new RowShapeError('expected [forward, relationship, other end, onBehalfOf]');
    }
    return {
      forward,
      props: relationPropertiesIn(viewedRecordIn(relationNames, props, 'relationship'), 'relationship'),
      other: graphEntityIn(viewedRecordIn(entityNames, other, 'other end'), 'other end'),
      onBehalfOf:
        onBehalfOfNames === 'none' || onBehalfOf === null
          ? null
          : graphEntityIn(viewedRecordIn(onBehalfOfNames, onBehalfOf, 'onBehalfOf'), 'onBehalfOf'),
    };
  });
}

/** A relation page the planned read fetched, under the key its connection's loader asks with. */
export interface FetchedRelationPage {
  id: string;
  request: RelationPageRequest;
  /** Non-null: the page's records hold only the view's properties. */
  view: RecordView | null;
  page: RelationPage;
}

/**
 * A root page and the pages of the planned levels below it, to any depth: one statement, read
 * level by level as the loaders would, each entity once per level. The pages come back flat,
 * each with the (id, request) its loader is asked with, for the caller to prime the loaders with.
 */
export async function loadEntityPageWithLevels(
  scope: ReadScope,
  request: EntityPageRequest,
  withTotal: boolean,
  levels: readonly PlannedLevel[],
): Promise<{ page: EntityPage; pages: FetchedRelationPage[] }> {
  const [row] = await scope.readPlanned(plannedEntityPage(request, withTotal, levels), plannedTreeRow);
  const order = plannedOrder(levels);
  const pages: FetchedRelationPage[] = [];
  for (const [index, answers] of (row?.levels ?? []).entries()) {
    const level = order[index];
    if (!level) throw new Error(`planned read: an answer for level ${index + 1}, which the plan does not have`);
    for (const [parent, [id, total, answerEdges]] of answers.entries()) {
      const edges = plannedEdgesIn(level, index, parent, answerEdges);
      pages.push({ id, request: level.request, view: level.view, page: relationPageOf(id, total, edges, level.request) });
    }
  }
  return { page: entityPageOf(request, withTotal, row), pages };
}

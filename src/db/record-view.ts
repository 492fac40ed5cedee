/**
 * Record views: the stored properties a planned level reads of the relationships on its pages
 * and of their other ends, when the request's selection there reads only some of them
 * (src/schema/record-view.ts decides it from the selection).
 *
 * A planned level otherwise reads whole records, as the loaders do, so that its pages and
 * entities can be handed to every other resolver of the request. Nested lists are most of a
 * nested read's answer (the benchmark's Q3 returns up to 2,500 entities and relationships for
 * 10 organizations), and most selections there read a slug and a name: whole records made
 * Neo4j read every property and the server decode it, with its name, from the wire (Bolt
 * decoding was 45 % of the server's CPU on Q3). A view sends only the values, as a list in the
 * view's order, with the property names as a parameter: neither the names nor the absent
 * properties travel.
 *
 * A page read through a view holds partial records: they answer only the fields whose stored
 * properties the view lists, so they are never handed to the entity loader, and the page is
 * primed under a key that carries the view (src/schema/loaders.ts).
 */

import path from 'node:path';
import { projectRoot } from '../config.ts';
import { withFragments } from './cypher-text.ts';

export interface RecordView {
  /** The stored properties read of each page's other ends: id first, the others sorted, without repeats. */
  entity: readonly string[];
  /** The stored properties read of each relationship, sorted, without repeats. */
  relation: readonly string[];
  /**
   * What is read of the entity a relationship names in onBehalfOf (a signatory's organization):
   * nothing when the selection does not ask for it, its whole record, or these properties (as
   * `entity`).
   */
  onBehalfOf: 'none' | 'whole' | readonly string[];
}

// Every record needs its id and label (the row decoder's and global ids' own). A page's cursors
// need the other end's nameKey and the relationship's key, the order the statement reads in:
// only a view of a selection with cursors or page info reads them.
const entityAlways = ['id', 'label'];
// DATETIME properties: a view sends values as stored, and the rows expect audit times as numbers
// (fragments/entity-props). No field a view covers reads them; one that did would read them whole.
const notInViews = new Set(['createdAt', 'updatedAt']);

const sorted = (names: Iterable<string>, always: readonly string[] = []) => [...new Set([...always, ...names])].sort();
// The id first: planned/ids-of-rows finds a root page's slugs there.
const entityNames = (names: Iterable<string>) => ['id', ...sorted(names, entityAlways).filter((name) => name !== 'id')];

/**
 * A view reading these properties (and the ones every record needs; with `positioned`, the ones
 * its page's cursors need); null when one cannot be read through a view.
 */
export function recordView(
  entity: Iterable<string>,
  relation: Iterable<string>,
  onBehalfOf: 'none' | 'whole' | ReadonlySet<string> | readonly string[] = 'none',
  positioned = true,
): RecordView | null {
  const view: RecordView = {
    entity: entityNames(positioned ? [...entity, 'nameKey'] : entity),
    relation: sorted(positioned ? [...relation, 'key'] : relation),
    onBehalfOf: onBehalfOf === 'none' || onBehalfOf === 'whole' ? onBehalfOf : entityNames(onBehalfOf),
  };
  const read = [...view.entity, ...view.relation, ...(typeof view.onBehalfOf === 'string' ? [] : view.onBehalfOf)];
  return read.some((name) => notInViews.has(name)) ? null : view;
}

/** A record read through a view: the names with their values, leaving out absent properties, as a whole record does. */
export function viewedRecord(names: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  if (values.length !== names.length) throw new Error(`a record view of ${names.length} properties got ${values.length} values`);
  const record: Record<string, unknown> = {};
  names.forEach((name, index) => {
    const value = values[index];
    if (value !== null && value !== undefined) record[name] = value;
  });
  return record;
}

const cypherDir = path.join(projectRoot, 'cypher');

/**
 * The record slots: the whole record, or the values of a view's properties ($…Properties).
 * relationRecord serves planned/relation-level and the shortest-path statements alike.
 */
export const recordSlots = {
  entityRecord: {
    whole: withFragments('{{include:fragments/entity-props(b)}}', cypherDir),
    view: '[name IN $entityProperties | b[name]]',
  },
  relationRecord: {
    whole: withFragments('{{include:fragments/relation-props(r)}}', cypherDir),
    view: '[name IN $relationProperties | r[name]]',
  },
  // queries/entity-page's rows (a root list's page).
  rowRecord: {
    whole: withFragments('{{include:fragments/entity-props(n)}}', cypherDir),
    view: '[name IN $rowProperties | n[name]]',
  },
  // queries/shortest-paths(-excluding): the entities on the paths.
  pathEntityRecord: {
    whole: withFragments('{{include:fragments/entity-props(n)}}', cypherDir),
    view: '[name IN $entityProperties | n[name]]',
  },
  onBehalfOfRecord: {
    none: 'null',
    whole: withFragments('head(COLLECT { MATCH (o:Entity {id: r.onBehalfOf}) RETURN {{include:fragments/entity-props(o)}} })', cypherDir),
    view: 'head(COLLECT { MATCH (o:Entity {id: r.onBehalfOf}) RETURN [name IN $onBehalfOfProperties | o[name]] })',
  },
} as const;

/**
 * The `{{rowRecord}}` slot and its parameter, for a statement that reads entities as `n`
 * (queries/entity-page, queries/entities-by-id): whole records, or a view's properties.
 */
export function rowRecordParameters(view: readonly string[] | null): Record<string, unknown> {
  return view === null ? { rowRecord: recordSlots.rowRecord.whole } : { rowRecord: recordSlots.rowRecord.view, rowProperties: view };
}

/** The slot of planned/ids-of-rows: where the root page's entities have their slugs. */
export const rowIdSlot = { whole: 'row.props.id', view: 'row.props[0]' } as const;

/** The closed lists of the record slots, for cypher-files.ts's check. */
export const recordSlotValues: Readonly<Record<keyof typeof recordSlots | 'rowId', ReadonlySet<string>>> = {
  entityRecord: new Set(Object.values(recordSlots.entityRecord)),
  relationRecord: new Set(Object.values(recordSlots.relationRecord)),
  onBehalfOfRecord: new Set(Object.values(recordSlots.onBehalfOfRecord)),
  rowRecord: new Set(Object.values(recordSlots.rowRecord)),
  pathEntityRecord: new Set(Object.values(recordSlots.pathEntityRecord)),
  rowId: new Set(Object.values(rowIdSlot)),
};

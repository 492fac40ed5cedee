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
 * view's order: neither the names nor the absent properties travel.
 *
 * The names are written into the statement (`[n.id, n.label, n.name]`), each checked against
 * the closed list of what records store, rather than sent as a parameter and read with
 * `[name IN $names | n[name]]`: a property named in the text is read from the index entry that
 * found the node when the index holds it, and is no list comprehension per row. Replaying the
 * benchmark's statements (bench/replay.ts at 951fccf, static-lists), a parameter list cost
 * Neo4j 19 % more on a page of events (Q2) and 8 % on the nested read (Q3) at 10k. A view is
 * one of few per field of a document, so Neo4j plans each text once and keeps it.
 *
 * A page read through a view holds partial records: they answer only the fields whose stored
 * properties the view lists, so they are never handed to the entity loader, and the page is
 * primed under a key that carries the view (src/schema/loaders.ts).
 */

import { entityCollections, relationFields } from '../domain/rules.ts';
import { cypherDir } from './cypher-dir.ts';
import { withFragments } from './cypher-text.ts';
import type { RelationOrder } from './relation-page-slots.ts';
import { RowShapeError } from './rows.ts';

export interface RecordView {
  /** The stored properties read of each page's other ends: sorted, without repeats. */
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
    entity: sorted(positioned ? [...entity, 'nameKey'] : entity, entityAlways),
    relation: sorted(positioned ? [...relation, 'key'] : relation),
    onBehalfOf: onBehalfOf === 'none' || onBehalfOf === 'whole' ? onBehalfOf : sorted(onBehalfOf, entityAlways),
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

/**
 * A record as a statement sent it: whole (a map, returned as it is, for the row's decoder to
 * check), or, with `names`, a view's values (a list in the view's order), checked here.
 */
export function viewedRecordIn(names: readonly string[] | null, value: unknown, field: string): unknown {
  if (names === null) return value;
  if (!Array.isArray(value) || value.length !== names.length) {
    throw new RowShapeError(`${field}: expected the values of a view of ${names.length} properties`);
  }
  return viewedRecord(names, value);
}

// The names a view may list: every field of an entity or a relation record, and what the writes
// add to every stored one (its label and name key, a relationship's key, the first day of a
// dated one).
const storedNames: ReadonlySet<string> = new Set([
  ...Object.values(entityCollections).flatMap((collection) => collection.fields),
  ...relationFields,
  'label',
  'nameKey',
  'key',
  'dateFrom',
]);

/**
 * The view a page ordered by date is read through: the relationship's and the other end's first
 * day as well, which its positions are made of (repositories/relations.ts, sortKeyOf), where a
 * view of a page by name has the name key.
 */
export function viewInOrder(view: RecordView | null, orderBy: RelationOrder): RecordView | null {
  if (view === null || orderBy === 'NAME') return view;
  return { ...view, entity: sorted([...view.entity, 'dateFrom']), relation: sorted([...view.relation, 'dateFrom']) };
}

/** A view's values as Cypher: `[b.id, b.label, b.name]`; a name no record stores is refused. */
export function propertyList(variable: string, names: readonly string[]): string {
  for (const name of names) {
    if (!storedNames.has(name)) throw new Error(`a record view names "${name}", which no entity or relationship stores`);
  }
  return `[${names.map((name) => `${variable}.${name}`).join(', ')}]`;
}

const onBehalfOf = (record: string) => `head(COLLECT { MATCH (o:Entity {id: r.onBehalfOf}) RETURN ${record} })`;

/**
 * The record slots: the whole record, or the values of a view's properties, written from the
 * view's names.
 */
export const recordSlots = {
  entityRecord: {
    whole: withFragments('{{include:fragments/entity-props(b)}}', cypherDir),
    view: (names: readonly string[]) => propertyList('b', names),
  },
  relationRecord: {
    whole: withFragments('{{include:fragments/relation-props(r)}}', cypherDir),
    view: (names: readonly string[]) => propertyList('r', names),
  },
  // queries/entity-page's rows (a root list's page).
  rowRecord: {
    whole: withFragments('{{include:fragments/entity-props(n)}}', cypherDir),
    view: (names: readonly string[]) => propertyList('n', names),
  },
  onBehalfOfRecord: {
    none: 'null',
    whole: onBehalfOf(withFragments('{{include:fragments/entity-props(o)}}', cypherDir)),
    view: (names: readonly string[]) => onBehalfOf(propertyList('o', names)),
  },
} as const;

/**
 * The `{{rowRecord}}` slot, for a statement that reads entities as `n` (queries/entity-page,
 * queries/entities-by-id): whole records, or a view's properties.
 */
export function rowRecordParameters(view: readonly string[] | null): Record<string, unknown> {
  return { rowRecord: view === null ? recordSlots.rowRecord.whole : recordSlots.rowRecord.view(view) };
}

/** What a slot may hold: one of a closed list of texts, or a text its writer gives for some of a closed list of names. */
export interface SlotValues {
  has(value: string): boolean;
}

/**
 * A written slot's values: its fixed texts, and any text its writer gives for names it accepts.
 * The property lists (`[n.id, n.name]`) are read back from the text, in order, and the text
 * written again from them: only the writer's own text, for names of the closed list, passes. A
 * text that passed is kept, as the filled statements are (cypher-files.ts): the check runs on
 * every request, and a server sees a few views per field of its documents.
 */
export function writtenSlotOf(fixed: readonly string[], write: (lists: readonly (readonly string[])[]) => string): SlotValues {
  const accepted = new Set(fixed);
  return {
    has(value) {
      if (accepted.has(value)) return true;
      const lists = Array.from(value.matchAll(/\[((?:\w+\.\w+(?:, \w+\.\w+)*)?)\]/g), ([, list]) =>
        list ? list.split(', ').map((item) => item.slice(item.indexOf('.') + 1)) : [],
      );
      if (lists.length === 0) return false;
      try {
        if (write(lists) !== value) return false;
      } catch {
        return false;
      }
      accepted.add(value);
      return true;
    },
  };
}

/** A record slot's values: its fixed texts, and its view writer's text for the names in the text's last list. */
function recordSlotOf(fixed: readonly string[], view: (names: readonly string[]) => string): SlotValues {
  return writtenSlotOf(fixed, (lists) => view(lists.at(-1) ?? []));
}

/** The closed lists of the record slots, for cypher-files.ts's check. */
export const recordSlotValues: Readonly<Record<keyof typeof recordSlots, SlotValues>> = {
  entityRecord: recordSlotOf([recordSlots.entityRecord.whole], recordSlots.entityRecord.view),
  relationRecord: recordSlotOf([recordSlots.relationRecord.whole], recordSlots.relationRecord.view),
  onBehalfOfRecord: recordSlotOf(
    [recordSlots.onBehalfOfRecord.none, recordSlots.onBehalfOfRecord.whole],
    recordSlots.onBehalfOfRecord.view,
  ),
  rowRecord: recordSlotOf([recordSlots.rowRecord.whole], recordSlots.rowRecord.view),
};

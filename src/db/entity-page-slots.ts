import { type EntityLabel, entityLabels } from '../domain/graph.ts';

/**
 * The slots of cypher/queries/entity-page.cypher, built from typed parts. The statement is one
 * template; what differs between its variants is the label and which of its indexes hands the
 * rows over (cypher/schema/014-label-page-indexes.cypher), and so what the seek asks of each
 * property, what the page is ordered by, and in which direction. None of that can be a
 * parameter: the planner picks an index and an order from the text, and a property given as
 * n[$key] is seeked by no index.
 *
 * Every value is written here, from the closed lists below, never from a request; cypher-files.ts
 * takes its closed lists for these slots from `entityPageSlotValues`.
 */

/** How a page is read: in the order of one of the indexes, or by sorting every match (`sorted`). */
export type PageRead = 'name' | 'date' | 'id' | 'kind-name' | 'kind-id' | 'kind-date' | 'sorted';
export type Direction = 'ASC' | 'DESC';

/** Properties of the composite indexes that serve entity pages. */
type IndexProperty = 'kind' | 'nameKey' | 'dateFrom' | 'id' | 'dateTo';
type SortProperty = 'nameKey' | 'dateFrom' | 'id';

interface IndexedRead {
  /** The index's properties in its order: every one must have a predicate for the index to be seeked. */
  index: readonly IndexProperty[];
  /** The property the page is ordered by: equality on the properties before it, a range on it. */
  key: SortProperty;
  /**
   * What the count seeks on `key`: every entity that has one, or only the dates up to
   * $dateSeekTo (what starts after a date range cannot overlap it).
   */
  count: 'present' | 'dates';
}

const indexedReads: Readonly<Record<Exclude<PageRead, 'sorted'>, IndexedRead>> = {
  name: { index: ['nameKey', 'id'], key: 'nameKey', count: 'present' },
  date: { index: ['dateFrom', 'id'], key: 'dateFrom', count: 'dates' },
  // The label's uniqueness constraint (cypher/schema/001-constraints.cypher).
  id: { index: ['id'], key: 'id', count: 'present' },
  'kind-name': { index: ['kind', 'nameKey', 'id'], key: 'nameKey', count: 'present' },
  'kind-id': { index: ['kind', 'id'], key: 'id', count: 'present' },
  'kind-date': { index: ['kind', 'dateFrom', 'id', 'dateTo'], key: 'dateFrom', count: 'dates' },
};

/** The seek on `key`: the page's keyset bounds, or the count's whole range. */
type KeyBounds = { from: '$seekFrom'; to: '$seekTo' } | { from: "''"; to: '$dateSeekTo' } | null;

/**
 * Predicates on every property of the index: equality before the key, the key's range, and
 * presence after it (true of every node the statement can match; a composite index serves only
 * predicates on all its properties). Without bounds the key's range is every string (keys are
 * strings): a presence test alone is no seek, and an index whose first property is the key
 * would then be scanned, which the statement's SEEK hint refuses.
 */
function seek(read: IndexedRead, bounds: KeyBounds): string {
  const keyAt = read.index.indexOf(read.key);
  return read.index
    .map((property, at) => {
      if (at < keyAt) return `n.${property} = $${property}`;
      if (at > keyAt) return `n.${property} IS NOT NULL`;
      if (bounds === null) return `n.${property} >= ''`;
      return `n.${property} >= ${bounds.from} AND n.${property} <= ${bounds.to}`;
    })
    .join(' AND ');
}

/**
 * The filters of a root list, each a predicate on n that the statement holds only when the
 * filter is given. Written as `($kind IS NULL OR n.kind = $kind)` for every filter, the
 * statement made Neo4j evaluate every absent filter on every row it counted (it does not fold
 * `$kind IS NULL` away): a quarter of Q2's server time on the 1M benchmark graph.
 */
export const entityFilterNames = [
  'kind',
  'type',
  'idn',
  'country',
  'manages',
  'nameContains',
  'nameStartsWith',
  'dateFrom',
  'dateTo',
  'topic',
  'party',
  'signatory',
  'participant',
  'speaker',
  'about',
  'saidAt',
  'evidence',
] as const;
export type EntityFilterName = (typeof entityFilterNames)[number];

const entityFilterPredicates: Readonly<Record<EntityFilterName, string>> = {
  kind: 'n.kind = $kind',
  type: 'n.type = $type',
  // As the field reads it: a TLD without the flag is not an IDN.
  idn: 'coalesce(n.idn, false) = $idn',
  country: 'n.country = $country',
  // What it does for a TLD, whatever it is: RIPN, a research centre, runs the .su registry.
  manages: 'EXISTS { (n)-[m:MANAGES]->() WHERE m.role IN $manages }',
  // searchText holds the normalized name and aliases.
  nameContains: 'n.searchText CONTAINS $nameContains',
  nameStartsWith: 'n.nameKey STARTS WITH $nameStartsWith',
  // A date range keeps what overlaps it.
  dateFrom: 'n.dateTo >= $dateFrom',
  dateTo: 'n.dateFrom <= $dateTo',
  // What covers or discussed the topic, or (a statement) is about it.
  topic: 'EXISTS { (n)-[:COVERS|DISCUSSED|ABOUT]->(:Topic {id: $topic}) }',
  // A memorandum this organization or body is party to, this person signed; an event this
  // entity took part in (in any role); a statement this actor made. Each row expands its own few
  // relationships of the type. As a filter only: the rows come from the entity it names
  // (rowSources below), unless another filter's entity hands them over.
  party: 'EXISTS { (:Entity {id: $party})-[:PARTY_TO]->(n) }',
  signatory: 'EXISTS { (:Person {id: $signatory})-[:SIGNED]->(n) }',
  // An event the entity took part in, or one it took part in a section of, at any depth: a
  // researcher who asks where someone spoke means the conference too, as saidAt reads it.
  participant: 'EXISTS { (:Entity {id: $participant})-[:PARTICIPATED_IN]->(:Event)-[:PART_OF*0..10]->(n) }',
  speaker: 'EXISTS { (n)-[:SAID_BY]->(:Entity {id: $speaker}) }',
  // A statement about this entity (any label ABOUT admits), or said at this event or at an event
  // inside it: a researcher who names a conference means its sections too. The walk up from
  // the statement's one event is as bounded as relation-pages-with-parts' walk down.
  about: 'EXISTS { (n)-[:ABOUT]->(:Entity {id: $about}) }',
  saidAt: 'EXISTS { (n)-[:SAID_AT]->(:Event)-[:PART_OF*0..10]->(:Entity {id: $saidAt}) }',
  // A citation or a field value of one of the kinds (validate.ts, valueEvidenceOf); a store
  // loaded before valueEvidence existed has the citations' kinds only.
  evidence: 'any(kind IN coalesce(n.valueEvidence, n.citationEvidence) WHERE kind IN $evidence)',
};

/** The `{{filters}}` slot: the predicates of the filters given, in a fixed order. */
export function filtersSlot(given: ReadonlySet<EntityFilterName>): string {
  return entityFilterNames
    .filter((name) => given.has(name))
    .map((name) => `AND ${entityFilterPredicates[name]}`)
    .join(' ');
}

/**
 * Where a filtered page's rows come from when a filter names an entity: that entity's
 * relationships of the filter's type, the first of these filters given. Read through the label's
 * index instead, in order, with each row tested by the filter, a page stops after $limit matches,
 * but an entity with few of them made it read every entity of the label to find them: at 1M
 * entities, an organization party to no memorandum cost 467 ms and 1.8M db hits to answer an
 * empty page, where its relationships cost 4 db hits; and a count read the whole label whatever
 * the entity. Read from the entity, a page sorts its matches, which costs most for the entity
 * with the most (36,036 memoranda of one party at 1M: 70 ms against the index's 8); the worst
 * case is then the graph's largest hub, not every rare entity
 * (bench/results/2026-12-07-filtered-lists-1M.md). saidAt is no source: it names an
 * event whose parts hold the statements, at any depth.
 */
const rowSources = {
  party: { label: 'Entity', path: '-[:PARTY_TO]->' },
  signatory: { label: 'Person', path: '-[:SIGNED]->' },
  participant: { label: 'Entity', path: '-[:PARTICIPATED_IN]->(:Event)-[:PART_OF*0..10]->' },
  speaker: { label: 'Entity', path: '<-[:SAID_BY]-' },
  about: { label: 'Entity', path: '<-[:ABOUT]-' },
  topic: { label: 'Topic', path: '<-[:COVERS|DISCUSSED|ABOUT]-' },
} as const satisfies Partial<Record<EntityFilterName, { label: EntityLabel | 'Entity'; path: string }>>;
type RowSource = keyof typeof rowSources;
const rowSourceOrder: readonly RowSource[] = ['party', 'signatory', 'participant', 'speaker', 'about', 'topic'];

/** What fills the slots that say where a page's rows come from (a type: they are a statement's parameters too). */
export type RowSourceSlots = {
  /** The pattern before `(n:Label)`: the named entity and the relationship to follow, or nothing. */
  rowsFrom: string;
  /**
   * The hint that makes the planner seek the read's index; or, for rows from an entity, the hint
   * that seeks the entity by its slug and a projection of the rows, each once (two relationships
   * reach one row when an actor had two roles at an event), before the WHERE that tests them: a
   * WHERE on the MATCH let the planner seek the page's index as well and join the two (six
   * memoranda of the seed), which is the whole-label read this replaces.
   */
  rowsSeek: string;
};

/**
 * The slots for a page of `label` read by `index` with the filters `given`, and the filters left
 * for the `{{filters}}` slot: the source's own filter is what its pattern matches already.
 */
export function rowSourceSlots(
  label: EntityLabel,
  index: string,
  given: ReadonlySet<EntityFilterName>,
): { slots: RowSourceSlots; filters: Set<EntityFilterName> } {
  const source = rowSourceOrder.find((name) => given.has(name));
  if (source !== undefined) return { slots: sourceSlots(source), filters: new Set([...given].filter((name) => name !== source)) };
  // The country's entities through the label's country index (its predicate stays a filter, for
  // the seek), for the same reason: a country with a few organizations made the name index read
  // every organization to find them (225 ms at 1M entities).
  if (given.has('country') && countryIndexed.has(label)) {
    return { slots: { rowsFrom: '', rowsSeek: indexHintOf(label, 'country') }, filters: new Set(given) };
  }
  return { slots: { rowsFrom: '', rowsSeek: indexHintOf(label, index) }, filters: new Set(given) };
}

/** The labels with an index on country alone (cypher/schema/002-range-indexes.cypher), whose lists take the filter. */
const countryIndexed: ReadonlySet<EntityLabel> = new Set<EntityLabel>(['Organization', 'Tld']);

const indexHintOf = (label: EntityLabel, index: string) => `USING INDEX SEEK n:${label}(${index})`;

/** The entity and the relationship to follow from it, found by its unique slug. */
function sourceSlots(source: RowSource): RowSourceSlots {
  const { label, path } = rowSources[source];
  return { rowsFrom: `(source:${label} {id: $${source}})${path}`, rowsSeek: `USING INDEX SEEK source:${label}(id)\n  WITH DISTINCT n` };
}

/**
 * The `{{pageBounds}}` slot: the page's exclusive keyset bounds in ascending (sortKey, id)
 * order, each only when the request has it ($lowerKey/$lowerId, $upperKey/$upperId).
 */
export function pageBoundsSlot(sortKey: string, lower: boolean, upper: boolean): string {
  // A CASE, not `key > $lowerKey OR (key = $lowerKey AND n.id > $lowerId)`: Neo4j plans such an
  // OR as a union of two seeks, which loses the index's order, so a page after a cursor read
  // every entry of the range and sorted them (6,117 entries for a page of 20 on the 1M graph).
  const bounds: string[] = [];
  if (lower) bounds.push(`AND CASE WHEN ${sortKey} = $lowerKey THEN n.id > $lowerId ELSE ${sortKey} > $lowerKey END`);
  if (upper) bounds.push(`AND CASE WHEN ${sortKey} = $upperKey THEN n.id < $upperId ELSE ${sortKey} < $upperKey END`);
  return bounds.join(' ');
}

/** What fills the statement's slots for one way of reading, in one direction (a type, not an interface: it is a statement's parameters too). */
export type EntityPageSlots = {
  /** The index's properties, for the hint that makes the planner seek it. */
  index: string;
  countSeek: string;
  pageSeek: string;
  sortKey: string;
  sortOrder: string;
};

export function entityPageSlots(read: PageRead, direction: Direction): EntityPageSlots {
  if (read === 'sorted') {
    // By date with undated entities, which sort first with the key '': no index holds them in
    // that order, so every entity of the label is read (by the name index) and sorted.
    const all = seek(indexedReads.name, null);
    const sortKey = "coalesce(n.dateFrom, '')";
    return {
      index: indexedReads.name.index.join(', '),
      countSeek: all,
      pageSeek: all,
      sortKey,
      sortOrder: `${sortKey} ${direction}, n.id ${direction}`,
    };
  }
  const indexed = indexedReads[read];
  // The index's order up to id (properties after it do not order a page): the planner then
  // reads the index in that order, or backwards, and stops after $limit rows.
  const ordered = indexed.index.slice(0, indexed.index.indexOf('id') + 1);
  return {
    index: indexed.index.join(', '),
    countSeek: seek(indexed, indexed.count === 'dates' ? { from: "''", to: '$dateSeekTo' } : null),
    pageSeek: seek(indexed, { from: '$seekFrom', to: '$seekTo' }),
    sortKey: `n.${indexed.key}`,
    sortOrder: ordered.map((property) => `n.${property} ${direction}`).join(', '),
  };
}

/**
 * The `{{pageNodes}}` slot: whether the statement returns the page's nodes as well as its rows.
 * Only a planned nested read, which embeds the page, takes them (planned/page-nodes).
 */
export const pageNodesSlot = { kept: '', handedDown: ', pageNodes' } as const;

export const pageReads: readonly PageRead[] = ['name', 'date', 'id', 'kind-name', 'kind-id', 'kind-date', 'sorted'];
const directions: readonly Direction[] = ['ASC', 'DESC'];

/**
 * Whether `text` is what filtersSlot writes for some set of filters (none included): their
 * predicates in entityFilterNames' order, each once. Read back from the text, not looked up
 * among every subset: with 16 filters the 65,536 texts held 23 MB of strings, and building them
 * grew the server's heap to 226 MB before it had answered anything.
 */
function isFiltersText(text: string): boolean {
  return text === '' || startsFiltersText(text, 0);
}

/** Whether non-empty `text` is the predicates of one or more filters from the `from`th on. */
function startsFiltersText(text: string, from: number): boolean {
  for (let index = from; index < entityFilterNames.length; index++) {
    const name = entityFilterNames[index];
    if (name === undefined) continue;
    const part = `AND ${entityFilterPredicates[name]}`;
    if (text === part) return true;
    // A predicate that begins another one's text is tried both ways.
    const rest = text.startsWith(`${part} `) ? text.slice(part.length + 1) : '';
    if (rest !== '' && startsFiltersText(rest, index + 1)) return true;
  }
  return false;
}

/** Every value each slot can take: the closed lists filledCypher checks these slots against. */
export const entityPageSlotValues: Readonly<
  Record<
    Exclude<keyof EntityPageSlots, 'index'> | keyof RowSourceSlots | 'entityLabel' | 'pageBounds' | 'pageNodes',
    ReadonlySet<string>
  > & {
    filters: { has(value: string): boolean };
  }
> = (() => {
  const variants = pageReads.flatMap((read) => directions.map((direction) => entityPageSlots(read, direction)));
  const valuesOf = (slot: keyof EntityPageSlots) => new Set(variants.map((variant) => variant[slot]));
  // Every sort key with or without each bound.
  const bounds = [...valuesOf('sortKey')].flatMap((sortKey) =>
    [false, true].flatMap((lower) => [false, true].map((upper) => pageBoundsSlot(sortKey, lower, upper))),
  );
  return {
    entityLabel: new Set(entityLabels),
    rowsFrom: new Set(['', ...rowSourceOrder.map((source) => sourceSlots(source).rowsFrom)]),
    rowsSeek: new Set([
      ...rowSourceOrder.map((source) => sourceSlots(source).rowsSeek),
      ...[...countryIndexed].map((label) => indexHintOf(label, 'country')),
      ...entityLabels.flatMap((label) => [...valuesOf('index')].map((index) => indexHintOf(label, index))),
    ]),
    countSeek: valuesOf('countSeek'),
    pageSeek: valuesOf('pageSeek'),
    sortKey: valuesOf('sortKey'),
    sortOrder: valuesOf('sortOrder'),
    filters: { has: (value: string) => isFiltersText(value) },
    pageBounds: new Set(bounds),
    pageNodes: new Set(Object.values(pageNodesSlot)),
  };
})();

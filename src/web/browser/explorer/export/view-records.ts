/**
 * The view as records of govgraph's exchange format (the one /export writes and the importer
 * reads): entities in collections by kind, keyed by slug, and relations by type and ends, with
 * their fields, sources and evidence. Only what the view holds: an entity's name and kind, a
 * relation's full record, and the sources the relations cite.
 */
import type { Source } from '../api/shapes.ts';
import type { Visible } from '../model/view.ts';

export type ExchangeRecord = Record<string, unknown>;

/** The collection each kind of entity is written in, in the order /export writes them. */
export const collections: readonly [string, string][] = [
  ['Source', 'sources'],
  ['Organization', 'organizations'],
  ['Person', 'persons'],
  ['Tld', 'tlds'],
  ['Memorandum', 'memoranda'],
  ['Event', 'events'],
  ['Body', 'bodies'],
  ['Document', 'documents'],
  ['Topic', 'topics'],
  ['Country', 'countries'],
  ['Statement', 'statements'],
];

/** A relation's own fields in the export's order; anything else it has follows them. */
const relationFieldOrder = ['role', 'title', 'onBehalfOf', 'date', 'startDate', 'endDate', 'note'];

export interface ViewRecords {
  entities: { label: string; record: ExchangeRecord }[];
  sources: ExchangeRecord[];
  relations: ExchangeRecord[];
}

function sourceRecord(source: Source): ExchangeRecord {
  const record: ExchangeRecord = { id: source.slug, title: source.title };
  if (source.url) record.url = source.url;
  if (source.publisher) record.publisher = source.publisher;
  if (source.date) record.date = source.date;
  return record;
}

export function viewRecords(visible: Visible): ViewRecords {
  const slugs = new Map(visible.entities.map((entity) => [entity.id, entity.slug]));
  const sources = new Map<string, ExchangeRecord>();
  const relations = visible.edges.map((edge) => {
    const record: ExchangeRecord = { type: edge.type, from: slugs.get(edge.from.id), to: slugs.get(edge.to.id) };
    const properties = edge.properties ?? {};
    for (const field of relationFieldOrder)
      if (properties[field] !== undefined && properties[field] !== null) record[field] = properties[field];
    for (const [field, value] of Object.entries(properties)) if (!(field in record) && value !== null) record[field] = value;
    record.sources = edge.sources.map((source) => source.slug);
    // The exchange format requires evidence (externalFacts is gone from it): a server without
    // evidence kinds still marks whole-record outside knowledge, which is EXTERNAL.
    record.evidence = edge.evidence ?? (edge.externalFacts.includes('record') ? 'EXTERNAL' : 'STATED');
    if (edge.basis) record.basis = edge.basis;
    for (const source of edge.sources) sources.set(source.slug, sourceRecord(source));
    return record;
  });
  const order = new Map(collections.map(([label], index) => [label, index]));
  const entities = visible.entities
    .map((entity) => ({ label: entity.__typename, record: { id: entity.slug, name: entity.name } }))
    .sort((a, b) => (order.get(a.label) ?? 99) - (order.get(b.label) ?? 99) || String(a.record.id).localeCompare(String(b.record.id)));
  return { entities, sources: [...sources.values()].sort((a, b) => String(a.id).localeCompare(String(b.id))), relations };
}

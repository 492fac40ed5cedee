/** What the seed validator hands the loader: rows ready for UNWIND, already checked. */

export const entityLabels = [
  'Source',
  'Organization',
  'Person',
  'Tld',
  'Memorandum',
  'Event',
  'Body',
  'Document',
  'Topic',
  'Country',
  'Statement',
  // A disagreement between sources: stored and exchanged like an entity, but not one of the
  // graph's actors or things (no relations, not searched, not an `Entity` in the API).
  'Conflict',
] as const;
export type EntityLabel = (typeof entityLabels)[number];

/** The labels of the API's `Entity` interface: everything but conflicts. */
export const graphEntityLabels = entityLabels.filter((label) => label !== 'Conflict');

const entityLabelSet: ReadonlySet<string> = new Set(entityLabels);
export const isEntityLabel = (value: unknown): value is EntityLabel => typeof value === 'string' && entityLabelSet.has(value);

export const relationTypes = [
  'MANAGES',
  'PARTY_TO',
  'SIGNED',
  'HOLDS_POSITION',
  'MEMBER_OF',
  'PART_OF',
  'PARTICIPATED_IN',
  'COVERS',
  'DISCUSSED',
  'ESTABLISHED_BY',
  'ISSUED',
  'PRESENTED_AT',
  'LOCATED_IN',
  'SERVES_COUNTRY',
  'IDN_COUNTERPART',
  'COOPERATES_WITH',
  'SAID_BY',
  'SAID_AT',
  'ABOUT',
] as const;
export type RelationType = (typeof relationTypes)[number];

const relationTypeSet: ReadonlySet<string> = new Set(relationTypes);
export const isRelationType = (value: unknown): value is RelationType => typeof value === 'string' && relationTypeSet.has(value);

/** A property value Neo4j can store. */
export type PropertyValue = string | number | boolean | string[];

export interface NodeRow {
  id: string;
  label: EntityLabel;
  /** Every stored property but id; absent optional fields are left out, never null. */
  props: Record<string, PropertyValue>;
}

/**
 * A relation's identity, type|from|to|role|title: two relations that differ in any of these are
 * two claims (a second role, a second title), one that differs in nothing else is the same.
 */
export function relationKey(type: string, ends: { from: string; to: string; role?: string | null; title?: string | null }): string {
  return [type, ends.from, ends.to, ends.role ?? '', ends.title ?? ''].join('|');
}

export interface RelationRow {
  /** type|from|to|role|title: what makes two relation records the same claim. */
  key: string;
  type: RelationType;
  from: string;
  to: string;
  props: Record<string, PropertyValue>;
}

export interface SeedGraph {
  nodes: NodeRow[];
  relations: RelationRow[];
}

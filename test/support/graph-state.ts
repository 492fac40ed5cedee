import { createHash } from 'node:crypto';

/** Everything a database holds, as cypher/admin/graph-contents.cypher returns it. */
export interface GraphContents {
  nodes: readonly { id: string; labels: readonly string[]; properties: Readonly<Record<string, unknown>> }[];
  relationships: readonly { type: string; from: string; to: string; properties: Readonly<Record<string, unknown>> }[];
}

/**
 * What "changed nothing" compares: a hash of every node (labels and properties) and every
 * relationship (type, properties and both ends' contents). The counts only make a difference
 * readable in a failure; the hash is what catches an injected `SET n.name = …`.
 */
export interface GraphState {
  nodes: number;
  relationships: number;
  /** The :Change records (the change log), which the hash covers too. */
  changes: number;
  /** sha256, hex. */
  hash: string;
}

/**
 * One text per property value that tells apart what Neo4j tells apart: "1" from 1, [1] from 1,
 * null from "null", a DateTime from the string it prints as. Neo4j properties are scalars,
 * temporal or spatial values, or lists of those; maps are handled anyway, key by key.
 */
export function canonicalValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint') return `number:${String(value)}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(canonicalValue).join(',')}]`;
  if (typeof value === 'object') {
    // A driver value (DateTime, Date, Duration, Point, Integer) prints itself; its class keeps a
    // Date apart from a DateTime of the same text.
    if (typeof value.constructor === 'function' && value.constructor !== Object) return `${value.constructor.name}(${String(value)})`;
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalValue(item)}`).join(',')}}`;
  }
  throw new Error(`a property value of an unexpected kind: ${typeof value}`);
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function canonicalProperties(properties: Readonly<Record<string, unknown>>): string {
  return canonicalValue({ ...properties });
}

/** The state of a graph; independent of elementIds and of the order the rows came in. */
export function stateOf(contents: GraphContents): GraphState {
  const nodeTexts = new Map<string, string>();
  for (const node of contents.nodes) {
    nodeTexts.set(node.id, JSON.stringify([[...node.labels].sort(byCodePoint), canonicalProperties(node.properties)]));
  }
  const end = (id: string): string => {
    const text = nodeTexts.get(id);
    if (text === undefined) throw new Error(`a relationship ends at ${id}, a node the contents do not hold`);
    return text;
  };
  const relationshipTexts = contents.relationships.map((relationship) =>
    JSON.stringify([relationship.type, canonicalProperties(relationship.properties), end(relationship.from), end(relationship.to)]),
  );
  const hash = createHash('sha256')
    .update(JSON.stringify({ nodes: [...nodeTexts.values()].sort(byCodePoint), relationships: relationshipTexts.sort(byCodePoint) }))
    .digest('hex');
  return {
    nodes: contents.nodes.length,
    relationships: contents.relationships.length,
    changes: contents.nodes.filter((node) => node.labels.includes('Change')).length,
    hash,
  };
}

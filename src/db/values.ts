import neo4j from 'neo4j-driver';

/** The audit times every written entity and relationship carries (Neo4j DATETIME values). */
const auditTimes = ['createdAt', 'updatedAt'] as const;

/**
 * A Neo4j DateTime, or epoch milliseconds (what the read statements of cypher/queries return
 * instead: the driver decodes a DATETIME slowly), as a JS Date; anything else as null.
 */
export function toDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value) : null;
  return neo4j.isDateTime(value) ? value.toStandardDate() : null;
}

/**
 * Stored properties with their audit times as JS Dates, so that no driver type travels past the
 * database layer. Changes the freshly read object in place: nothing else holds it yet.
 */
export function withPlainTimes(props: Record<string, unknown>): Record<string, unknown> {
  for (const name of auditTimes) {
    const value = props[name];
    if (value !== undefined && value !== null && !(value instanceof Date)) props[name] = toDate(value);
  }
  return props;
}

import type { StoredEntity } from '../domain/stored-entity.ts';

/** Typed reads of stored properties: the database is schemaless, GraphQL is not. */
export function text(props: Record<string, unknown>, name: string): string | null {
  const value = props[name];
  return typeof value === 'string' ? value : null;
}

export function texts(props: Record<string, unknown>, name: string): string[] {
  const value = props[name];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function integer(props: Record<string, unknown>, name: string): number | null {
  const value = props[name];
  return typeof value === 'number' ? value : null;
}

export function flag(props: Record<string, unknown>, name: string): boolean | null {
  const value = props[name];
  return typeof value === 'boolean' ? value : null;
}

export interface ClaimRecord {
  field: string;
  value: string;
  sources: string[];
}

export function claims(entity: StoredEntity): ClaimRecord[] {
  const raw = text(entity.props, 'claims');
  if (!raw) return [];
  return (JSON.parse(raw) as ClaimRecord[]).map((claim) => ({ field: claim.field, value: String(claim.value), sources: claim.sources }));
}

/**
 * The filters a path search can be asked under: the evidence kinds kept and the kinds of entity
 * left out (the API's `evidence` and `excludeTypes`). Paths found without them drew chains the
 * filters then broke (a hop taken out, its ends left unlinked), while others held.
 */
import type { Filters } from './view.ts';

export interface PathNarrowing {
  /** The evidence kinds a hop may have; null for any. */
  evidence: string[] | null;
  /** The API's EntityType names no entity inside a path may have; COUNTRY unless paths may run through one. */
  excludeTypes: string[];
}

const evidenceKinds = ['STATED', 'INFERRED', 'EXTERNAL'];
/** The schema's EntityType values: a kind of entity the API does not know cannot be asked for. */
const entityTypes = new Set([
  'BODY',
  'CONFLICT',
  'COUNTRY',
  'DOCUMENT',
  'EVENT',
  'MEMORANDUM',
  'ORGANIZATION',
  'PERSON',
  'SOURCE',
  'STATEMENT',
  'TLD',
  'TOPIC',
]);

export function pathNarrowing(filters: Filters, throughCountries: boolean): PathNarrowing {
  const evidence = filters.hiddenEvidence.size === 0 ? null : evidenceKinds.filter((kind) => !filters.hiddenEvidence.has(kind));
  const excluded = new Set([...filters.hiddenEntityTypes].map((type) => type.toUpperCase()).filter((type) => entityTypes.has(type)));
  if (!throughCountries) excluded.add('COUNTRY');
  return { evidence, excludeTypes: [...excluded].sort() };
}

/** The same narrowing as text, to tell when the filters ask for paths the list was not found under. */
export const narrowingKey = (narrowing: PathNarrowing) => JSON.stringify(narrowing);

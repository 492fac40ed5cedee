/**
 * What the ingestion's accepted proposals (ingest.ts) take from the curation writes: the shape of
 * a write's input, and a relation's identity. The rules behind them are in src/services/curation.
 */
export { relationKey } from '../../domain/graph.ts';
export type { Input } from '../../services/curation/records.ts';

/** The read behind `Source.supports`: what one source is cited for, a page at a time. */
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import type { EvidenceFilter } from '../../domain/rules.ts';
import type { EntityRow } from '../../domain/stored-entity.ts';
import type { ReadScope } from '../read-scope.ts';
import { graphEntity, relationProperties } from '../rows.ts';
import type { EdgeRecord } from './graph.ts';

/** Where a page of support stands: the entities come first (part 0), then the relationships (1). */
export interface SupportPosition {
  part: 0 | 1;
  /** The entity's slug or the relationship's key. */
  key: string;
}

export type SupportRow = (SupportPosition & { part: 0; entity: EntityRow }) | (SupportPosition & { part: 1; relation: EdgeRecord });

const relationRow = z.object({ id: z.string(), type: z.string(), from: z.string(), to: z.string(), props: relationProperties });

const supportRow = z.union([
  z.object({ part: z.literal(0), key: z.string(), entity: graphEntity, relation: z.null() }),
  z.object({ part: z.literal(1), key: z.string(), entity: z.null(), relation: relationRow }),
]);

const supportPage = z.object({ total: z.number(), rows: z.array(supportRow) });

export interface SupportPage {
  rows: SupportRow[];
  /** How many records cite the source in all; null unless asked for. */
  total: number | null;
}

/**
 * Up to `limit` records that cite `source` after `after` (entities in slug order, then
 * relationships in key order); with `withTotal`, also how many there are in all, in the same
 * statement (queries/source-support-page).
 */
export async function loadSupportPage(
  scope: ReadScope,
  request: { source: string; after: SupportPosition | null; limit: number; withTotal: boolean; evidence: EvidenceFilter },
): Promise<SupportPage> {
  const [row] = await scope.read(
    'queries/source-support-page',
    {
      source: request.source,
      quoted: JSON.stringify(request.source),
      afterPart: neo4j.int(request.after?.part ?? 0),
      afterKey: request.after?.key ?? '',
      limit: neo4j.int(request.limit),
      withTotal: request.withTotal,
      evidence: request.evidence,
    },
    supportPage,
  );
  const rows = (row?.rows ?? []).map(
    (entry): SupportRow =>
      entry.part === 0 ? { part: 0, key: entry.key, entity: entry.entity } : { part: 1, key: entry.key, relation: entry.relation },
  );
  return { rows, total: request.withTotal ? (row?.total ?? 0) : null };
}

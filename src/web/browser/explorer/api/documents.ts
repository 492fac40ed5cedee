/**
 * The explorer's GraphQL documents: static text from ./documents, each with the fragments it
 * uses (GraphQL refuses unused ones). Only the edge fragment varies, with or without the
 * evidence kind, as the server allows (capabilities.ts).
 */
import conflicts from './documents/conflicts.graphql';
import edge from './documents/edge.graphql';
import edgeWithEvidence from './documents/edge-with-evidence.graphql';
import entities from './documents/entities.graphql';
import entity from './documents/entity.graphql';
import entitySummary from './documents/entity-summary.graphql';
import evidenceProbe from './documents/evidence-probe.graphql';
import neighborhood from './documents/neighborhood.graphql';
import paths from './documents/paths.graphql';
import search from './documents/search.graphql';
import sourceSummary from './documents/source-summary.graphql';

export interface Documents {
  search: string;
  neighborhood: string;
  entities: string;
  paths: string;
  entity: string;
  conflicts: string;
}

export const evidenceProbeDocument = evidenceProbe;

export function documents(options: { evidence: boolean }): Documents {
  const edgeFields = options.evidence ? edgeWithEvidence : edge;
  const join = (...parts: string[]) => parts.join('\n');
  return {
    search: join(search, entitySummary),
    neighborhood: join(neighborhood, entitySummary, edgeFields, sourceSummary),
    entities: join(entities, entitySummary),
    paths: join(paths, entitySummary, edgeFields, sourceSummary),
    entity: join(entity, entitySummary, sourceSummary),
    conflicts: join(conflicts, sourceSummary, edgeFields),
  };
}

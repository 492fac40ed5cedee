/**
 * The explorer's GraphQL documents: static text from ./documents, each with the fragments it
 * uses (GraphQL refuses unused ones). Only the edge fragment varies, with or without the
 * evidence kind, as the server allows (capabilities.ts).
 */
import acceptProposal from './documents/accept-proposal.graphql';
import conflicts from './documents/conflicts.graphql';
import curateCheck from './documents/curate-check.graphql';
import edge from './documents/edge.graphql';
import edgeWithEvidence from './documents/edge-with-evidence.graphql';
import entities from './documents/entities.graphql';
import entity from './documents/entity.graphql';
import entitySummary from './documents/entity-summary.graphql';
import evidenceProbe from './documents/evidence-probe.graphql';
import ingestMention from './documents/ingest-mention.graphql';
import ingestProposal from './documents/ingest-proposal.graphql';
import ingestProposals from './documents/ingest-proposals.graphql';
import ingestSource from './documents/ingest-source.graphql';
import ingestedSource from './documents/ingested-source.graphql';
import linkMention from './documents/link-mention.graphql';
import neighborhood from './documents/neighborhood.graphql';
import paths from './documents/paths.graphql';
import rejectProposal from './documents/reject-proposal.graphql';
import search from './documents/search.graphql';
import sourceNeighbourhood from './documents/source-neighbourhood.graphql';
import sourceSummary from './documents/source-summary.graphql';
import sourceSupports from './documents/source-supports.graphql';

export interface Documents {
  search: string;
  neighborhood: string;
  sourceNeighbourhood: string;
  entities: string;
  paths: string;
  entity: string;
  conflicts: string;
  sourceSupports: string;
}

export const evidenceProbeDocument = evidenceProbe;

const join = (...parts: string[]) => parts.join('\n');

/** The ingestion page's documents (ingest-api.ts): all of them need a key with the curate scope. */
export const ingestDocuments = {
  curateCheck,
  ingestSource: join(ingestSource, ingestMention, ingestProposal, entitySummary),
  ingestedSource: join(ingestedSource, ingestMention, entitySummary),
  proposals: join(ingestProposals, ingestProposal, entitySummary),
  linkMention: join(linkMention, ingestMention, entitySummary),
  acceptProposal: join(acceptProposal, ingestProposal, entitySummary),
  rejectProposal: join(rejectProposal, ingestProposal, entitySummary),
} as const;

export function documents(options: { evidence: boolean }): Documents {
  const edgeFields = options.evidence ? edgeWithEvidence : edge;
  return {
    search: join(search, entitySummary),
    neighborhood: join(neighborhood, entitySummary, edgeFields, sourceSummary),
    sourceNeighbourhood: join(sourceNeighbourhood, entitySummary, edgeFields, sourceSummary),
    entities: join(entities, entitySummary),
    paths: join(paths, entitySummary, edgeFields, sourceSummary),
    entity: join(entity, entitySummary, sourceSummary),
    conflicts: join(conflicts, sourceSummary, edgeFields),
    sourceSupports: join(sourceSupports, entitySummary),
  };
}

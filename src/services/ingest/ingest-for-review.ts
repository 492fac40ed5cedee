/**
 * Ingesting a source into the review queue (docs/ingestion.md): read it against the graph, store
 * its text, mentions and new proposals, and answer with what waits for review. A dry run answers
 * the same without writing.
 */
import type { TransactionRunner } from '../../db/database.ts';
import type { WriteScope } from '../../db/load.ts';
import type { ReadScope } from '../../db/read-scope.ts';
import { loadMentions, loadProposals, type ProposalRecord } from '../../db/repositories/ingest.ts';
import { analyzeSource, type IngestRequest, queueIngestion, queueRecords } from './ingest.ts';
import type { MatcherCache } from './matchers.ts';
import { dryRunMention, type ReviewMention, storedMention } from './mentions.ts';

/** What ingesting a source found. */
export interface IngestResult {
  source: string;
  /** The stored text (in a dry run, what would be stored): offsets point into it. */
  text: string;
  lang: string;
  dryRun: boolean;
  mentions: ReviewMention[];
  /** The proposals waiting for review; those decided before are counted in alreadyDecided, not repeated. */
  proposals: ProposalRecord[];
  alreadyDecided: number;
}

/** What ingesting needs of its caller: the matchers, the request's reads, and a write transaction as the calling key. */
export interface IngestContext {
  matchers: MatcherCache;
  reads: ReadScope;
  write: (work: (tx: TransactionRunner, scope: WriteScope) => Promise<void>) => Promise<void>;
}

/** Ingests a source into the review queue; `at` names a request field in a problem (e.g. "input.published"). */
export async function ingestForReview(
  context: IngestContext,
  request: IngestRequest & { dryRun: boolean },
  at: (field: string) => string,
): Promise<IngestResult> {
  const ingestion = await analyzeSource(context.matchers, request, at);
  const { analysis } = ingestion;
  if (request.dryRun) {
    const records = queueRecords(ingestion.slug, analysis);
    const now = null;
    return {
      source: ingestion.slug,
      text: ingestion.text,
      lang: analysis.source.lang,
      dryRun: true,
      mentions: analysis.mentions.map(dryRunMention),
      proposals: records.proposals.map((proposal) => ({
        ...proposal,
        source: ingestion.slug,
        status: 'PENDING',
        reason: null,
        decidedBy: null,
        decidedAt: now,
        createdAt: now,
        acceptedAs: null,
        operation: null,
        evidenceText: ingestion.text.slice(proposal.start, proposal.end),
      })),
      alreadyDecided: 0,
    };
  }
  await context.write((tx, scope) => queueIngestion(tx, ingestion, scope.by));
  const ids = [...new Set(analysis.proposals.map((proposal) => proposal.fingerprint))];
  const stored = await loadProposals(context.reads, ids);
  const mentions = await loadMentions(context.reads, ingestion.slug);
  return {
    source: ingestion.slug,
    text: ingestion.text,
    lang: analysis.source.lang,
    dryRun: false,
    mentions: mentions.map(storedMention),
    proposals: stored.filter((proposal) => proposal.status === 'PENDING'),
    alreadyDecided: stored.filter((proposal) => proposal.status !== 'PENDING').length,
  };
}

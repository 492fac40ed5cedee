/**
 * What the ingestion page asks the API: ingest an article, re-read a stored one, link its
 * mentions and decide its proposals. Every question needs a key with the curate scope, sent as
 * the API's Bearer token; the key lives in this object and in sessionStorage (api-key.ts), never
 * in the address.
 */
import { createClient } from './api/client.ts';
import { ingestDocuments } from './api/documents.ts';
import {
  acceptProposalAnswer,
  curateCheckAnswer,
  type IngestMention,
  ingestedSourceAnswer,
  ingestSourceAnswer,
  linkMentionAnswer,
  type Proposal,
  type ProposalsAnswer,
  proposalsAnswer,
  rejectProposalAnswer,
} from './api/ingest-shapes.ts';

export interface IngestRequest {
  content: string;
  /** Null: the server decides (HTML when the content starts like an HTML document). */
  format: 'TEXT' | 'HTML' | null;
  title?: string;
  url?: string;
  published?: string;
  publisher?: string;
  lang?: string;
  dryRun: boolean;
}

/** An ingested source as the page shows it: the stored text and what was found in it. */
export interface Review {
  source: string;
  text: string;
  lang: string;
  /** True for a dry run: nothing is stored, so nothing can be linked or decided. */
  dryRun: boolean;
  /** Proposals of this text decided before this ingestion (the server does not repeat them). */
  alreadyDecided: number;
  mentions: IngestMention[];
  proposals: Proposal[];
}

/** A curator's corrections, as ProposalEditsInput takes them (only the fields the page offers). */
export interface ProposalEdits {
  from?: string;
  to?: string;
  title?: string;
  role?: string;
  date?: string;
  name?: string;
  slug?: string;
  summary?: string;
  fields?: Record<string, unknown>;
}

export interface IngestApi {
  /** Asks for something only the curate scope may read: throws the server's refusal (ApiError) if the key lacks it. */
  checkKey(): Promise<void>;
  ingest(request: IngestRequest): Promise<Review>;
  /** A stored source's review as it stands now (every proposal, decided ones included); null when none has this slug. */
  review(source: string): Promise<Review | null>;
  linkMention(mention: string, entity: string): Promise<IngestMention>;
  accept(id: string, edits: ProposalEdits): Promise<Proposal>;
  reject(id: string, reason: string | null): Promise<Proposal>;
}

/** Proposals are read a page of the API's largest at a time; a review longer than this many pages is cut. */
const proposalPageSize = 100;
const maxProposalPages = 20;

const blankless = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

export function connectIngestApi(endpoint: string, apiKey: string | null): IngestApi {
  const client = createClient(endpoint, apiKey ? { apiKey } : {});
  return {
    async checkKey() {
      await client.request(ingestDocuments.curateCheck, {}, curateCheckAnswer);
    },
    async ingest(request) {
      const input = {
        content: request.content,
        ...(request.format ? { format: request.format } : {}),
        title: blankless(request.title),
        url: blankless(request.url),
        published: blankless(request.published),
        publisher: blankless(request.publisher),
        lang: blankless(request.lang),
        dryRun: request.dryRun,
      };
      const answer = (await client.request(ingestDocuments.ingestSource, { input }, ingestSourceAnswer)).ingestSource;
      return {
        source: answer.source,
        text: answer.text,
        lang: answer.lang,
        dryRun: answer.dryRun,
        alreadyDecided: answer.alreadyDecided,
        mentions: answer.mentions,
        proposals: answer.proposals,
      };
    },
    async review(source) {
      const stored = await client.request(ingestDocuments.ingestedSource, { slug: source }, ingestedSourceAnswer);
      if (!stored.ingestedSource) return null;
      const proposals: Proposal[] = [];
      let after: string | null = null;
      for (let page = 0; page < maxProposalPages; page++) {
        const answer: ProposalsAnswer = await client.request(
          ingestDocuments.proposals,
          { source, first: proposalPageSize, after },
          proposalsAnswer,
        );
        proposals.push(...answer.proposals.edges.map((edge) => edge.node));
        if (!answer.proposals.pageInfo.hasNextPage) break;
        after = answer.proposals.pageInfo.endCursor;
      }
      // The queue is in id order; the page reads them in the order of the text.
      proposals.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
      return {
        source,
        text: stored.ingestedSource.text,
        lang: stored.ingestedSource.lang,
        dryRun: false,
        alreadyDecided: 0,
        mentions: stored.mentions,
        proposals,
      };
    },
    async linkMention(mention, entity) {
      return (await client.request(ingestDocuments.linkMention, { mention, entity }, linkMentionAnswer)).linkMention.mention;
    },
    async accept(id, edits) {
      const given = Object.fromEntries(Object.entries(edits).filter(([, value]) => value !== undefined && value !== ''));
      const variables = Object.keys(given).length > 0 ? { id, edits: given } : { id };
      return (await client.request(ingestDocuments.acceptProposal, variables, acceptProposalAnswer)).acceptProposal.proposal;
    },
    async reject(id, reason) {
      return (await client.request(ingestDocuments.rejectProposal, { id, reason }, rejectProposalAnswer)).rejectProposal.proposal;
    },
  };
}

import { createHash } from 'node:crypto';
import type { TransactionRunner } from '../../db/database.ts';
import { type QueuedProposal, relationsCiting, type StoredMention, writeQueue } from '../../db/repositories/ingest.ts';
import { partialDateProblem } from '../../domain/dates.ts';
import { BadUserInputError, type InputProblem } from '../../domain/errors.ts';
import { isRelationType } from '../../domain/graph.ts';
import { type Analysis, analyzeText } from '../../domain/ingest/analyze.ts';
import type { ClaimEnd } from '../../domain/ingest/claims.ts';
import { detectLanguage, looksLikeHtml, reduceToText, type SourceFormat, type SourceLanguage } from '../../domain/ingest/source-text.ts';
import type { MatcherCache } from './matchers.ts';
import { proposalProperties, proposedRelationKey } from './review.ts';

/** What is ingested: the content as sent, and what its sender knows about it. */
export interface IngestRequest {
  content: string;
  /** Omitted: HTML when it starts like an HTML document, plain text otherwise. */
  format?: SourceFormat | null;
  url?: string | null;
  title?: string | null;
  /** A partial date: "2021", "2021-02", "2021-02-03". */
  published?: string | null;
  publisher?: string | null;
  lang?: string | null;
  /** The Source's slug; omitted: one made from the text, so the same text is the same source. */
  slug?: string | null;
}

export interface Ingestion {
  /** The text as stored with the source: every offset points into it. */
  text: string;
  slug: string;
  analysis: Analysis;
}

// Longest content taken: a long report, not a book. Bounded so that one request cannot hold the
// matcher for long.
export const maxContentLength = 2_000_000;

/** The request's problems, each under the argument path `at` names (e.g. "input.published" or "--published"). */
export function ingestProblems(request: IngestRequest, at: (field: string) => string): InputProblem[] {
  const problems: InputProblem[] = [];
  if (request.content.trim() === '') problems.push({ field: at('content'), message: 'empty: there is no text to ingest' });
  if (request.content.length > maxContentLength) {
    problems.push({ field: at('content'), message: `${request.content.length} characters: at most ${maxContentLength} are taken` });
  }
  if (request.published) {
    const problem = partialDateProblem(request.published);
    if (problem) problems.push({ field: at('published'), message: problem });
  }
  if (request.lang && request.lang !== 'en' && request.lang !== 'ru') {
    problems.push({ field: at('lang'), message: `"${request.lang}": the ingestion reads "en" and "ru"` });
  }
  if (request.slug && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(request.slug)) {
    problems.push({ field: at('slug'), message: `"${request.slug}" is not a slug (lower-case letters, digits, single hyphens)` });
  }
  return problems;
}

/** The slug of a source ingested without one: the same text always gets the same slug. */
export function sourceSlugOf(text: string): string {
  return `src-ingest-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
}

/** Reads a source against the current graph; writes nothing. */
export async function analyzeSource(
  matchers: MatcherCache,
  request: IngestRequest,
  at: (field: string) => string = (field) => field,
): Promise<Ingestion> {
  const problems = ingestProblems(request, at);
  if (problems.length > 0) throw BadUserInputError.of(problems);
  const format = request.format ?? (looksLikeHtml(request.content) ? 'html' : 'text');
  const text = reduceToText(request.content, format);
  const lang: SourceLanguage = request.lang === 'en' || request.lang === 'ru' ? request.lang : detectLanguage(text);
  const matcher = await matchers.current();
  const analysis = analyzeText(
    text,
    {
      title: request.title ?? null,
      url: request.url ?? null,
      published: request.published ?? null,
      publisher: request.publisher ?? null,
      lang,
    },
    matcher,
  );
  return { text, slug: request.slug ?? sourceSlugOf(text), analysis };
}

const end = (ref: ClaimEnd | null) =>
  ref === null
    ? { slug: null, name: null, type: null }
    : 'slug' in ref
      ? { slug: ref.slug, name: null, type: null }
      : { slug: null, name: ref.name, type: ref.type };

/** The review queue's records of an analysis: mentions by their offsets, proposals by their fingerprints. */
export function queueRecords(slug: string, analysis: Analysis): { mentions: StoredMention[]; proposals: QueuedProposal[] } {
  const proposalOf = new Map(analysis.proposedMentions.map(({ start, end, proposal }) => [`${start}-${end}`, proposal]));
  return {
    mentions: analysis.mentions.map((mention) => ({
      id: `${slug}:${mention.start}-${mention.end}`,
      source: slug,
      start: mention.start,
      end: mention.end,
      entity: mention.entity?.slug ?? null,
      candidates: JSON.stringify(mention.candidates.map(({ slug: candidate, score }) => ({ slug: candidate, score }))),
      proposal: mention.entity ? null : (proposalOf.get(`${mention.start}-${mention.end}`) ?? null),
    })),
    proposals: analysis.proposals.map((proposal) => {
      const from = end(proposal.from);
      const to = end(proposal.to);
      return {
        id: proposal.fingerprint,
        kind: proposal.kind,
        type: proposal.type,
        fromSlug: from.slug,
        fromName: from.name,
        fromType: from.type,
        toSlug: to.slug,
        toName: to.name,
        toType: to.type,
        properties: JSON.stringify(proposal.properties),
        evidence: proposal.evidence,
        basis: proposal.basis,
        start: proposal.span.start,
        end: proposal.span.end,
        confidence: proposal.confidence,
      };
    }),
  };
}

/**
 * The relation proposals whose claim the graph has already, citing this source (accepted from
 * another of its proposals, or written by hand): proposing them again would ask a curator to
 * decide what is decided.
 */
async function claimsInGraph(tx: TransactionRunner, source: string, proposals: readonly QueuedProposal[]): Promise<Set<string>> {
  const wanted = new Map<string, { key: string; type: string; from: string }>();
  for (const proposal of proposals) {
    if (proposal.kind !== 'relation' || !proposal.fromSlug || !proposal.toSlug || !isRelationType(proposal.type)) continue;
    const properties = proposalProperties(proposal);
    const key = proposedRelationKey(proposal.type, {
      from: proposal.fromSlug,
      to: proposal.toSlug,
      role: properties.role,
      title: properties.title,
    });
    wanted.set(proposal.id, { key, type: proposal.type, from: proposal.fromSlug });
  }
  if (wanted.size === 0) return new Set();
  const citing = await relationsCiting(tx, source, [...wanted.values()]);
  return new Set([...wanted].filter(([, identity]) => citing.has(identity.key)).map(([id]) => id));
}

/** Stores the text, mentions and new proposals of an ingestion for review (idempotent). */
export async function queueIngestion(tx: TransactionRunner, ingestion: Ingestion, by: string): Promise<void> {
  const queued = queueRecords(ingestion.slug, ingestion.analysis);
  const inGraph = await claimsInGraph(tx, ingestion.slug, queued.proposals);
  const records = { ...queued, proposals: queued.proposals.filter((proposal) => !inGraph.has(proposal.id)) };
  const { source } = ingestion.analysis;
  await writeQueue(tx, {
    source: ingestion.slug,
    text: ingestion.text,
    lang: source.lang,
    title: source.title,
    url: source.url,
    published: source.published,
    publisher: source.publisher,
    by,
    ...records,
  });
}

/** The dry-run answer: the shape, with each mention's text and no internal fields. */
export function dryRunShape(analysis: Analysis) {
  return {
    source: { title: analysis.source.title, url: analysis.source.url, published: analysis.source.published, lang: analysis.source.lang },
    mentions: analysis.mentions,
    proposals: analysis.proposals.map(({ kind, type, from, to, properties, evidence, basis, span, confidence }) => ({
      kind,
      type,
      from,
      to,
      properties,
      evidence,
      basis,
      span,
      confidence,
    })),
  };
}

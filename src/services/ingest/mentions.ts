/**
 * The names an ingestion found, as the review queue shows them, and a curator's link of one to
 * an entity.
 */

import { z } from 'zod';
import type { TransactionRunner } from '../../db/database.ts';
import { linkMention, type MentionRecord } from '../../db/repositories/ingest.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Mention } from '../../domain/ingest/analyze.ts';

/** A mention of the review queue; a dry run's have no id, being stored nowhere. */
export interface ReviewMention {
  id: string | null;
  text: string;
  start: number;
  end: number;
  entity: string | null;
  candidates: { slug: string; score: number }[];
}

const candidatesJson = z.array(z.object({ slug: z.string(), score: z.number() }));

/** A stored mention, its candidates read from their stored JSON. */
export const storedMention = (record: MentionRecord): ReviewMention => ({
  id: record.id,
  text: record.text ?? '',
  start: record.start,
  end: record.end,
  entity: record.entity,
  candidates: candidatesJson.parse(JSON.parse(record.candidates)),
});

/** A mention of an analysis that a dry run does not store. */
export const dryRunMention = (mention: Mention): ReviewMention => ({
  id: null,
  text: mention.text,
  start: mention.start,
  end: mention.end,
  entity: mention.entity?.slug ?? null,
  candidates: mention.candidates.map(({ slug, score }) => ({ slug, score })),
});

/**
 * Links (or re-links) a stored mention to an entity, as `by`. The entity is the current slug of
 * one the caller resolved (src/schema/references.ts), which answers its own NOT_FOUND naming
 * "entity": what is missing here is the mention.
 */
export async function linkMentionTo(
  tx: TransactionRunner,
  request: { mention: string; entity: string; by: string },
): Promise<ReviewMention> {
  const linked = await linkMention(tx, { id: request.mention, entity: request.entity, by: request.by });
  if (!linked) {
    throw new NotFoundError(`"mention": there is no mention "${request.mention}"`, { argument: 'mention' });
  }
  return storedMention(linked);
}

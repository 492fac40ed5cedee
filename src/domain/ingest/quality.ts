import { z } from 'zod';
import type { Analysis } from './analyze.ts';
import type { ClaimEnd } from './claims.ts';
import { tokenize } from './tokens.ts';

const goldEnd = z.union([z.object({ slug: z.string() }), z.object({ name: z.string(), type: z.string() })]);

/** A test article's hand-made annotations (test/ingest/articles/*.gold.json). */
export const goldAnnotations = z.object({
  lang: z.enum(['en', 'ru']),
  mentions: z.array(
    z.object({ text: z.string(), start: z.number(), end: z.number(), slug: z.string().nullable(), type: z.string().optional() }),
  ),
  relations: z.array(z.object({ type: z.string(), from: goldEnd, to: goldEnd.nullable(), properties: z.record(z.string(), z.string()) })),
});
export type GoldAnnotations = z.infer<typeof goldAnnotations>;

/** The kinds of new names the ingestion proposes; places and the like are annotated but not scored. */
const proposedTypes = new Set(['Person', 'Organization', 'Body', 'Event', 'Document']);

export interface Tally {
  linkedRight: number;
  linkedAll: number;
  goldLinked: number;
  newFound: number;
  goldNew: number;
  /** Entity proposals that name a new thing of the gold (a name of the text the graph lacks), and all of them. */
  newProposedRight: number;
  newProposed: number;
  relationsRight: number;
  relationsAll: number;
  goldRelations: number;
}

export const emptyTally = (): Tally => ({
  linkedRight: 0,
  linkedAll: 0,
  goldLinked: 0,
  newFound: 0,
  goldNew: 0,
  newProposedRight: 0,
  newProposed: 0,
  relationsRight: 0,
  relationsAll: 0,
  goldRelations: 0,
});

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

const words = (name: string) => new Set(tokenize(name).map((token) => token.key));

/**
 * Whether a proposed end is the gold one: the same slug; or, for a name the graph does not have,
 * the same type and a word in common (the gold names an unnamed memorandum just "memorandum").
 */
function sameEnd(proposed: ClaimEnd | null, gold: ClaimEnd | null): boolean {
  if (gold === null) return true;
  if (proposed === null) return false;
  if ('slug' in gold) return 'slug' in proposed && proposed.slug === gold.slug;
  if ('slug' in proposed || proposed.type !== gold.type) return false;
  const goldWords = words(gold.name);
  return [...words(proposed.name)].some((word) => goldWords.has(word));
}

/**
 * Scores one article. A linked mention is right when it overlaps a gold mention of the same
 * entity; a new name is found when a mention without entity overlaps it. A relation is right
 * when its type and both ends agree with a gold relation not already matched; a statement needs
 * its speaker right (what it is about is the curator's to write).
 */
export function scoreArticle(analysis: Analysis, gold: GoldAnnotations, tally: Tally): void {
  const linked = analysis.mentions.filter((mention) => mention.entity !== null);
  const goldLinked = gold.mentions.filter((mention) => mention.slug !== null);
  tally.linkedAll += linked.length;
  tally.goldLinked += goldLinked.length;
  tally.linkedRight += linked.filter((mention) => goldLinked.some((g) => overlaps(g, mention) && g.slug === mention.entity?.slug)).length;
  const goldNew = gold.mentions.filter((mention) => mention.slug === null && proposedTypes.has(mention.type ?? ''));
  tally.goldNew += goldNew.length;
  tally.newFound += goldNew.filter((g) => analysis.mentions.some((mention) => mention.entity === null && overlaps(g, mention))).length;
  // A proposed entity is right when the gold marks its first mention as a new name, of any type
  // (places too): a name the graph lacks, not a common noun or a known entity missed by the linker.
  // A memorandum the text does not name is no name found: it is scored through its relations.
  const proposedEntities = analysis.proposals.filter((proposal) => proposal.kind === 'entity' && proposal.type !== 'Memorandum');
  tally.newProposed += proposedEntities.length;
  tally.newProposedRight += proposedEntities.filter((proposal) =>
    gold.mentions.some((g) => g.slug === null && overlaps(g, proposal.span)),
  ).length;

  const claims = analysis.proposals.filter((proposal) => proposal.kind !== 'entity');
  const unmatched = [...gold.relations];
  tally.relationsAll += claims.length;
  tally.goldRelations += gold.relations.length;
  for (const claim of claims) {
    const index = unmatched.findIndex(
      (g) => g.type === claim.type && sameEnd(claim.from, g.from) && (claim.kind === 'statement' || sameEnd(claim.to, g.to)),
    );
    if (index >= 0) {
      tally.relationsRight += 1;
      unmatched.splice(index, 1);
    }
  }
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

export function figures(tally: Tally) {
  return {
    linkingPrecision: ratio(tally.linkedRight, tally.linkedAll),
    linkingRecall: ratio(tally.linkedRight, tally.goldLinked),
    newEntityRecall: ratio(tally.newFound, tally.goldNew),
    newEntityPrecision: ratio(tally.newProposedRight, tally.newProposed),
    relationPrecision: ratio(tally.relationsRight, tally.relationsAll),
    relationRecall: ratio(tally.relationsRight, tally.goldRelations),
  };
}

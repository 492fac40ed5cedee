/**
 * The kinds of support the API gives a fact (STATED, INFERRED, EXTERNAL) in words, with the
 * basis of an inferred one: the panels say it beside the fact, so an inference never reads as
 * something a source said.
 */

export const evidenceMeaning: Record<string, string> = {
  STATED: 'the cited source says it',
  INFERRED: 'read from the cited sources, not said in so many words',
  EXTERNAL: 'general knowledge, not in any source',
};

/** "INFERRED: read from the cited sources, not said in so many words. Basis: …" */
export function describeEvidence(evidence: string, basis: string | null | undefined): string {
  const meaning = evidenceMeaning[evidence];
  const said = meaning ? `${evidence}: ${meaning}` : evidence;
  return basis ? `${said}. Basis: ${basis}` : said;
}

/** How a value that is not simply stated is supported, for a short mark beside it. */
export interface ValueSupport {
  evidence: string;
  basis?: string | null;
}

/** "inferred: <basis>", "outside knowledge, not in the sources": the mark beside a value. */
export function supportMark(support: ValueSupport): string {
  if (support.evidence === 'EXTERNAL') return 'outside knowledge, not in the sources';
  const kind = support.evidence.toLowerCase();
  return support.basis ? `${kind}: ${support.basis}` : kind;
}

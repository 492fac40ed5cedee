/**
 * How an accepted proposal cites the article it came from: the ingested source becomes a Source
 * entity on its first acceptance, and a claim the graph already has gains it as one more citation.
 */
import type { TransactionRunner } from '../../db/database.ts';
import { readEntities } from '../../db/repositories/curation.ts';
import { readSourceText, type StoredRelation } from '../../db/repositories/ingest.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Input } from '../curation/records.ts';

/** The citation of the proposal's source: by slug once the Source exists, else the Source given inline (created by this write). */
export async function sourceCitation(tx: TransactionRunner, slug: string): Promise<Input> {
  const [existing] = await readEntities(tx, [slug]);
  if (existing) return { slug };
  const text = await readSourceText(tx, slug);
  if (!text) throw new NotFoundError(`the source "${slug}" of this proposal has no stored text`, { argument: 'id' });
  return {
    source: {
      slug,
      title: text.title ?? `Ingested source ${slug}`,
      language: text.lang,
      ...(text.publisher ? { publisher: text.publisher } : {}),
      ...(text.url ? { url: text.url } : {}),
      ...(text.published ? { date: text.published } : {}),
    },
  };
}

/** A stored relation's input with one more source cited, with its own evidence when it differs. */
export function withCitation(existing: StoredRelation, input: Input, source: string, citation: Input): Input {
  const evidence = existing.evidence ?? 'STATED';
  const own = { evidence: String(input.evidence), ...(input.basis ? { basis: input.basis } : {}) };
  const citations = [
    ...existing.citations.filter((entry) => !(typeof entry === 'object' && entry !== null && 'source' in entry && entry.source === source)),
    ...(own.evidence === evidence ? [] : [{ source, ...own }]),
  ];
  const dated = (existing.date ?? existing.startDate) ? {} : input.date ? { date: input.date } : {};
  return {
    from: input.from,
    to: input.to,
    ...(input.role ? { role: input.role } : {}),
    ...(input.title ? { title: input.title } : {}),
    sources: [...existing.sources.filter((slug) => slug !== source).map((slug) => ({ slug })), citation],
    evidence,
    ...(existing.basis ? { basis: existing.basis } : {}),
    ...(existing.note ? { note: existing.note } : {}),
    ...(existing.onBehalfOf ? { onBehalfOf: existing.onBehalfOf } : input.onBehalfOf ? { onBehalfOf: input.onBehalfOf } : {}),
    ...(existing.date ? { date: existing.date } : {}),
    ...(existing.startDate ? { startDate: existing.startDate } : {}),
    ...(existing.endDate ? { endDate: existing.endDate } : {}),
    ...dated,
    ...(citations.length > 0 ? { citations } : {}),
    ...(existing.provenance.length > 0 ? { provenance: existing.provenance } : {}),
  };
}

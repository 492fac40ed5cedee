import { BadUserInputError } from '../domain/errors.ts';
import {
  type CitationRecord,
  citationsOf,
  claimEvidence,
  type FieldProvenanceRecord,
  fieldProvenanceOf,
  provenanceFieldOf,
} from '../domain/evidence.ts';
import { type Evidence, type EvidenceFilter, evidenceKinds } from '../domain/rules.ts';
import { type EntityRow, type EvidenceSource, hasLabel, type SourceRow } from '../domain/stored-entity.ts';
import { withArticle } from '../domain/text/article.ts';
import { builder, type SharedFieldBuilder } from './builder.ts';
import type { RequestContext } from './context.ts';
import { SourceRef } from './refs.ts';

const evidenceDescriptions: Record<Evidence, string> = {
  STATED: 'The cited source says it.',
  INFERRED:
    "Read from the cited source, though the source does not say it in so many words; `basis` says how it was read, in the project's own words.",
  EXTERNAL: 'General knowledge that no cited source gives (a punycode form, an ISO code, the full name of a registry).',
};

export const EvidenceEnum = builder.enumType('Evidence', {
  description: 'What kind of support a source gives a claim. Strongest first: STATED, INFERRED, EXTERNAL.',
  values: Object.fromEntries(evidenceKinds.map((kind) => [kind, { value: kind, description: evidenceDescriptions[kind] }])) as Record<
    Evidence,
    { value: Evidence; description: string }
  >,
  // A kind of the data's evidence, not of the schema's vocabulary: one outside the three is
  // refused with them (closed-lists.ts), as a kind filter is. The orderBy enums are the schema's,
  // and with introspection off their values are not listed (test/attack).
  extensions: { closedList: true },
});

/** Sources load through the request's entity loader; a missing one is left out. */
async function sourcesOf(context: RequestContext, ids: readonly string[]): Promise<SourceRow[]> {
  const found = await context.loaders.entity.loadMany(ids);
  const sources: SourceRow[] = [];
  for (const entry of found) {
    if (entry instanceof Error) throw entry;
    if (hasLabel(entry, ['Source'])) sources.push(entry);
  }
  return sources;
}

export const CitationRef = builder.objectRef<CitationRecord>('Citation').implement({
  description: 'One source cited for a claim, and the kind of support it gives. Two sources can support one claim in two ways.',
  fields: (t) => ({
    source: t.field({
      type: SourceRef,
      nullable: true,
      description: 'The source cited.',
      resolve: async (citation, _args, context) => (await sourcesOf(context, [citation.source]))[0] ?? null,
    }),
    evidence: t.field({ type: EvidenceEnum, description: 'How this source supports the claim.', resolve: (citation) => citation.evidence }),
    basis: t.string({
      nullable: true,
      description: "For INFERRED: how the claim is read from this source, in the project's own words.",
      resolve: (citation) => citation.basis,
    }),
  }),
});

export const FieldProvenanceRef = builder.objectRef<FieldProvenanceRecord>('FieldProvenance').implement({
  description:
    'Where one value of one field comes from: its sources and the kind of support they give. A field on which sources disagree has one per value.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The field, e.g. "name", "date" or "ascii".' }),
    value: t.exposeString('value', { description: 'The value, as text (a list as JSON).' }),
    evidence: t.field({ type: EvidenceEnum, description: 'The kind of support for this value.', resolve: (entry) => entry.evidence }),
    basis: t.string({
      nullable: true,
      description: "For INFERRED: how the value is read from the sources, in the project's own words.",
      resolve: (entry) => entry.basis,
    }),
    sources: t.field({
      type: [SourceRef],
      description: 'The sources this value comes from (none for general knowledge given without one).',
      resolve: (entry, _args, context) => sourcesOf(context, entry.sources),
    }),
    sourcesFromRecord: t.exposeBoolean('sourcesFromRecord', {
      description:
        "True when the value has no sources of its own and `sources` are the whole record's: each of them cites the record, and not every one need write this value. False for a value its own sources were given for (a date one article gives, a claim, an alias).",
    }),
  }),
});

/** `evidence`, `basis` and `citations` of anything that cites sources: an entity, a relationship. */
export function evidenceFields<Parent>(builderOf: SharedFieldBuilder<Parent>, evidenceOf: (parent: Parent) => EvidenceSource) {
  return {
    evidence: builderOf.field({
      type: EvidenceEnum,
      description: 'The strongest support any of its citations gives: STATED if any source says it, else INFERRED, else EXTERNAL.',
      resolve: (parent: Parent) => claimEvidence(citationsOf(evidenceOf(parent))).evidence,
    }),
    basis: builderOf.string({
      nullable: true,
      description: "When its evidence is INFERRED: how it is read from the sources, in the project's own words.",
      resolve: (parent: Parent) => claimEvidence(citationsOf(evidenceOf(parent))).basis,
    }),
    citations: builderOf.field({
      type: [CitationRef],
      description: 'Each source cited, with the kind of support it gives.',
      resolve: (parent: Parent) => citationsOf(evidenceOf(parent)),
    }),
  };
}

/** The `provenance(field:)` of every entity; a field it does not have is the client's mistake, with the ones it has. */
export function provenanceOf(entity: EntityRow, field: string | null | undefined): FieldProvenanceRecord[] {
  if (field === null || field === undefined) return fieldProvenanceOf(entity.label, entity, null);
  const named = provenanceFieldOf(entity.label, field);
  if ('allowed' in named) {
    throw new BadUserInputError(
      `"field": ${withArticle(entity.label)} has no field ${JSON.stringify(field)}; its fields are ${named.allowed.join(', ')}`,
      { argument: 'field' },
      { allowed: named.allowed },
    );
  }
  // Each entry under the name asked for: "title" of a memorandum, stored as its name.
  return fieldProvenanceOf(entity.label, entity, named.stored).map((entry) => ({ ...entry, field }));
}

/** The `evidence` argument every relation-walking field takes. */
export const evidenceArgDescription =
  'Only relationships with at least one citation of these kinds, e.g. [STATED] for only what the sources say. Absent or null: any.';

const isEvidence = (value: unknown): value is Evidence => evidenceKinds.some((kind) => kind === value);

/** The argument's value as the statements take it: null for any, each kind once (GraphQL has checked the enum). */
export function evidenceFilter(kinds: unknown): EvidenceFilter {
  if (!Array.isArray(kinds)) return null;
  return [...new Set(kinds.filter(isEvidence))];
}

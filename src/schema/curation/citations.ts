import { builder, type Types } from '../builder.ts';
import { EvidenceEnum } from '../evidence.ts';
import { citationsCheck, relationCheck, seedCheck, slugCheck } from './seed-checks.ts';

type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;

/** A claim as the mutations take it: the seed format's claim, with string values. */
export interface ClaimInputShape {
  field: string;
  value: string;
  sources: string[];
  evidence: string;
  basis?: string | null;
}

const basisDescription = "Required with INFERRED: one sentence in the curator's own words saying how this is read from the sources.";

export const ClaimInput = builder.inputType('ClaimInput', {
  description:
    "One source's value for a field where sources disagree (e.g. a second title of a memorandum), with the sources that give it.",
  fields: (t) => ({
    field: t.string({ required: true, description: 'The field the claim is about, e.g. "name"; a field this kind of entity has.' }),
    value: t.field({ type: 'NonEmptyString', required: true, description: 'The value this claim gives.' }),
    sources: t.stringList({
      required: true,
      description: 'Slugs of the sources (already stored, or given inline in this write) that make this claim; at least one.',
      validate: relationCheck('sources'),
    }),
    evidence: t.field({ type: EvidenceEnum, required: true, description: 'How these sources support the value.' }),
    basis: t.field({ type: 'NonEmptyString', description: basisDescription }),
  }),
});

export const CitationEvidenceInput = builder.inputType('CitationEvidenceInput', {
  description: "One cited source that supports the record in another way than the record's own `evidence` says.",
  fields: (t) => ({
    source: t.string({ required: true, description: "The slug of one of the record's sources.", validate: relationCheck('from') }),
    evidence: t.field({ type: EvidenceEnum, required: true, description: 'How this source supports the record.' }),
    basis: t.field({ type: 'NonEmptyString', description: basisDescription }),
  }),
});

export const FieldProvenanceInput = builder.inputType('FieldProvenanceInput', {
  description: "Where one field's value comes from, when not from the record's own sources and evidence (e.g. a punycode form: EXTERNAL).",
  fields: (t) => ({
    field: t.string({ required: true, description: 'A field this input gives a value for, e.g. "ascii" or "date".' }),
    value: t.string({
      description:
        'For a list field such as "aliases": the one value this entry is about (a punycode alias from outside the sources, say); omitted: the whole field.',
    }),
    evidence: t.field({ type: EvidenceEnum, required: true, description: 'How the value is supported.' }),
    basis: t.field({ type: 'NonEmptyString', description: basisDescription }),
    sources: t.stringList({
      description: "Slugs of the sources the value comes from; omitted: the record's own.",
      validate: relationCheck('sources'),
    }),
  }),
});

/** The evidence every record input carries: its kind, its basis, and per-field provenance. */
export function evidenceInputFields(t: InputFields, required = true) {
  return {
    evidence: t.field({
      type: EvidenceEnum,
      required,
      description:
        'How its sources support it: STATED, INFERRED (give a basis) or EXTERNAL. Applies to every source not listed in citations.',
    }),
    basis: t.field({ type: 'NonEmptyString', description: basisDescription }),
    provenance: t.field({
      type: [FieldProvenanceInput],
      description: 'Fields whose values are supported otherwise than the record as a whole (this replaces externalFacts).',
    }),
  };
}

/** When the input name `id` (the slug, while `id` on the read side is the global ID) was deprecated. */
export const slugRenameDate = '2026-12-01';

/**
 * An input's slug, called `slug` as on the read side, and the old name `id`, deprecated for one
 * release: exactly one is needed (the service checks, src/services/curation/records.ts slugProblems).
 */
export function slugFields(t: InputFields, description: string) {
  return {
    slug: t.string({ description, validate: slugCheck }),
    id: t.string({
      description: 'The slug, under its old name.',
      deprecationReason: `Use slug: on the read side, id is the global ID. Deprecated ${slugRenameDate}.`,
      validate: slugCheck,
    }),
  };
}

/** Per-citation exceptions to a record's evidence: two sources can support one claim in two ways. */
export function citationEvidenceField(t: InputFields) {
  return t.field({
    type: [CitationEvidenceInput],
    description: 'Sources that support it in another way than `evidence` says, each with its own kind (and basis).',
  });
}

/** The fields every entity input shares but sources, and a source's too. */
export function describingFields(t: InputFields, collection: string) {
  return {
    aliases: t.field({
      type: ['NonEmptyString'],
      description: 'Other names: abbreviations, spellings in other scripts, other titles. Omitted: none.',
      validate: seedCheck(collection, 'aliases'),
    }),
    description: t.field({
      type: 'NonEmptyString',
      description: "A short note on what this is, in the curator's own words (never a sentence from a source). Omitted: none.",
    }),
    // A source is its own evidence: its kind is optional (STATED when omitted).
    ...evidenceInputFields(t, collection !== 'sources'),
    claims: t.field({
      type: [ClaimInput],
      description: "Values of this record's fields on which sources disagree, each with its own sources.",
    }),
  };
}

export const SourceInput = builder.inputType('SourceInput', {
  description:
    'A source: an article, a report. A source is its own evidence, so it cites nothing. The whole record is replaced: an omitted ' +
    'optional field is removed.',
  fields: (t) => ({
    ...slugFields(t, 'Its slug, e.g. "src-005-some-article". Required.'),
    title: t.field({ type: 'NonEmptyString', required: true, description: "The source's title (also its display name)." }),
    publisher: t.field({ type: 'NonEmptyString', description: 'Who published it.' }),
    date: t.field({
      type: 'PartialDate',
      description: 'When it was published, with the precision known ("2021", "2021-02", "2021-02-15").',
    }),
    language: t.string({ description: 'Its language as a BCP 47 tag, e.g. "en" or "ru".', validate: seedCheck('sources', 'language') }),
    file: t.field({ type: 'NonEmptyString', description: "The file holding its text in the project's shared seeds." }),
    url: t.field({ type: 'URL', description: 'Where it was published: an http(s) URL.' }),
    ...describingFields(t, 'sources'),
  }),
});

export const SourceCitationInput = builder.inputType('SourceCitationInput', {
  description:
    'One source a write cites: either a source already stored (slug), or a source given in full (source), which is upserted in ' +
    'the same transaction. Exactly one of the two (or the deprecated id instead of slug).',
  isOneOf: true,
  fields: (t) => ({
    slug: t.string({ description: 'The slug of a stored source (or of one given inline elsewhere in this write).', validate: slugCheck }),
    id: t.string({
      description: 'The slug of a stored source, under its old name.',
      deprecationReason: `Use slug: on the read side, id is the global ID. Deprecated ${slugRenameDate}.`,
      validate: slugCheck,
    }),
    source: t.field({ type: SourceInput, description: 'A source given in full: created, or replaced if its slug exists.' }),
  }),
});

/** The `sources` field of every entity and relation input. */
export function citationsField(t: InputFields) {
  return t.field({
    type: [SourceCitationInput],
    required: true,
    description: 'The sources that state this: at least one, each a stored source or one given inline.',
    validate: citationsCheck,
  });
}

/**
 * The shape of every seed record (see seed/README.md). These schemas check one record at a
 * time; everything that needs the other records (references, duplicates, labels) lives in
 * validate.ts. Objects are strict, so a misspelt field is an error rather than silently lost.
 */
import { z } from 'zod';
import { partialDateProblem } from './dates.ts';
import { type EntityLabel, type RelationType, relationTypes } from './graph.ts';

export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const slug = z.string().regex(slugPattern, 'expected a slug: lower-case letters and digits joined by single hyphens');

/** Whitespace-only text is as useless as none, and usually a slip. */
const text = z.string().regex(/\S/, 'must not be empty');

const partialDate = z.string().superRefine((value, ctx) => {
  const problem = partialDateProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code in upper case, e.g. "RU"');

/** WHATWG parsing accepts Unicode hosts (https://кц.рф/), which zod's domain pattern refuses. */
function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s/?#]+\S*$/.test(value)) return false;
  return URL.parse(value)?.hostname.includes('.') ?? false;
}

const httpUrl = z.string().superRefine((value, ctx) => {
  if (!isHttpUrl(value)) ctx.addIssue({ code: 'custom', message: `expected an http(s) URL; got ${JSON.stringify(value)}` });
});

const sourceIds = z.array(slug).min(1, 'must cite at least one source');

/**
 * What kind of support a citation gives, strongest first: the source says it; it is read from
 * the source (with a basis saying how); it is general knowledge that no source gives.
 */
export const evidenceKinds = ['STATED', 'INFERRED', 'EXTERNAL'] as const;
export type Evidence = (typeof evidenceKinds)[number];

/** The evidence kinds a query asks for; null for any. */
export type EvidenceFilter = readonly Evidence[] | null;

const evidence = z.enum(evidenceKinds);

/** One sentence in our own words saying how an INFERRED claim is read from its sources. */
const basis = text.optional();

/** A source that supports a record in another way than the record's own `evidence` says. */
const citation = z.strictObject({ source: slug, evidence, basis });

/** Where one field's value comes from, when not from the record's own sources and evidence. */
// `value`: one value of a list field (an alias), when that value is supported otherwise than the
// rest of the list: a TLD's punycode alias is outside knowledge where its other aliases are stated.
const fieldProvenance = z.strictObject({ field: text, value: text.optional(), evidence, basis, sources: sourceIds.optional() });

const claim = z.strictObject({
  field: text,
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())], {
    error: 'expected a string, number, boolean or list of strings',
  }),
  sources: sourceIds,
  evidence,
  basis,
});

/**
 * Whether a source says an entity's list of one relation type, seen from one end, is whole
 * ("the members are …") or partial ("among others", "etc."): stated on the entity whose list it is.
 */
export const completenessDirections = ['out', 'in', 'both'] as const;
const completeness = z.strictObject({
  relation: z.enum(relationTypes),
  direction: z.enum(completenessDirections),
  complete: z.boolean(),
  sources: sourceIds,
  evidence,
  basis,
});
export type CompletenessRecord = z.infer<typeof completeness>;

export const claimFields: readonly string[] = Object.keys(claim.shape);
export const citationFields: readonly string[] = Object.keys(citation.shape);
export const provenanceFields: readonly string[] = Object.keys(fieldProvenance.shape);
export const completenessFields: readonly string[] = Object.keys(completeness.shape);

/** The evidence every record carries: the default for its citations, and the exceptions. */
const evidenceFields = {
  evidence,
  basis,
  citations: z.array(citation).optional(),
  provenance: z.array(fieldProvenance).optional(),
};

/**
 * The slugs an entity was known by before (a rename, later a merge): each keeps resolving to it
 * in every lookup and reference argument. Unique across the graph, and never a current slug.
 */
const formerSlugs = z.array(slug).optional();

const entityFields = {
  id: slug,
  name: text,
  aliases: z.array(text).optional(),
  description: text.optional(),
  sources: sourceIds,
  ...evidenceFields,
  claims: z.array(claim).optional(),
  completeness: z.array(completeness).optional(),
  formerSlugs,
};

export const organizationKinds = [
  'registry',
  'registrar',
  'exchange-point',
  'government-agency',
  'company',
  'association',
  'academic',
  'foundation',
  'telecom-operator',
  'network-operator',
  'ministry',
  'research-center',
  'other',
] as const;

export const tldTypes = ['country-code', 'generic', 'geographic', 'sponsored', 'infrastructure'] as const;

export const eventKinds = ['conference', 'section', 'round-table', 'presentation', 'session', 'meeting', 'request', 'other'] as const;

export const bodyKinds = [
  'international-organization',
  'supporting-organization',
  'constituency',
  'board',
  'general-assembly',
  'working-group',
  'regional-association',
  'community-group',
  'other',
] as const;

export const documentKinds = ['resolution', 'report', 'memorandum-text', 'statement', 'other'] as const;

/** A source is its own evidence, so it has no `sources`; its title serves as its name. */
export const sourceSchema = z.strictObject({
  id: slug,
  title: text,
  publisher: text.optional(),
  date: partialDate.optional(),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a BCP 47 language tag, e.g. "en" or "ru"')
    .optional(),
  file: text.optional(),
  url: httpUrl.optional(),
  aliases: entityFields.aliases,
  description: entityFields.description,
  // A source is its own evidence: what it says of itself (its title) is stated, so only the
  // exceptions (a publisher known from elsewhere) need saying, in provenance.
  evidence: evidence.optional(),
  basis,
  provenance: evidenceFields.provenance,
  claims: entityFields.claims,
  formerSlugs,
});

export const organizationSchema = z.strictObject({
  ...entityFields,
  kind: z.enum(organizationKinds),
  country: countryCode.optional(),
});

export const personSchema = z.strictObject(entityFields);

export const tldSchema = z.strictObject({
  ...entityFields,
  name: z.string().regex(/^\.\S/, 'a TLD name is its Unicode form with the leading dot, e.g. ".рф"'),
  ascii: z.string().regex(/^\.[a-z0-9-]+$/, 'expected the lower-case ASCII form with its dot, e.g. ".xn--p1ai" or ".ru"'),
  type: z.enum(tldTypes).optional(),
  idn: z.boolean().optional(),
  country: countryCode.optional(),
});

export const memorandumSchema = z.strictObject({ ...entityFields, date: partialDate.optional() });

export const eventSchema = z.strictObject({
  ...entityFields,
  kind: z.enum(eventKinds).optional(),
  startDate: partialDate.optional(),
  endDate: partialDate.optional(),
  place: text.optional(),
  edition: z.number().int().min(1, 'must be a positive integer').optional(),
  url: httpUrl.optional(),
});

export const bodySchema = z.strictObject({ ...entityFields, kind: z.enum(bodyKinds).optional() });

export const documentSchema = z.strictObject({
  ...entityFields,
  kind: z.enum(documentKinds).optional(),
  number: text.optional(),
  date: partialDate.optional(),
});

export const topicSchema = z.strictObject(entityFields);

export const countrySchema = z.strictObject({ ...entityFields, code: countryCode });

/** The relationship one side of a conflict stands for, by its identity (type, ends, role, title). */
const conflictRelation = z.strictObject({
  type: z.enum(relationTypes),
  from: slug,
  to: slug,
  role: text.optional(),
  title: text.optional(),
});

/** One side of a disagreement: the value a source gives a field, or the relationship it states. */
const conflictSide = z.strictObject({
  value: text.optional(),
  relation: conflictRelation.optional(),
  sources: sourceIds,
  evidence,
  basis,
});
export type ConflictSide = z.infer<typeof conflictSide>;
export const conflictSideFields: readonly string[] = Object.keys(conflictSide.shape);
export const conflictRelationFields: readonly string[] = Object.keys(conflictRelation.shape);

/**
 * A disagreement between sources (or inside one): what it is about, and each side with its own
 * sources. Its evidence is its sides'; it cites nothing of its own.
 */
export const conflictSchema = z.strictObject({
  id: slug,
  name: text,
  description: text,
  subjects: z.array(slug).min(1, 'must name at least one entity the conflict is about'),
  sides: z.array(conflictSide).min(2, 'a conflict has at least two sides'),
});
/**
 * Something a person or organization said, in our own words: who said it, where and what about
 * are SAID_BY, SAID_AT and ABOUT relations, so each carries its own sources and evidence and the
 * relation connections, filters and paths reach statements like any other entity. `name` is a
 * short heading; `summary` the paraphrase (never the article's sentence); `date` when it was
 * said, with the precision the source gives.
 */
export const statementSchema = z.strictObject({ ...entityFields, summary: text, date: partialDate.optional() });

export interface EntityCollection {
  label: EntityLabel;
  schema: z.ZodType;
  /** Every field a record of this collection may have. */
  fields: readonly string[];
}

function collection(label: EntityLabel, schema: z.ZodObject): EntityCollection {
  return { label, schema, fields: Object.keys(schema.shape) };
}

export const entityCollections: Readonly<Record<string, EntityCollection>> = {
  sources: collection('Source', sourceSchema),
  organizations: collection('Organization', organizationSchema),
  persons: collection('Person', personSchema),
  tlds: collection('Tld', tldSchema),
  memoranda: collection('Memorandum', memorandumSchema),
  events: collection('Event', eventSchema),
  bodies: collection('Body', bodySchema),
  documents: collection('Document', documentSchema),
  topics: collection('Topic', topicSchema),
  countries: collection('Country', countrySchema),
  conflicts: collection('Conflict', conflictSchema),
  statements: collection('Statement', statementSchema),
};

export const relationsCollection = 'relations';

export const relationSchema = z.strictObject({
  type: z.enum(relationTypes),
  from: slug,
  to: slug,
  sources: sourceIds,
  ...evidenceFields,
  note: text.optional(),
  role: text.optional(),
  title: text.optional(),
  onBehalfOf: slug.optional(),
  date: partialDate.optional(),
  startDate: partialDate.optional(),
  endDate: partialDate.optional(),
});

export type RelationRecord = z.infer<typeof relationSchema>;

export const relationFields: readonly string[] = Object.keys(relationSchema.shape);

/** The fields that only some relation types use; dates are allowed on every type. */
export type TypeSpecificField = 'role' | 'title' | 'onBehalfOf';

export interface RelationRule {
  from: readonly EntityLabel[];
  to: readonly EntityLabel[];
  fields: readonly TypeSpecificField[];
  /** When present, the only values `role` may take. */
  roles?: readonly string[];
}

const partyLabels: readonly EntityLabel[] = ['Organization', 'Body'];

/** Who can say something: the actors. */
export const speakerLabels: readonly EntityLabel[] = ['Person', 'Organization', 'Body'];

/** What a statement can be about: any entity but a source or another statement. */
const statementSubjectLabels: readonly EntityLabel[] = [
  'Topic',
  'Person',
  'Organization',
  'Body',
  'Document',
  'Memorandum',
  'Event',
  'Tld',
  'Country',
];

export const relationRules: Readonly<Record<RelationType, RelationRule>> = {
  MANAGES: {
    from: ['Organization'],
    to: ['Tld'],
    fields: ['role'],
    roles: ['registry', 'registrar', 'operator', 'administrator'],
  },
  PARTY_TO: { from: partyLabels, to: ['Memorandum'], fields: [] },
  SIGNED: { from: ['Person'], to: ['Memorandum'], fields: ['onBehalfOf'] },
  HOLDS_POSITION: { from: ['Person'], to: partyLabels, fields: ['title'] },
  MEMBER_OF: { from: ['Organization', 'Country'], to: ['Body', 'Organization'], fields: ['role'] },
  PART_OF: {
    from: ['Body', 'Organization', 'Event'],
    to: ['Body', 'Organization', 'Event'],
    fields: [],
  },
  PARTICIPATED_IN: {
    from: ['Person', 'Organization', 'Body', 'Country'],
    to: ['Event'],
    fields: ['role'],
    roles: [
      'organizer',
      'host',
      'supporter',
      'moderator',
      'speaker',
      'presenter',
      'greeter',
      'participant',
      'exhibitor',
      'requester',
      'recipient',
      'respondent',
    ],
  },
  COVERS: { from: ['Memorandum', 'Document'], to: ['Topic'], fields: [] },
  DISCUSSED: { from: ['Event'], to: ['Topic'], fields: [] },
  ESTABLISHED_BY: { from: ['Body'], to: ['Document'], fields: [] },
  ISSUED: { from: partyLabels, to: ['Document'], fields: [] },
  PRESENTED_AT: { from: ['Document'], to: ['Event'], fields: [] },
  LOCATED_IN: { from: ['Organization', 'Body', 'Event'], to: ['Country'], fields: [] },
  SERVES_COUNTRY: { from: ['Tld'], to: ['Country'], fields: [] },
  IDN_COUNTERPART: { from: ['Tld'], to: ['Tld'], fields: [] },
  COOPERATES_WITH: { from: partyLabels, to: partyLabels, fields: [] },
  SAID_BY: { from: ['Statement'], to: speakerLabels, fields: [] },
  SAID_AT: { from: ['Statement'], to: ['Event'], fields: [] },
  ABOUT: { from: ['Statement'], to: statementSubjectLabels, fields: [] },
};

/**
 * The labels a relationship of this type can have at its other end, seen from an entity: its
 * targets going out, its sources coming in, either going both ways. Every write checks its ends
 * against relationRules, and a merge joins entities of one label only, so no stored relationship
 * reaches beyond these.
 */
export function otherEndLabels(type: RelationType, direction: 'out' | 'in' | 'both'): ReadonlySet<EntityLabel> {
  const rule = relationRules[type];
  if (direction === 'out') return new Set(rule.to);
  if (direction === 'in') return new Set(rule.from);
  return new Set([...rule.from, ...rule.to]);
}

/** Whom a signatory may sign for. */
export const onBehalfOfLabels: readonly EntityLabel[] = partyLabels;

/** Bookkeeping fields: never the subject of a claim or an external fact. */
export const metaFields: ReadonlySet<string> = new Set([
  'id',
  'formerSlugs',
  'sources',
  'evidence',
  'basis',
  'citations',
  'provenance',
  'claims',
  'completeness',
]);

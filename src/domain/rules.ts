/**
 * The shape of every seed record (see seed/README.md). These schemas check one record at a
 * time; everything that needs the other records (references, duplicates, labels) lives in
 * validate.ts. Objects are strict, so a misspelt field is an error rather than silently lost.
 */
import { z } from 'zod';
import { partialDateProblem } from './dates.ts';
import { type EntityLabel, type RelationType, relationTypes } from './graph.ts';

export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The longest text each kind of field takes, in characters as JavaScript counts them (UTF-16 code
 * units). Neo4j refuses a whole transaction whose index key passes about 8 kB (range indexes: the
 * slug constraints, a relationship's key type|from|to|role|title, the name key of every list
 * page), and an unbounded string also makes page cursors and answers as long as itself. The
 * limits sit far above what the seed's longest values need (a 65-character slug, a 111-character
 * alias, a 439-character summary) and far below the index limit: a relationship key of two
 * slugs and a role and a title at their longest, in three-byte characters, is under 2.2 kB.
 */
export const textLimits = {
  /** Slugs: ids, former slugs, the sources cited, a relation's ends. */
  slug: 200,
  /** Names, aliases, titles, roles, places, publishers, numbers, file names, a claim's field. */
  name: 300,
  /** URLs: browsers and servers keep to about 2,000 characters. */
  url: 2000,
  /** Descriptions, summaries, notes, basis sentences, a conflict's description and a side's value. */
  text: 5000,
} as const;

/**
 * A name's key for ordering (src/domain/text/normalize.ts searchKey) is what the page indexes
 * hold. Unicode decomposition can make it longer than the name (one ligature becomes 18
 * letters), so the key itself is bounded too, in UTF-8 bytes, with room left beside it for the
 * kind and the slug of the composite indexes.
 */
export const nameKeyMaxBytes = 4000;

function tooLong(max: number) {
  return { error: (issue: { input?: unknown }) => `too long: at most ${max} characters here; this one has ${lengthOf(issue.input)}` };
}

function lengthOf(value: unknown): number {
  return typeof value === 'string' ? value.length : 0;
}

const slug = z
  .string()
  .max(textLimits.slug, tooLong(textLimits.slug))
  .regex(slugPattern, 'expected a slug: lower-case letters and digits joined by single hyphens');

/** Whitespace-only text is as useless as none, and usually a slip. */
const anyText = z.string().regex(/\S/, 'must not be empty');

/** A name, alias, title, role or other short label. */
const text = anyText.max(textLimits.name, tooLong(textLimits.name));

/** A description, summary, note or basis: sentences in our own words. */
const longText = anyText.max(textLimits.text, tooLong(textLimits.text));

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

const httpUrl = z
  .string()
  .max(textLimits.url, tooLong(textLimits.url))
  .superRefine((value, ctx) => {
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
const basis = longText.optional();

/** A source that supports a record in another way than the record's own `evidence` says. */
const citation = z.strictObject({ source: slug, evidence, basis });

/** Where one field's value comes from, when not from the record's own sources and evidence. */
// `value`: one value of a list field (an alias), when that value is supported otherwise than the
// rest of the list: a TLD's punycode alias is outside knowledge where its other aliases are stated.
const fieldProvenance = z.strictObject({ field: text, value: text.optional(), evidence, basis, sources: sourceIds.optional() });

// The value's own rules are its field's (claimValueSchema, checked in validate.ts once the
// field is known to be the record's); here only what any value of any field obeys.
const claim = z.strictObject({
  field: text,
  value: z.union([longText, z.number(), z.boolean(), z.array(text)], {
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
  description: longText.optional(),
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
    // RFC 5646 asks implementations to take tags of at least 35 characters; no real one is longer.
    .max(35, tooLong(35))
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
  name: text.regex(/^\.\S/, 'a TLD name is its Unicode form with the leading dot, e.g. ".рф"'),
  // A DNS label has at most 63 characters; with its dot, 64.
  ascii: z
    .string()
    .max(64, tooLong(64))
    .regex(/^\.[a-z0-9-]+$/, 'expected the lower-case ASCII form with its dot, e.g. ".xn--p1ai" or ".ru"'),
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
  value: longText.optional(),
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
  description: longText,
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
export const statementSchema = z.strictObject({ ...entityFields, summary: longText, date: partialDate.optional() });

export interface EntityCollection {
  label: EntityLabel;
  schema: z.ZodType;
  /** Every field a record of this collection may have. */
  fields: readonly string[];
  /** What a claim's value must be, by the field it is about (claimValueSchema). */
  claimValues: Readonly<Record<string, z.ZodType>>;
}

function collection(label: EntityLabel, schema: z.ZodObject): EntityCollection {
  const claimValues = Object.fromEntries(Object.entries(schema.shape).map(([field, rule]) => [field, claimValueSchema(field, rule)]));
  return { label, schema, fields: Object.keys(schema.shape), claimValues };
}

/** Every kind of every label: the vocabulary a `kind` claim speaks. */
const graphKinds = [...new Set<string>([...organizationKinds, ...eventKinds, ...bodyKinds, ...documentKinds])];

/**
 * A claim is a value of its field on which sources disagree, so it obeys the field's rules: a
 * date claim is a real partial date, a name claim a name within its length. Beyond the field's
 * own values:
 * - a list field (aliases) takes one entry as well as a whole list: a source gives one more name;
 * - a number or true/false field takes its value written as text, which is all an API claim
 *   (`ClaimInput.value`, a string) can send: "3" for an edition, "true" for an IDN;
 * - a `kind` claim may name the kind of another label: a source may see the thing as another
 *   sort of thing (one article calls ICANN, a body, a company), and that is what the claim keeps.
 */
function claimValueSchema(field: string, rule: z.core.$ZodType): z.ZodType {
  const own = rule instanceof z.ZodOptional ? rule.unwrap() : rule;
  if (field === 'kind' && own instanceof z.ZodEnum) return z.enum(graphKinds);
  if (own instanceof z.ZodArray) return z.union([own.element, own]);
  if (own instanceof z.ZodNumber)
    return z.preprocess((value) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value), own);
  if (own instanceof z.ZodBoolean) return z.preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), own);
  return own instanceof z.ZodType ? own : z.never();
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
  note: longText.optional(),
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
      'commentator',
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

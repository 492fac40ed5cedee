import { z } from 'zod';
import { isEntityLabel } from '../domain/graph.ts';
import { bodyKinds, documentKinds, eventKinds, organizationKinds, tldTypes } from '../domain/rules.ts';
import {
  type ConflictRow,
  citationsIn,
  claimsIn,
  completenessIn,
  conflictSidesIn,
  type EntityRow,
  evidenceIn,
  flagIn,
  isGraphEntity,
  mergedFromIn,
  numberIn,
  oneOf,
  provenanceIn,
  type StoredEntity,
  StoredJsonError,
  textIn,
  textsIn,
  timeIn,
} from '../domain/stored-entity.ts';
import { withPlainTimes } from './values.ts';

/** A row that does not have the shape its statement promises: a bug in the statement or the parser. */
export class RowShapeError extends Error {
  override name = 'RowShapeError';
}

/** Parses every row a statement returned with `row`, naming the statement and the row that does not fit. */
export function parseRows<S extends z.ZodType>(name: string, records: readonly Record<string, unknown>[], row: S): z.output<S>[] {
  return records.map((record, index) => {
    const parsed = row.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RowShapeError(`row ${index} of ${name}: ${issue?.path.join('.') || '(row)'}: ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data;
  });
}

/**
 * Row parts shared by many statements. Every statement's rows are parsed by a zod schema at
 * the boundary (ReadScope.read), so nothing past db/ sees an unchecked driver value.
 */
// A property map is checked as one (a plain object), not key by key: entity rows are the bulk of
// every answer, and z.record's per-key checks cost more than the rest of reading a row.
// What each property holds is read by its label's decoder, not here.
export const isPropertyMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const properties = z.custom<Record<string, unknown>>((value) => isPropertyMap(value), 'expected a map of properties');

/** Why stored properties are no entity's row; `field` names the property at fault, if one is. */
class EntityIssue {
  readonly message: string;
  readonly field: string | undefined;
  constructor(message: string, field?: string) {
    this.message = message;
    this.field = field;
  }
}

/**
 * A node's properties, decoded into its label's row (src/domain/stored-entity.ts): its slug and
 * label checked, its audit times as Dates, its JSON lists parsed. A malformed JSON list fails the
 * row, naming the property. What is wrong instead, for properties that are no entity's.
 */
function decodedOrIssue(props: Record<string, unknown>): StoredEntity | EntityIssue {
  const stored = withPlainTimes(props);
  try {
    return decodeEntity(stored) ?? new EntityIssue(`not an entity: id ${String(stored.id)}, label ${String(stored.label)}`);
  } catch (error) {
    if (!(error instanceof StoredJsonError)) throw error;
    return new EntityIssue(`${error.message} (entity ${String(stored.id)})`, error.field);
  }
}

/** As decodedOrIssue, for an entity of the graph (any label but Conflict). */
function graphEntityOrIssue(props: Record<string, unknown>): EntityRow | EntityIssue {
  const row = decodedOrIssue(props);
  if (row instanceof EntityIssue || isGraphEntity(row)) return row;
  return new EntityIssue(`expected an entity of the graph, got the ${row.label} ${row.id}`);
}

/** The issue as a zod schema reports it. */
function addIssue(context: z.RefinementCtx, issue: EntityIssue): void {
  context.addIssue({ code: 'custom', ...(issue.field === undefined ? {} : { path: [issue.field] }), message: issue.message });
}

function decoded(props: Record<string, unknown>, context: z.RefinementCtx): StoredEntity | null {
  const row = decodedOrIssue(props);
  if (!(row instanceof EntityIssue)) return row;
  addIssue(context, row);
  return null;
}

/**
 * `graphEntity` without zod, for decoders that read an answer's entities in a loop (a planned
 * read's thousands of edges, src/db/planned-read.ts), where a schema's parse per value cost more
 * than the decoding. The error names the value as `field`; the caller adds where it stands.
 */
export function graphEntityIn(value: unknown, field: string): EntityRow {
  if (!isPropertyMap(value)) throw new RowShapeError(`${field}: expected a map of properties`);
  const row = graphEntityOrIssue(value);
  if (row instanceof EntityIssue) throw new RowShapeError(`${field}${row.field === undefined ? '' : `.${row.field}`}: ${row.message}`);
  return row;
}

/** `relationProperties` without zod, as graphEntityIn. */
export function relationPropertiesIn(value: unknown, field: string): Record<string, unknown> {
  if (!isPropertyMap(value)) throw new RowShapeError(`${field}: expected a map of properties`);
  return withPlainTimes(value);
}

/**
 * Decodes each value of a list with `decode`, as the zod-free decoders above do; a RowShapeError
 * from it is given the value's place: `where` and its index ("…, edge 3: other end: …").
 */
export function decodedEach<T>(where: string, values: readonly unknown[], decode: (value: unknown) => T): T[] {
  return values.map((value, index) => {
    try {
      return decode(value);
    } catch (error) {
      if (!(error instanceof RowShapeError)) throw error;
      throw new RowShapeError(`${where} ${index}: ${error.message}`);
    }
  });
}

/** Any entity, a conflict too: what a read by slug returns. */
export const entity = properties.transform((props, context): StoredEntity => decoded(props, context) ?? z.NEVER);

// The narrower rows below decode in the same step rather than piping `entity` into a second
// transform: most statements return graph entities, by the thousand.

/** An entity of the graph (any label but Conflict): what every statement that walks the graph returns. */
export const graphEntity = properties.transform((props, context): EntityRow => {
  const row = graphEntityOrIssue(props);
  if (!(row instanceof EntityIssue)) return row;
  addIssue(context, row);
  return z.NEVER;
});

/** A conflict, as the conflict statements return them. */
export const conflict = properties.transform((props, context): ConflictRow => {
  const row = decoded(props, context);
  if (row === null || row.label === 'Conflict') return row ?? z.NEVER;
  context.addIssue({ code: 'custom', message: `expected a conflict, got the ${row.label} ${row.id}` });
  return z.NEVER;
});

const organizationKind = oneOf(organizationKinds);
const tldType = oneOf(tldTypes);
const eventKind = oneOf(eventKinds);
const bodyKind = oneOf(bodyKinds);
const documentKind = oneOf(documentKinds);

/**
 * One label's row from its stored properties; null when they are no entity's. Hand-written rather
 * than a zod object per label: entity rows are the bulk of every answer (the benchmark's Q3 reads
 * ~2,500 per request), and a typeof per field costs a fraction of a schema's per-key checks. The
 * row types (from the record schemas) make a missed or misspelt field a compile error here.
 * Throws StoredJsonError for a JSON list that does not parse.
 */
export function decodeEntity(stored: Record<string, unknown>): StoredEntity | null {
  const id = stored.id;
  const label = stored.label;
  if (typeof id !== 'string' || !isEntityLabel(label)) return null;
  // One literal for the fields every label shares, then one per label: spreading a finished
  // object first is V8's fast copy, and rows are read by the thousand.
  const shared = {
    id,
    name: textIn(stored.name),
    nameKey: textIn(stored.nameKey),
    dateFrom: textIn(stored.dateFrom),
    dateTo: textIn(stored.dateTo),
    formerSlugs: textsIn(stored.formerSlugs),
    mergedFrom: mergedFromIn(stored),
    createdAt: timeIn(stored.createdAt),
    createdBy: textIn(stored.createdBy),
    updatedAt: timeIn(stored.updatedAt),
    updatedBy: textIn(stored.updatedBy),
    stored,
    description: textIn(stored.description),
    sources: textsIn(stored.sources),
  };
  if (label === 'Conflict') {
    return { ...shared, label, subjects: textsIn(stored.subjects), sides: conflictSidesIn(stored) };
  }
  const entity = {
    ...shared,
    aliases: textsIn(stored.aliases),
    citationEvidence: textsIn(stored.citationEvidence),
    evidence: evidenceIn(stored.evidence),
    basis: textIn(stored.basis),
    citations: citationsIn(stored),
    provenance: provenanceIn(stored),
    claims: claimsIn(stored),
    completeness: completenessIn(stored),
  };
  switch (label) {
    case 'Source':
      return {
        ...entity,
        label,
        title: textIn(stored.title),
        publisher: textIn(stored.publisher),
        date: textIn(stored.date),
        language: textIn(stored.language),
        file: textIn(stored.file),
        url: textIn(stored.url),
      };
    case 'Organization':
      return { ...entity, label, kind: organizationKind(stored.kind), country: textIn(stored.country) };
    case 'Person':
      return { ...entity, label };
    case 'Tld':
      return {
        ...entity,
        label,
        ascii: textIn(stored.ascii),
        type: tldType(stored.type),
        idn: flagIn(stored.idn),
        country: textIn(stored.country),
      };
    case 'Memorandum':
      return { ...entity, label, date: textIn(stored.date) };
    case 'Event':
      return {
        ...entity,
        label,
        kind: eventKind(stored.kind),
        startDate: textIn(stored.startDate),
        endDate: textIn(stored.endDate),
        place: textIn(stored.place),
        edition: numberIn(stored.edition),
        url: textIn(stored.url),
      };
    case 'Body':
      return { ...entity, label, kind: bodyKind(stored.kind) };
    case 'Document':
      return { ...entity, label, kind: documentKind(stored.kind), number: textIn(stored.number), date: textIn(stored.date) };
    case 'Topic':
      return { ...entity, label };
    case 'Country':
      return { ...entity, label, code: textIn(stored.code) };
    case 'Statement':
      return { ...entity, label, summary: textIn(stored.summary), date: textIn(stored.date) };
  }
}

/** A relationship's properties, with its audit times as Dates. */
export const relationProperties = properties.transform((props) => withPlainTimes(props));

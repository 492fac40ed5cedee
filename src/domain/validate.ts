/**
 * Checks records together and turns them into rows for the loader: the records of seed files
 * (npm run seed, an import), each problem reported with its file, line and column, and those of
 * a write through the API (checkRecordsAgainst), already parsed, each problem naming its record
 * and field. The rules are one set, on records: a file's text is only parsed into records first.
 * Nothing is written unless every record is sound, so every problem is collected and reported
 * at once.
 *
 * The work is arranged for very large seeds (a million records): JSON.parse does the
 * parsing, each record is checked once by its zod schema, cross-references go through one
 * id map, and positions in the text are looked up only when there is something to report.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { dateEvidenceOf } from './date-evidence.ts';
import { type DateRange, dateRange, endsBeforeStart } from './dates.ts';
import { GovgraphError } from './errors.ts';
import { valueEvidenceOf } from './evidence.ts';
import { type EntityLabel, type NodeRow, type PropertyValue, type RelationRow, relationKey, type SeedGraph } from './graph.ts';
import { describeSyntaxError, documentOrder, type JsonPath, locatePaths, type Position, pathKey } from './positions.ts';
import {
  type CompletenessRecord,
  type ConflictSide,
  citationFields,
  claimFields,
  completenessFields,
  conflictRelationFields,
  conflictSideFields,
  type EntityCollection,
  type Evidence,
  entityCollections,
  metaFields,
  nameKeyMaxBytes,
  onBehalfOfLabels,
  provenanceFields,
  type RelationRecord,
  type RelationRule,
  relationFields,
  relationRules,
  relationSchema,
  relationsCollection,
  type TypeSpecificField,
} from './rules.ts';
import { withArticle } from './text/article.ts';
import { searchKey } from './text/normalize.ts';
import { searchForms } from './text/search-forms.ts';

export interface SeedFile {
  path: string;
  text: string;
  /** Set for a file in another format than JSON (CSV): its records, already read from the text. */
  parsed?: ParsedSeedFile;
}

/**
 * The records of a file that is not JSON, as the collections a JSON seed file would hold, and
 * how to find them in its text. Positions are found only for what is reported, as for JSON.
 */
export interface ParsedSeedFile {
  /** Collection name → records, as in a JSON seed file. */
  collections: Record<string, unknown[]>;
  /** What the format itself found wrong (a bad header, an unknown label), already placed. */
  problems: DisplayedSeedProblem[];
  /** The position of each path ([collection, index, field, …]) in the text, keyed by pathKey. */
  locate(paths: readonly JsonPath[]): Map<string, Position>;
  /** How a report names a record, e.g. "row 12" (by default "organizations[3]"). */
  describe?(collection: string, index: number): string;
}

export interface SeedProblem {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** The record's id, or "relations[12]" (or "organizations[3]" for a record without a usable id). */
  record?: string;
  /** The field inside the record, e.g. "date" or "sources[0]". */
  field?: string;
  message: string;
}

/** A problem with how to name its record in a report, e.g. 'organizations[3] (id "msk-ix")'. */
export type DisplayedSeedProblem = SeedProblem & { where?: string };

const maxShownProblems = 50;

/** Seed files (or an import's body) refused: BAD_USER_INPUT, every problem in `problems`. */
export class SeedValidationError extends GovgraphError {
  readonly problems: SeedProblem[];

  constructor(problems: readonly DisplayedSeedProblem[]) {
    const listed = problems.map(({ where: _where, ...problem }) => problem);
    super('BAD_USER_INPUT', formatProblems(problems), { details: { problems: listed } });
    this.problems = listed;
  }
}

function formatProblems(problems: readonly DisplayedSeedProblem[]): string {
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  const lines = problems.slice(0, maxShownProblems).map(formatProblem);
  if (problems.length > maxShownProblems) lines.push(`…and ${problems.length - maxShownProblems} more`);
  return `the seed files have ${count}:\n${lines.join('\n')}`;
}

export function formatProblem(problem: DisplayedSeedProblem): string {
  const subject = [problem.where ?? problem.record, problem.field === undefined ? undefined : `field "${problem.field}"`]
    .filter((part) => part !== undefined)
    .join(' ');
  const place = `${problem.file}:${problem.line}:${problem.column}`;
  return subject ? `${place}: ${subject}: ${problem.message}` : `${place}: ${problem.message}`;
}

/** Every *.json file of a folder, in name order (code-unit order, so it is the same everywhere). */
export async function readSeedFolder(dir: string): Promise<SeedFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => entry.name)
    .sort();
  return Promise.all(names.map((name) => readSeedFile(path.join(dir, name))));
}

export async function readSeedFile(filePath: string): Promise<SeedFile> {
  return { path: filePath, text: await readFile(filePath, 'utf8') };
}

// ---------------------------------------------------------------------------------------
// State of one validation run

type JsonObject = Record<string, unknown>;

interface RecordAt {
  /** The group it came in (a collection of one seed file, one record of an API write) and its index there. */
  group: number;
  collection: string;
  index: number;
  record: JsonObject;
  /**
   * The record's fields that passed its schema: the record itself when all did. The checks
   * across records look only at these, so a bad field is reported once, not again as a bad
   * reference, while the record's sound fields are still checked.
   */
  usable: JsonObject;
}

interface EntityAt extends RecordAt {
  id: string | undefined;
  label: EntityLabel;
  kind: EntityCollection;
}

interface Claim {
  field: string;
  value: PropertyValue;
  sources: string[];
  evidence: Evidence;
  basis?: string;
}

interface Citation {
  source: string;
  evidence: Evidence;
  basis?: string;
}

interface FieldProvenance {
  field: string;
  value?: string;
  evidence: Evidence;
  basis?: string;
  sources?: string[];
}

/** The evidence fields every record has (rules.ts evidenceFields), once its schema accepted them. */
interface EvidenceFields {
  sources?: string[];
  evidence?: Evidence;
  basis?: string;
  citations?: Citation[];
  provenance?: FieldProvenance[];
  claims?: Claim[];
  completeness?: CompletenessRecord[];
  sides?: ConflictSide[];
}

type ConflictRelation = NonNullable<ConflictSide['relation']>;

/** An entity record once its schema accepted it. */
interface CheckedEntity {
  id: string;
  formerSlugs?: string[];
  name?: string;
  title?: string;
  aliases?: string[];
  sources?: string[];
  evidence?: Evidence;
  basis?: string;
  citations?: Citation[];
  provenance?: FieldProvenance[];
  claims?: Claim[];
  completeness?: CompletenessRecord[];
  subjects?: string[];
  sides?: ConflictSide[];
  ascii?: string;
  code?: string;
  date?: string;
  startDate?: string;
  endDate?: string;
  [field: string]: PropertyValue | Claim[] | Citation[] | FieldProvenance[] | CompletenessRecord[] | ConflictSide[] | undefined;
}

/** A problem found in a record, before it is placed (in a file's text, or at an argument path). */
interface Finding {
  group: number;
  index: number;
  /** The field inside the record; empty for the record as a whole. */
  path: JsonPath;
  /** The record's id, or its place when it has no usable id. */
  record: string;
  where: string;
  field: string | undefined;
  message: string;
  /** Another record the message refers to (the first of two duplicates): appended with where it is. */
  also: { group: number; index: number; path: JsonPath; where: string } | undefined;
  /** An id that names no record here or in the database, with the types its place takes. */
  unknown?: UnknownReference;
}

/** An id that names nothing, and the types of entity its place takes (absent: any). */
export interface UnknownReference {
  ref: string;
  types?: readonly EntityLabel[];
}

interface Run {
  groups: readonly RecordGroup[];
  findings: Finding[];
  entities: EntityAt[];
  relations: RecordAt[];
  byId: Map<string, EntityAt>;
  /** Former slugs (a rename's old slugs), each with the record that lists it. */
  formerOwners: Map<string, EntityAt>;
  /** What the database holds of the ids the records mention; null when validating files alone. */
  existing: ReadonlyMap<string, EntityLabel> | null;
  /** The identities (type|from|to|role|title) of the relations checked. */
  relationKeys: Set<string>;
  /** The keys of the stored relationships from one entity to another (endsKey), for the conflicts' sides. */
  storedRelations: ReadonlyMap<string, readonly string[]>;
}

/** Looks up which of `ids` the database holds, and as what. */
export type StoredLabels = (ids: string[]) => Promise<ReadonlyMap<string, EntityLabel>>;

/** Two entities, a relationship's start and end. */
export interface RelationEnds {
  from: string;
  to: string;
}

/** A stored relationship's ends and its key (type|from|to|role|title). */
export interface StoredRelation extends RelationEnds {
  key: string;
}

/** Looks up the relationships the database holds from each `from` to its `to`, of any type. */
export type StoredRelations = (ends: RelationEnds[]) => Promise<readonly StoredRelation[]>;

/** What records written against the database may refer to besides each other. */
export interface StoredGraph {
  labels: StoredLabels;
  /** For a conflict's sides, which name a relationship: it must be in the records or stored. */
  relations: StoredRelations;
}

function endsKey(ends: RelationEnds): string {
  return `${ends.from}|${ends.to}`;
}

const entityCollectionByName = new Map(Object.entries(entityCollections));
const collectionNames = [...entityCollectionByName.keys(), relationsCollection];

// ---------------------------------------------------------------------------------------
// Records: the checks, on records already parsed, wherever they come from

/**
 * Records of one collection, already parsed, and how a report names each: a collection of a
 * seed file ("organizations[3]", "row 12"), or one record of an API write (its argument path).
 */
interface RecordGroup {
  collection: string;
  records: readonly unknown[];
  place(index: number): string;
}

/** One record to check, already parsed, and how problems name it: for an API write, its argument path. */
export interface LocatedRecord {
  /** The seed collection it belongs to, e.g. "organizations" or "relations". */
  collection: string;
  record: unknown;
  /** e.g. "input" or "input.sources[1].source". */
  place: string;
}

/** A problem of one record. */
export interface RecordProblem {
  /** Which record: its index among those checked. */
  record: number;
  /** The field inside it, e.g. ["claims", 0, "sources", 1]; empty for the record as a whole. */
  path: JsonPath;
  message: string;
  unknown?: UnknownReference;
}

export type RecordCheck = { ok: true; graph: SeedGraph } | { ok: false; problems: RecordProblem[] };

/**
 * Checks records together, against the database, as seed files are checked (validateSeedFilesAgainst):
 * every rule is the same, only the records come already parsed and a problem names its record
 * and field rather than a line and column. Problems come in the records' order, and within a
 * record in the order of its fields.
 */
export async function checkRecordsAgainst(records: readonly LocatedRecord[], stored: StoredGraph): Promise<RecordCheck> {
  const run = collectGroups(records.map(({ collection, record, place }) => ({ collection, records: [record], place: () => place })));
  await readStored(run, stored);
  checkAcross(run);
  if (run.findings.length === 0) return { ok: true, graph: graphOf(run) };
  const orders = records.map(({ record }) => documentOrder(record));
  const ranked = run.findings.map((finding) => ({ finding, rank: orders[finding.group]?.(finding.path) ?? 0 }));
  ranked.sort((a, b) => a.finding.group - b.finding.group || a.rank - b.rank);
  return {
    ok: false,
    problems: ranked.map(({ finding }) => ({
      record: finding.group,
      path: finding.path,
      message: finding.also ? `${finding.message} ${finding.also.where}` : finding.message,
      ...(finding.unknown ? { unknown: finding.unknown } : {}),
    })),
  };
}

function collectGroups(groups: readonly RecordGroup[]): Run {
  const run: Run = {
    groups,
    findings: [],
    entities: [],
    relations: [],
    byId: new Map(),
    formerOwners: new Map(),
    existing: null,
    relationKeys: new Set(),
    storedRelations: new Map(),
  };
  groups.forEach((group, index) => {
    collectGroup(run, index, group);
  });
  return run;
}

function collectGroup(run: Run, group: number, { collection, records }: RecordGroup): void {
  const kind = entityCollectionByName.get(collection);
  if (!kind && collection !== relationsCollection) throw new Error(`no seed collection "${collection}"`);
  records.forEach((record: unknown, index) => {
    if (!isObject(record)) {
      const where = placeOf(run, { group, index });
      run.findings.push({
        group,
        index,
        path: [],
        record: where,
        where,
        field: undefined,
        message: `expected an object, got ${describeValue(record)}`,
        also: undefined,
      });
      return;
    }
    const at: RecordAt = { group, collection, index, record, usable: record };
    if (kind) {
      const id = typeof record.id === 'string' ? record.id : undefined;
      const entity: EntityAt = { ...at, id, label: kind.label, kind };
      entity.usable = checkShape(run, entity, kind.schema, kind.fields);
      run.entities.push(entity);
    } else {
      at.usable = checkShape(run, at, relationSchema, relationFields);
      run.relations.push(at);
    }
  });
}

function checkAcross(run: Run): void {
  for (const relation of run.relations) {
    const identity = relation.usable as RelationRecord;
    if (identityUsable(relation)) run.relationKeys.add(relationKey(identity.type, identity));
  }
  for (const entity of run.entities) registerId(run, entity);
  for (const entity of run.entities) registerFormerSlugs(run, entity);
  for (const entity of run.entities) checkEntityReferences(run, entity);
  const relationKeys = new Map<string, RecordAt>();
  for (const relation of run.relations) checkRelation(run, relation, relationKeys);
}

function graphOf(run: Run): SeedGraph {
  return {
    nodes: run.entities.map((entity) => entityRow(entity)),
    relations: run.relations.map((relation) => relationRow(relation.record as RelationRecord)),
  };
}

/** What the database holds of what the records mention: the ids' labels, the relationships the conflicts' sides name. */
async function readStored(run: Run, stored: StoredGraph): Promise<void> {
  run.existing = await stored.labels(mentionedIn(run));
  const ends = new Map<string, RelationEnds>();
  for (const entity of run.entities) {
    for (const side of (entity.usable as Partial<CheckedEntity>).sides ?? []) {
      if (side.relation) ends.set(endsKey(side.relation), { from: side.relation.from, to: side.relation.to });
    }
  }
  if (ends.size === 0) return;
  const keys = new Map<string, string[]>();
  for (const relation of await stored.relations([...ends.values()])) {
    const between = keys.get(endsKey(relation)) ?? [];
    between.push(relation.key);
    keys.set(endsKey(relation), between);
  }
  run.storedRelations = keys;
}

/** Every id the records define or refer to (sources, relation ends, onBehalfOf). */
function mentionedIn(run: Run): string[] {
  const ids = new Set<string>();
  const addAll = (values: unknown) => {
    if (Array.isArray(values)) for (const value of values) if (typeof value === 'string') ids.add(value);
  };
  for (const entity of run.entities) {
    const record = entity.usable as Partial<CheckedEntity>;
    if (entity.id !== undefined) ids.add(entity.id);
    // A former slug that a stored entity still has as its slug is refused (registerFormerSlugs).
    addAll(record.formerSlugs);
    addAll(record.sources);
    for (const claim of record.claims ?? []) addAll(claim.sources);
    for (const entry of record.provenance ?? []) addAll(entry.sources);
    for (const entry of record.completeness ?? []) addAll(entry.sources);
    addAll(record.subjects);
    for (const side of record.sides ?? []) {
      addAll(side.sources);
      addAll([side.relation?.from, side.relation?.to]);
    }
  }
  for (const relation of run.relations) {
    const record = relation.usable as Partial<RelationRecord>;
    addAll([record.from, record.to, record.onBehalfOf]);
    addAll(record.sources);
    for (const entry of record.provenance ?? []) addAll(entry.sources);
  }
  return [...ids];
}

/** An id's kind and where it is defined: in the files, or already in the database. */
function lookup(run: Run, id: string): { label: EntityLabel; where: string } | undefined {
  const inFiles = run.byId.get(id);
  if (inFiles) return { label: inFiles.label, where: whereOf(run, inFiles) };
  const stored = run.existing?.get(id);
  return stored === undefined ? undefined : { label: stored, where: 'in the database' };
}

function unknownId(run: Run, id: string, what = 'id'): string {
  const renamed = run.formerOwners.get(id);
  if (renamed?.id !== undefined)
    return `unknown ${what} "${id}": it is a former slug of "${renamed.id}" (${whereOf(run, renamed)}); use that`;
  return `unknown ${what} "${id}": no record ${run.existing ? 'here or in the database ' : ''}has this id`;
}

// ---------------------------------------------------------------------------------------
// Each record's shape

/** Reports what the record's schema rejects; returns the fields that passed. */
function checkShape(run: Run, at: RecordAt, schema: z.ZodType, fields: readonly string[]): JsonObject {
  const result = schema.safeParse(at.record);
  if (result.success) return at.record;
  const usable = { ...at.record };
  for (const issue of result.error.issues) {
    const topField = issue.path[0];
    if (typeof topField === 'string') delete usable[topField];
    const issuePath = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
    if (issue.code === 'unrecognized_keys') {
      const innermost = [...issuePath].reverse().find((segment) => typeof segment === 'string');
      const allowed = issuePath.length === 0 ? fields : (nestedFields[String(innermost)] ?? claimFields);
      for (const key of issue.keys) {
        report(run, at, [...issuePath, key], `unknown field; the fields are ${allowed.join(', ')}`);
      }
    } else {
      report(run, at, issuePath, issueMessage(issue, valueAt(at.record, issuePath)));
    }
  }
  return usable;
}

/** The fields of the objects a record nests, for "unknown field" reports. */
const nestedFields: Record<string, readonly string[]> = {
  claims: claimFields,
  citations: citationFields,
  provenance: provenanceFields,
  completeness: completenessFields,
  sides: conflictSideFields,
  relation: conflictRelationFields,
};

const typeWords: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
};

function issueMessage(issue: z.core.$ZodIssue, value: unknown): string {
  // JSON has no undefined: a value that is undefined is a field that is not there.
  if (value === undefined && issue.code !== 'unrecognized_keys') return 'missing required field';
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${typeWords[issue.expected] ?? issue.expected}, got ${describeValue(value)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((allowed) => JSON.stringify(allowed)).join(', ')}; got ${describeValue(value)}`;
    case 'invalid_format':
    case 'invalid_union':
      return `${issue.message}; got ${describeValue(value)}`;
    default:
      return issue.message;
  }
}

// ---------------------------------------------------------------------------------------
// Across records: ids, references, duplicates

function registerId(run: Run, entity: EntityAt): void {
  if (entity.id === undefined) return;
  const stored = run.existing?.get(entity.id);
  if (stored !== undefined && stored !== entity.label) {
    report(
      run,
      entity,
      ['id'],
      `"${entity.id}" already belongs to ${withArticle(stored)} in the database, not ${withArticle(entity.label)}`,
    );
  }
  const first = run.byId.get(entity.id);
  if (!first) {
    run.byId.set(entity.id, entity);
    return;
  }
  report(run, entity, ['id'], `duplicate id "${entity.id}": already used by`, {
    group: first.group,
    index: first.index,
    path: ['id'],
    where: whereOf(run, first),
  });
}

/**
 * Former slugs redirect to their entity (docs/data-model.md, "Slugs"), so each must name one
 * entity only and no longer be anyone's slug: not a record's id here, not a stored entity's.
 */
function registerFormerSlugs(run: Run, entity: EntityAt): void {
  const record = entity.usable as Partial<CheckedEntity>;
  record.formerSlugs?.forEach((former, index) => {
    const field = ['formerSlugs', index];
    const current = run.byId.get(former);
    if (current === entity) {
      report(run, entity, field, `"${former}" is this record's own slug, not a former one`);
      return;
    }
    if (current) {
      report(run, entity, field, `"${former}" is the slug of ${whereOf(run, current)}; a former slug must no longer be in use`);
      return;
    }
    const stored = run.existing?.get(former);
    if (stored !== undefined) {
      report(
        run,
        entity,
        field,
        `"${former}" is still the slug of ${withArticle(stored)} in the database; a former slug must no longer be in use ` +
          '(npm run seed renames a stored entity to the record that lists its slug as former)',
      );
      return;
    }
    const first = run.formerOwners.get(former);
    if (!first) {
      run.formerOwners.set(former, entity);
      return;
    }
    report(run, entity, field, `former slug "${former}" is already listed by`, {
      group: first.group,
      index: first.index,
      path: ['formerSlugs'],
      where: whereOf(run, first),
    });
  });
}

function checkEntityReferences(run: Run, entity: EntityAt): void {
  const record = entity.usable as Partial<CheckedEntity>;
  if (record.sources) checkSources(run, entity, record.sources, ['sources']);
  checkEvidence(run, entity, record, entity.label === 'Source' ? [entity.id ?? ''] : (record.sources ?? []));
  record.claims?.forEach((claim, index) => {
    if (metaFields.has(claim.field) || !entity.kind.fields.includes(claim.field)) {
      report(run, entity, ['claims', index, 'field'], `${entity.label} records have no field "${claim.field}"`);
    } else {
      checkClaimValue(run, entity, claim, ['claims', index, 'value']);
    }
    checkSources(run, entity, claim.sources, ['claims', index, 'sources']);
  });
  checkNameKey(run, entity, record);
  checkDateOrder(run, entity, record.startDate, record.endDate);
  checkCompleteness(run, entity, record.completeness ?? []);
  checkConflict(run, entity, record);
}

/** A claim is a value of its field, so the field's rules hold for it (rules.ts claimValueSchema). */
function checkClaimValue(run: Run, entity: EntityAt, claim: Claim, path: JsonPath): void {
  const result = entity.kind.claimValues[claim.field]?.safeParse(claim.value);
  if (!result || result.success) return;
  for (const issue of result.error.issues) {
    const issuePath = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
    const message = issueMessage(issue, valueAt(claim.value, issuePath));
    report(run, entity, [...path, ...issuePath], `not a value of "${claim.field}": ${message}`);
  }
}

const utf8 = new TextEncoder();

/** The name's key for ordering is what the page indexes hold; see nameKeyMaxBytes. */
function checkNameKey(run: Run, entity: EntityAt, record: Partial<CheckedEntity>): void {
  const field = entity.label === 'Source' ? 'title' : 'name';
  const name = record[field];
  if (typeof name !== 'string') return;
  const bytes = utf8.encode(searchKey(name)).length;
  if (bytes > nameKeyMaxBytes) {
    report(
      run,
      entity,
      [field],
      `too long: its key for ordering (the name folded: lower case, letters decomposed) takes ${bytes} bytes; at most ${nameKeyMaxBytes}`,
    );
  }
}

/**
 * A list's completeness names a relation the entity can have from that end, once per relation
 * and direction, and cites sources like any claim.
 */
function checkCompleteness(run: Run, entity: EntityAt, entries: readonly CompletenessRecord[]): void {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const path = ['completeness', index];
    const rule = relationRules[entry.relation];
    const ends = entry.direction === 'out' ? rule.from : entry.direction === 'in' ? rule.to : [...rule.from, ...rule.to];
    if (!ends.includes(entity.label)) {
      report(
        run,
        entity,
        [...path, 'relation'],
        `${withArticle(entity.label)} has no ${entry.relation} list in direction "${entry.direction}" (${entry.relation} goes from ${rule.from.join(' or ')} to ${rule.to.join(' or ')})`,
      );
    }
    const key = `${entry.relation}|${entry.direction}`;
    if (seen.has(key))
      report(run, entity, [...path, 'relation'], `${entry.relation} "${entry.direction}" already has its completeness given above`);
    seen.add(key);
    checkSources(run, entity, entry.sources, [...path, 'sources']);
    checkBasis(run, entity, entry.evidence, entry.basis, path);
  });
}

/**
 * A conflict's subjects are entities, and each side is either a value or a relationship (never
 * both), citing sources. A side's relationship must be one the files hold; against the database
 * (an import, a write through the API) one already stored is accepted as well.
 */
function checkConflict(run: Run, entity: EntityAt, record: Partial<CheckedEntity>): void {
  if (entity.label !== 'Conflict') return;
  record.subjects?.forEach((subject, index) => {
    const target = lookup(run, subject);
    if (!target) reportUnknown(run, entity, ['subjects', index], subject);
    else if (target.label === 'Conflict' || target.label === 'Source') {
      report(run, entity, ['subjects', index], `"${subject}" is ${withArticle(target.label)}; a conflict is about entities of the graph`);
    }
  });
  record.sides?.forEach((side, index) => {
    const path = ['sides', index];
    if ((side.value === undefined) === (side.relation === undefined)) {
      report(
        run,
        entity,
        path,
        'give either "value" (the competing value) or "relation" (the competing relationship), not both or neither',
      );
    }
    checkSources(run, entity, side.sources, [...path, 'sources']);
    checkBasis(run, entity, side.evidence, side.basis, path);
    const relation = side.relation;
    if (!relation) return;
    const rule = relationRules[relation.type];
    checkTypeSpecificFields(run, entity, relation, rule, [...path, 'relation']);
    let endsKnown = true;
    for (const end of ['from', 'to'] as const) {
      const target = lookup(run, relation[end]);
      if (!target || !rule[end].includes(target.label)) endsKnown = false;
      if (!target) reportUnknown(run, entity, [...path, 'relation', end], relation[end], rule[end]);
      else if (!rule[end].includes(target.label)) {
        report(
          run,
          entity,
          [...path, 'relation', end],
          `"${relation[end]}" is ${withArticle(target.label)}, but ${relation.type} goes ${end} ${rule[end].join(' or ')}`,
        );
      }
    }
    // An end that names nothing, or the wrong kind, is reported already: no relationship can have it.
    if (endsKnown) checkSideRelation(run, entity, relation, [...path, 'relation']);
  });
}

/**
 * A side's relationship names one by its identity, role and title as stored (a MANAGES role is
 * "operator", as in a relation record, never "OPERATOR"). Where a side names none, the message
 * lists those there are between the two ends, in the records and in the database: most likely
 * what was meant.
 */
function checkSideRelation(run: Run, entity: EntityAt, relation: ConflictRelation, path: JsonPath): void {
  const key = relationKey(relation.type, relation);
  const stored = run.storedRelations.get(endsKey(relation)) ?? [];
  if (run.relationKeys.has(key) || stored.includes(key)) return;
  // Only on a refusal, so a scan of the records' keys costs nothing on a sound import.
  const inRecords = [...run.relationKeys].filter((other) => endsKey(endsOfKey(other)) === endsKey(relation));
  const between = [...new Set([...inRecords, ...stored])].sort();
  const where = run.existing === null ? 'in the seed files' : 'here or in the database';
  const ends = `from "${relation.from}" to "${relation.to}"`;
  const others = between.length === 0 ? `there is none ${ends}` : `${ends} there are ${between.join(', ')}`;
  report(run, entity, path, `no relation ${key} ${where}; ${others}`);
}

/** A key's ends: type|from|to|role|title, where neither a type nor a slug holds a "|". */
function endsOfKey(key: string): RelationEnds {
  const [, from = '', to = ''] = key.split('|');
  return { from, to };
}

function checkSources(run: Run, at: RecordAt, ids: readonly string[], field: JsonPath): void {
  ids.forEach((id, index) => {
    const target = lookup(run, id);
    if (!target) reportUnknown(run, at, [...field, index], id, ['Source'], 'source');
    else if (target.label !== 'Source') {
      report(run, at, [...field, index], `"${id}" is ${withArticle(target.label)} (${target.where}), not a Source`);
    }
  });
}

const inferredNeedsBasis = 'INFERRED evidence needs a basis: one sentence in our own words saying how it is read from the sources';

/** A basis is what makes an INFERRED claim checkable, so it is refused without one. */
function checkBasis(run: Run, at: RecordAt, kind: Evidence | undefined, given: string | undefined, path: JsonPath): void {
  if (kind === 'INFERRED' && given === undefined) report(run, at, [...path, 'basis'], inferredNeedsBasis);
}

/**
 * The record's evidence, its per-citation exceptions (each for a source the record cites, once)
 * and its per-field provenance (each for a field this very record has, so a value cannot be
 * marked by mistake). `cited` is what the record's citations may name.
 */
function checkEvidence(run: Run, at: RecordAt, record: EvidenceFields, cited: readonly string[]): void {
  checkBasis(run, at, record.evidence, record.basis, []);
  const seen = new Set<string>();
  record.citations?.forEach((citation, index) => {
    checkBasis(run, at, citation.evidence, citation.basis, ['citations', index]);
    if (!cited.includes(citation.source)) {
      report(run, at, ['citations', index, 'source'], `"${citation.source}" is not among this record's sources`);
    } else if (seen.has(citation.source)) {
      report(run, at, ['citations', index, 'source'], `"${citation.source}" already has its evidence given above`);
    }
    seen.add(citation.source);
  });
  const fields = new Set<string>();
  record.provenance?.forEach((entry, index) => {
    checkBasis(run, at, entry.evidence, entry.basis, ['provenance', index]);
    const given = JSON.stringify([entry.field, entry.value ?? null]);
    const value: unknown = at.record[entry.field];
    if (metaFields.has(entry.field) || !Object.hasOwn(at.record, entry.field)) {
      report(run, at, ['provenance', index, 'field'], `"${entry.field}" is not a field of this record; name one of its fields`);
    } else if (entry.value !== undefined && !Array.isArray(value)) {
      report(
        run,
        at,
        ['provenance', index, 'value'],
        `"${entry.field}" is no list: its provenance is given for the whole field, without a value`,
      );
    } else if (entry.value !== undefined && Array.isArray(value) && !value.includes(entry.value)) {
      report(run, at, ['provenance', index, 'value'], `${JSON.stringify(entry.value)} is not one of the values of "${entry.field}"`);
    } else if (fields.has(given)) {
      report(
        run,
        at,
        ['provenance', index, 'field'],
        `"${entry.field}"${entry.value === undefined ? '' : ` ${JSON.stringify(entry.value)}`} already has its provenance given above`,
      );
    }
    fields.add(given);
    if (entry.sources) checkSources(run, at, entry.sources, ['provenance', index, 'sources']);
  });
  record.claims?.forEach((claim, index) => {
    checkBasis(run, at, claim.evidence, claim.basis, ['claims', index]);
  });
}

function checkDateOrder(run: Run, at: RecordAt, start: string | undefined, end: string | undefined): void {
  if (start !== undefined && end !== undefined && endsBeforeStart(start, end)) {
    report(run, at, ['endDate'], `endDate "${end}" is before startDate "${start}"`);
  }
}

const typeSpecificFields: readonly TypeSpecificField[] = ['role', 'title', 'onBehalfOf'];

function checkRelation(run: Run, at: RecordAt, keys: Map<string, RecordAt>): void {
  const relation = at.usable as Partial<RelationRecord>;
  const rule = relation.type === undefined ? undefined : relationRules[relation.type];
  if (rule) checkTypeSpecificFields(run, at, relation, rule);
  checkEnd(run, at, relation, 'from', rule?.from);
  checkEnd(run, at, relation, 'to', rule?.to);
  checkOnBehalfOf(run, at, relation);
  if (relation.sources) checkSources(run, at, relation.sources, ['sources']);
  checkEvidence(run, at, relation as EvidenceFields, relation.sources ?? []);
  checkDateOrder(run, at, relation.startDate, relation.endDate);
  if (identityUsable(at)) checkDuplicate(run, at, relation as RelationRecord, keys);
}

/** With a bad or missing identity field the relation's key is in doubt, so it is not compared. */
function identityUsable(at: RecordAt): boolean {
  if (at.usable === at.record) return true;
  const present = (field: string) => Object.hasOwn(at.usable, field);
  const unharmed = (field: string) => present(field) === Object.hasOwn(at.record, field);
  return present('type') && present('from') && present('to') && unharmed('role') && unharmed('title');
}

function checkDuplicate(run: Run, at: RecordAt, relation: RelationRecord, keys: Map<string, RecordAt>): void {
  const key = relationKey(relation.type, relation);
  const first = keys.get(key);
  if (!first) keys.set(key, at);
  else {
    report(run, at, [], `duplicate relation (same type, from, to, role and title): ${key}; the first is`, {
      group: first.group,
      index: first.index,
      path: [],
      where: whereOf(run, first),
    });
  }
}

/** `at`: where the relation sits in its record: a relation record is one, a conflict's side holds one. */
function checkTypeSpecificFields(
  run: Run,
  record: RecordAt,
  relation: Pick<Partial<RelationRecord>, 'type' | TypeSpecificField>,
  rule: RelationRule,
  at: JsonPath = [],
): void {
  for (const field of typeSpecificFields) {
    if (relation[field] !== undefined && !rule.fields.includes(field)) {
      const own = rule.fields.length > 0 ? `its own fields are ${rule.fields.join(', ')}` : 'it has no own fields';
      report(run, record, [...at, field], `a ${relation.type} relation has no "${field}" (${own})`);
    }
  }
  if (rule.roles && relation.role !== undefined && !rule.roles.includes(relation.role)) {
    const allowed = rule.roles.map((role) => JSON.stringify(role)).join(', ');
    report(run, record, [...at, 'role'], `expected one of ${allowed} for ${relation.type}; got "${relation.role}"`);
  }
}

function checkEnd(
  run: Run,
  at: RecordAt,
  relation: Partial<RelationRecord>,
  end: 'from' | 'to',
  allowed: readonly EntityLabel[] | undefined,
): void {
  const id = relation[end];
  if (id === undefined) return;
  const target = lookup(run, id);
  if (!target) {
    reportUnknown(run, at, [end], id, allowed);
  } else if (allowed && !allowed.includes(target.label)) {
    report(run, at, [end], `"${id}" is ${withArticle(target.label)}, but ${relation.type} goes ${end} ${allowed.join(' or ')}`);
  }
}

function checkOnBehalfOf(run: Run, at: RecordAt, relation: Partial<RelationRecord>): void {
  const id = relation.onBehalfOf;
  if (id === undefined) {
    if (relation.type === 'SIGNED' && !Object.hasOwn(at.record, 'onBehalfOf')) {
      report(run, at, ['onBehalfOf'], 'missing: a SIGNED relation names the organization or body signed for');
    }
    return;
  }
  const target = lookup(run, id);
  if (!target) reportUnknown(run, at, ['onBehalfOf'], id, onBehalfOfLabels);
  else if (!onBehalfOfLabels.includes(target.label)) {
    report(run, at, ['onBehalfOf'], `"${id}" is ${withArticle(target.label)}; expected ${onBehalfOfLabels.join(' or ')}`);
  }
}

// ---------------------------------------------------------------------------------------
// Reporting

function whereOf(run: Run, at: RecordAt & { id?: string | undefined }): string {
  const place = placeOf(run, at);
  return at.id === undefined ? place : `${place} (id "${at.id}")`;
}

/** An id that names nothing: the message says so, and the finding keeps the id for candidates. */
function reportUnknown(
  run: Run,
  at: EntityAt | RecordAt,
  field: JsonPath,
  id: string,
  types?: readonly EntityLabel[],
  what?: string,
): void {
  // A former slug's message names the slug to use instead: nothing to guess.
  const renamed = run.formerOwners.get(id)?.id !== undefined;
  report(run, at, field, unknownId(run, id, what), undefined, renamed ? undefined : { ref: id, ...(types ? { types } : {}) });
}

function report(
  run: Run,
  at: EntityAt | RecordAt,
  field: JsonPath,
  message: string,
  also?: Finding['also'],
  unknown?: UnknownReference,
): void {
  const id = 'id' in at ? at.id : undefined;
  run.findings.push({
    group: at.group,
    index: at.index,
    path: field,
    record: id ?? placeOf(run, at),
    where: whereOf(run, at),
    field: field.length > 0 ? fieldName(field) : undefined,
    message,
    also,
    ...(unknown ? { unknown } : {}),
  });
}

function placeOf(run: Run, at: { group: number; index: number }): string {
  return run.groups[at.group]?.place(at.index) ?? `records[${at.index}]`;
}

/** ['claims', 0, 'sources', 1] → "claims[0].sources[1]" */
export function fieldName(field: JsonPath): string {
  return field.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

// ---------------------------------------------------------------------------------------
// Seed files: their text read into records, which are checked as above, and each problem
// placed at its file, line and column

/** A problem placed in a file, before its line and column are looked up. */
interface FileFinding {
  file: number;
  path: JsonPath;
  /** Known already for syntax errors, where there is no JSON path. */
  position?: Position;
  record?: string;
  where?: string;
  field?: string;
  message: string;
  /** Another record the message refers to: appended with its position. */
  also?: { file: number; path: JsonPath; where: string };
}

/** Seed files read: one group of records per collection of each file, and what is wrong with the files themselves. */
interface FileRecords {
  groups: RecordGroup[];
  /** The file of each group. */
  groupFiles: number[];
  findings: FileFinding[];
}

/** Checks all files together; throws SeedValidationError listing every problem found. */
export function validateSeedFiles(files: readonly SeedFile[]): SeedGraph {
  const read = readRecords(files);
  return checkedFiles(files, read, collectGroups(read.groups));
}

/**
 * validateSeedFiles against the database (an import): the records are read once, the ids they
 * define or refer to are looked up with `storedLabels`, and the checks across records then
 * accept references to stored entities and refuse an id that a stored entity of another kind
 * already has.
 */
export async function validateSeedFilesAgainst(files: readonly SeedFile[], stored: StoredGraph): Promise<SeedGraph> {
  const read = readRecords(files);
  const run = collectGroups(read.groups);
  await readStored(run, stored);
  return checkedFiles(files, read, run);
}

function checkedFiles(files: readonly SeedFile[], read: FileRecords, run: Run): SeedGraph {
  checkAcross(run);
  const findings = [...read.findings, ...run.findings.map((finding) => inFile(read, finding))];
  if (findings.length > 0) throw new SeedValidationError(locateFindings(files, findings));
  return graphOf(run);
}

/** A record's problem as a file's: the record's path in its file is [collection, index]. */
function inFile(read: FileRecords, finding: Finding): FileFinding {
  const fileOf = (group: number, index: number, path: JsonPath) => ({
    file: read.groupFiles[group] ?? 0,
    path: [read.groups[group]?.collection ?? '', index, ...path],
  });
  const placed: FileFinding = {
    ...fileOf(finding.group, finding.index, finding.path),
    record: finding.record,
    where: finding.where,
    message: finding.message,
  };
  if (finding.field !== undefined) placed.field = finding.field;
  const { also } = finding;
  if (also) placed.also = { ...fileOf(also.group, also.index, also.path), where: also.where };
  return placed;
}

/** A byte-order mark is invisible in editors and harmless, but JSON.parse rejects it. */
function jsonText(file: SeedFile): string {
  return file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
}

function readRecords(files: readonly SeedFile[]): FileRecords {
  const read: FileRecords = { groups: [], groupFiles: [], findings: [] };
  files.forEach((seedFile, file) => {
    readFileRecords(read, seedFile, file);
  });
  return read;
}

function readFileRecords(read: FileRecords, seedFile: SeedFile, file: number): void {
  const { parsed } = seedFile;
  if (parsed) {
    for (const { line, column, file: _path, ...problem } of parsed.problems)
      read.findings.push({ ...problem, file, path: [], position: { line, column } });
    for (const [name, records] of Object.entries(parsed.collections)) readCollection(read, seedFile, file, name, records);
    return;
  }
  const text = jsonText(seedFile);
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    const { message, ...position } = describeSyntaxError(text, error);
    read.findings.push({ file, path: [], position, message });
    return;
  }
  if (!isObject(root)) {
    read.findings.push({
      file,
      path: [],
      message: `expected an object whose keys are collections, got ${describeValue(root)}`,
    });
    return;
  }
  for (const [name, records] of Object.entries(root)) readCollection(read, seedFile, file, name, records);
}

function readCollection(read: FileRecords, seedFile: SeedFile, file: number, name: string, records: unknown): void {
  if (!entityCollectionByName.has(name) && name !== relationsCollection) {
    read.findings.push({
      file,
      path: [name],
      message: `unknown collection "${name}"; the collections are ${collectionNames.join(', ')}`,
    });
    return;
  }
  if (!Array.isArray(records)) {
    read.findings.push({ file, path: [name], where: name, message: `expected an array of records, got ${describeValue(records)}` });
    return;
  }
  read.groups.push({
    collection: name,
    records,
    // "organizations[3]" in a JSON file; what the format says in another ("row 12").
    place: (index) => seedFile.parsed?.describe?.(name, index) ?? `${name}[${index}]`,
  });
  read.groupFiles.push(file);
}

/** Positions are looked up once per file that has something to report. */
function locateFindings(files: readonly SeedFile[], findings: readonly FileFinding[]): DisplayedSeedProblem[] {
  const pathsByFile = new Map<number, JsonPath[]>();
  const want = (file: number, jsonPath: JsonPath) => {
    const paths = pathsByFile.get(file) ?? [];
    paths.push(jsonPath);
    pathsByFile.set(file, paths);
  };
  for (const finding of findings) {
    if (!finding.position) want(finding.file, finding.path);
    if (finding.also) want(finding.also.file, finding.also.path);
  }
  const positions = new Map<number, Map<string, Position>>();
  for (const [file, paths] of pathsByFile) {
    const seedFile = files[file] as SeedFile;
    positions.set(file, seedFile.parsed ? seedFile.parsed.locate(paths) : locatePaths(jsonText(seedFile), paths));
  }
  const positionOf = (file: number, jsonPath: JsonPath): Position => positions.get(file)?.get(pathKey(jsonPath)) ?? { line: 1, column: 1 };

  const located = findings.map((finding) => {
    const { line, column } = finding.position ?? positionOf(finding.file, finding.path);
    let message = finding.message;
    if (finding.also) {
      const other = positionOf(finding.also.file, finding.also.path);
      const otherFile = (files[finding.also.file] as SeedFile).path;
      message += ` ${finding.also.where} at ${otherFile}:${other.line}:${other.column}`;
    }
    const problem: DisplayedSeedProblem & { fileIndex: number } = {
      fileIndex: finding.file,
      file: (files[finding.file] as SeedFile).path,
      line,
      column,
      message,
    };
    if (finding.record !== undefined) problem.record = finding.record;
    if (finding.where !== undefined) problem.where = finding.where;
    if (finding.field !== undefined) problem.field = finding.field;
    return problem;
  });
  located.sort((a, b) => a.fileIndex - b.fileIndex || a.line - b.line || a.column - b.column);
  return located.map(({ fileIndex: _fileIndex, ...problem }) => problem);
}

// ---------------------------------------------------------------------------------------
// Rows for the loader

function entityRow(entity: EntityAt): NodeRow {
  const record = entity.record as CheckedEntity;
  const props: Record<string, PropertyValue> = {};
  for (const field in record) {
    const value = record[field];
    // The schemas admit only strings, numbers, booleans and string lists, except the nested objects.
    if (field !== 'id' && !nestedFields[field] && value !== undefined) props[field] = value as PropertyValue;
  }
  // A source has a title rather than a name; the title serves as its display name.
  const name = entity.label === 'Source' ? (record.title ?? record.id) : (record.name ?? record.id);
  props.name = name;
  props.sources = entity.label === 'Source' ? [record.id] : (record.sources ?? conflictSources(record));
  props.aliases = record.aliases ?? [];
  setEvidence(props, record, props.sources);
  props.valueEvidence = valueEvidenceOf(citationKinds(props), record.provenance ?? [], record.claims ?? []);
  // Derived for search; an empty form (an entity with no description) is left out. A conflict is
  // no entity of the graph, so search does not find it (it is listed by `conflicts`).
  if (entity.label !== 'Conflict') {
    for (const [field, value] of Object.entries(searchForms(entity.label, record.id, props))) if (value !== '') props[field] = value;
  }
  setDates(props, spanOf(record, true));
  setDateEvidence(props, record, record);
  return { id: record.id, label: entity.label, props: withoutEmptyLists(props) };
}

function relationRow(relation: RelationRecord): RelationRow {
  const { type, from, to, citations: _citations, provenance: _provenance, ...fields } = relation;
  const props: Record<string, PropertyValue> = {};
  for (const [field, value] of Object.entries(fields)) if (value !== undefined) props[field] = value;
  setEvidence(props, relation, relation.sources);
  setDates(props, spanOf(relation, false));
  setDateEvidence(props, relation, relation);
  return { key: relationKey(type, relation), type, from, to, props: withoutEmptyLists(props) };
}

/**
 * An empty list is stored as no property: the two read alike (every reader takes a missing list
 * as empty), and the offline importer, which cannot write an empty list, then writes exactly
 * what a transaction does (src/db/bulk-load.ts). The loader takes a stored [] and a missing
 * property as equal, so records stored as [] before stay unchanged.
 */
function withoutEmptyLists(props: Record<string, PropertyValue>): Record<string, PropertyValue> {
  for (const [field, value] of Object.entries(props)) if (Array.isArray(value) && value.length === 0) delete props[field];
  return props;
}

/**
 * Nested objects are stored as JSON text (Neo4j has no maps in properties). Beside them, one
 * derived list: the evidence of each citation, in the order of `sources`, which is what the
 * relation filters (cypher/fragments/evidence-filter) and the API's `evidence` read.
 */
function setEvidence(props: Record<string, PropertyValue>, record: EvidenceFields, sources: readonly string[]): void {
  for (const field of ['citations', 'provenance', 'claims', 'completeness'] as const) {
    const value = record[field];
    if (value && value.length > 0) props[field] = JSON.stringify(value.map((entry) => inOrder(entry, nestedFields[field] ?? [])));
  }
  if (record.sides && record.sides.length > 0) props.sides = JSON.stringify(record.sides.map(sideInOrder));
  const fallback = record.evidence ?? 'STATED';
  const given = new Map((record.citations ?? []).map((citation) => [citation.source, citation.evidence]));
  props.citationEvidence = sources.map((source) => given.get(source) ?? fallback);
}

/** Every source a conflict's sides cite, in order of first citation: what deleting a source finds it by. */
function conflictSources(record: CheckedEntity): string[] {
  return [...new Set((record.sides ?? []).flatMap((side) => side.sources))];
}

/** A conflict's side in the schema's order, its relationship's fields too. */
export function sideInOrder(side: object): Record<string, unknown> {
  const ordered = inOrder(side, conflictSideFields);
  if (typeof ordered.relation === 'object' && ordered.relation !== null)
    ordered.relation = inOrder(ordered.relation, conflictRelationFields);
  return ordered;
}

/**
 * A nested object with its fields in the schema's order: the API hands input fields over in
 * its own (alphabetical) order, and the same record must store the same text either way.
 */
function inOrder(entry: object, order: readonly string[]): Record<string, unknown> {
  const fields = new Map(Object.entries(entry));
  const ordered: Record<string, unknown> = {};
  for (const field of order) if (fields.get(field) !== undefined) ordered[field] = fields.get(field);
  return ordered;
}

interface Dated {
  date?: string | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
}

/**
 * The days a record or relation covers. `date` wins when present. An event without an
 * endDate is taken to lie within its startDate; a relation without one (a position still
 * held, a membership) is open-ended, so it gets no dateTo.
 */
function spanOf(dated: Dated, closeAtStart: boolean): Partial<DateRange> {
  if (dated.date !== undefined) return dateRange(dated.date);
  const span: Partial<DateRange> = {};
  if (dated.startDate !== undefined) span.first = dateRange(dated.startDate).first;
  if (dated.endDate !== undefined) span.last = dateRange(dated.endDate).last;
  else if (dated.startDate !== undefined && closeAtStart) span.last = dateRange(dated.startDate).last;
  return span;
}

/** Beside a dated record's dateFrom, the evidence behind its date (date-evidence.ts). Call setEvidence first. */
function setDateEvidence(props: Record<string, PropertyValue>, dated: Dated, record: EvidenceFields): void {
  const kinds = dateEvidenceOf(dated, record.provenance ?? [], record.claims ?? [], citationKinds(props));
  if (kinds !== null) props.dateEvidence = kinds;
}

/** The kinds setEvidence stored, one per source. */
function citationKinds(props: Record<string, PropertyValue>): string[] {
  const kinds = props.citationEvidence;
  return Array.isArray(kinds) ? kinds : [];
}

function setDates(props: Record<string, PropertyValue>, span: Partial<DateRange>): void {
  if (span.first !== undefined) props.dateFrom = span.first;
  if (span.last !== undefined) props.dateTo = span.last;
}

// ---------------------------------------------------------------------------------------
// Small helpers

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(value: unknown, jsonPath: readonly PropertyKey[]): unknown {
  let current = value;
  for (const segment of jsonPath) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
    return JSON.stringify(shown);
  }
  return `${typeof value} ${String(value)}`;
}

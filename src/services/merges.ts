/**
 * Entity merges: the rules. Two records that turn out to be one entity become one, the
 * survivor, which takes the other's relationships, statements, claims, sources and names; the
 * merged entity's slug joins the survivor's formerSlugs, the one redirect every lookup and
 * reference argument follows (cypher/fragments/former-slug), so its slugs and global IDs keep
 * naming the survivor. Everything an unmerge needs is kept in the database (see
 * cypher/schema/009-merges.cypher), so a merge can be undone from the log alone.
 *
 * The statements are set-based: one per relationship type present (two with combined ones) and
 * one for the entities, so a merge of a 10k-relation hub is a handful of statements.
 */
import { z } from 'zod';
import type { TransactionRunner } from '../db/database.ts';
import type { WriteScope } from '../db/load.ts';
import {
  type KeptRelation,
  type MergePlanRow,
  mergeEntityRecords,
  moveRelations,
  type PlannedRelation,
  type PropertyPatch,
  type RelationMove,
  readMergePlan,
  readUnmergePlan,
  restoreRelations,
  type UnmergePlanRow,
  unmergeEntityRecords,
} from '../db/repositories/merges.ts';
import { BadUserInputError, ConflictError, NotFoundError } from '../domain/errors.ts';
import { valueEvidenceOf } from '../domain/evidence.ts';
import { type EntityLabel, type RelationType, relationTypes } from '../domain/graph.ts';
import { claimsIn, type MergedFromEntry, mergedFromIn, provenanceIn, textIn, textsIn } from '../domain/stored-entity.ts';
import { storedSearchForms } from '../domain/text/search-forms.ts';

/** An entity named by a merge argument, as the reference resolved it. */
export interface MergeTarget {
  /** The argument, e.g. "from[1]". */
  argument: string;
  /** What the client gave. */
  ref: string;
  /** The slug given (or inside the global ID given). */
  givenSlug: string;
  /** The entity's current slug and type. */
  slug: string;
  label: EntityLabel;
}

export type RelationOutcome = 'moved' | 'combined' | 'dropped';

export interface RelationMoveReport {
  type: RelationType;
  from: string;
  to: string;
  key: string;
  /** The end that is not a merged entity (the survivor, for a dropped one). */
  other: string;
  otherType: EntityLabel;
  newFrom: string;
  newTo: string;
  newKey: string;
  outcome: RelationOutcome;
}

export interface RelationCount {
  type: RelationType;
  moved: number;
  combined: number;
  dropped: number;
}

export interface ClaimReport {
  field: string;
  value: string;
  sources: string[];
  /** 'moved': the merged entity's own claim; 'conflict': its value for a field the survivor has another value for. */
  origin: 'moved' | 'conflict';
  from: string;
}

export interface FieldValueReport {
  field: string;
  value: string;
  from: string;
}

export interface AlreadyMerged {
  argument: string;
  ref: string;
  /** The merge that did it, when the survivor's mergedFrom names it; null for a rename. */
  merge: string | null;
}

export interface MergeReport {
  dryRun: boolean;
  /** Whether anything changed (or, for a dry run, would). */
  changed: boolean;
  /** The merge's id (its operation in the change log); null for a dry run or when nothing was merged. */
  merge: string | null;
  into: string;
  entityType: EntityLabel;
  merged: { slug: string; name: string; formerSlugs: string[] }[];
  alreadyMerged: AlreadyMerged[];
  relations: RelationMoveReport[];
  relationCounts: RelationCount[];
  statements: string[];
  claims: ClaimReport[];
  sources: string[];
  aliases: string[];
  formerSlugs: string[];
  filledFields: FieldValueReport[];
}

/** Properties that are no field of the record: identity, names, citations, audit and derived values. */
const notFields = new Set([
  'id',
  'label',
  'name',
  'aliases',
  'formerSlugs',
  'mergedFrom',
  'sources',
  'citationEvidence',
  'citations',
  'provenance',
  'completeness',
  'claims',
  'sides',
  'evidence',
  'basis',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'nameKey',
  'searchText',
  'searchVariants',
  'searchDetails',
  'dateFrom',
  'dateTo',
  'dateEvidence',
  'valueEvidence',
]);
/** Fields the stored date range (dateFrom, dateTo, dateEvidence) is derived from: a merge never fills them, it adds a claim. */
const datedFields = new Set(['date', 'startDate', 'endDate']);
/** What derives from other properties and is written again, never reported as a changed field. */
const derivedFields = new Set([
  'nameKey',
  'searchText',
  'searchVariants',
  'searchDetails',
  'valueEvidence',
  'dateFrom',
  'dateTo',
  'dateEvidence',
]);
/** Stored properties that the change log names by the field the API shows: citation kinds are the record's `citations`. */
const reportedAs: Readonly<Record<string, string>> = { citationEvidence: 'citations' };

/** The fields a patch changed, as the change log names them (docs/curation.md): no stored-only or derived names. */
const changedFields = (patch: PropertyPatch): string[] => [
  ...new Set(
    Object.keys(patch)
      .filter((field) => !derivedFields.has(field))
      .map((field) => reportedAs[field] ?? field),
  ),
];

type Value = string | number | boolean | string[];

function isValue(value: unknown): value is Value {
  return (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    (Array.isArray(value) && value.every((item) => typeof item === 'string'))
  );
}

const shownValue = (value: Value) => (typeof value === 'string' ? value : JSON.stringify(value));
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A stored list of texts as a list of its own: the merge adds to it. */
const strings = (props: Record<string, unknown>, name: string): string[] => [...textsIn(props[name])];
const textOf = (props: Record<string, unknown>, name: string): string | null => textIn(props[name]);

const storedObject = z.record(z.string(), z.unknown());
/** A stored JSON list (claims, citations), each entry kept as stored; none when missing or unreadable. */
function jsonList(props: Record<string, unknown>, name: string): Record<string, unknown>[] {
  const raw = props[name];
  if (typeof raw !== 'string' || raw === '') return [];
  const parsed = z.array(storedObject).safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : [];
}

const fieldsOf = (label: EntityLabel, props: Record<string, unknown>) =>
  Object.entries(props).filter(
    (entry): entry is [string, Value] =>
      !notFields.has(entry[0]) && !entry[0].startsWith('_') && !(label === 'Source' && entry[0] === 'title') && isValue(entry[1]),
  );

/** The survivor after the merge, and what the merge added to it (what the unmerge takes out again). */
interface SurvivorAfter {
  patch: PropertyPatch;
  fields: string[];
  added: {
    aliases: string[];
    formerSlugs: string[];
    sources: string[];
    claims: Record<string, unknown>[];
    filled: Record<string, Value>;
    mergedFrom: MergedFromEntry[];
  };
  claims: ClaimReport[];
  filledFields: FieldValueReport[];
}

function survivorAfter(survivor: MergePlanRow, merged: readonly MergePlanRow[], at: string, by: string, merge: string): SurvivorAfter {
  const props: Record<string, unknown> = { ...survivor.props };
  const name = textOf(props, 'name') ?? survivor.id;
  const aliases = strings(props, 'aliases');
  const formerSlugs = strings(props, 'formerSlugs');
  const sources = strings(props, 'sources');
  const citationEvidence = strings(props, 'citationEvidence');
  const citations = jsonList(props, 'citations');
  const claims = jsonList(props, 'claims');
  const mergedFrom = [...mergedFromIn(props)];
  const added: SurvivorAfter['added'] = { aliases: [], formerSlugs: [], sources: [], claims: [], filled: {}, mergedFrom: [] };
  const claimReports: ClaimReport[] = [];
  const filledFields: FieldValueReport[] = [];
  const addClaim = (claim: Record<string, unknown>, report: ClaimReport) => {
    if (claims.some((kept) => sameValue(kept, claim))) return;
    claims.push(claim);
    added.claims.push(claim);
    claimReports.push(report);
  };

  for (const other of merged) {
    const otherName = textOf(other.props, 'name') ?? other.id;
    for (const alias of [otherName, ...strings(other.props, 'aliases')]) {
      if (alias === name || aliases.includes(alias)) continue;
      aliases.push(alias);
      added.aliases.push(alias);
    }
    for (const slug of [other.id, ...strings(other.props, 'formerSlugs')]) {
      if (formerSlugs.includes(slug)) continue;
      formerSlugs.push(slug);
      added.formerSlugs.push(slug);
    }
    // A source cites itself; another's own citation is no source of the survivor.
    const otherSources = survivor.label === 'Source' ? [] : strings(other.props, 'sources');
    const otherEvidence = strings(other.props, 'citationEvidence');
    const otherCitations = jsonList(other.props, 'citations');
    for (const [index, source] of otherSources.entries()) {
      if (sources.includes(source)) continue;
      sources.push(source);
      citationEvidence.push(otherEvidence[index] ?? textOf(other.props, 'evidence') ?? 'STATED');
      citations.push(...otherCitations.filter((citation) => citation.source === source));
      added.sources.push(source);
    }
    for (const claim of jsonList(other.props, 'claims')) {
      const value = claim.value;
      addClaim(claim, {
        field: String(claim.field),
        value: isValue(value) ? shownValue(value) : String(value),
        sources: Array.isArray(claim.sources) ? claim.sources.map(String) : [],
        origin: 'moved',
        from: other.id,
      });
    }
    const claimSources = survivor.label === 'Source' ? [other.id] : strings(other.props, 'sources');
    const evidence = textOf(other.props, 'evidence') ?? 'STATED';
    for (const [field, value] of fieldsOf(other.label, other.props)) {
      const own = props[field];
      if (own === undefined || own === null) {
        if (!datedFields.has(field)) {
          props[field] = value;
          added.filled[field] = value;
          filledFields.push({ field, value: shownValue(value), from: other.id });
          continue;
        }
      } else if (sameValue(own, value)) continue;
      addClaim(
        { field, value, sources: claimSources, evidence },
        { field, value: shownValue(value), sources: claimSources, origin: 'conflict', from: other.id },
      );
    }
    const entry = { slug: other.id, name: otherName, mergedAt: at, by, merge };
    mergedFrom.push(entry);
    added.mergedFrom.push(entry);
  }

  const patch: PropertyPatch = { ...added.filled, mergedFrom: JSON.stringify(mergedFrom) };
  if (added.aliases.length > 0) patch.aliases = aliases;
  if (added.formerSlugs.length > 0) patch.formerSlugs = formerSlugs;
  if (added.sources.length > 0) {
    patch.sources = sources;
    patch.citationEvidence = citationEvidence;
    if (citations.length > 0) patch.citations = JSON.stringify(citations);
  }
  if (added.claims.length > 0) patch.claims = JSON.stringify(claims);
  Object.assign(props, patch);
  Object.assign(patch, derivedOf(survivor.label, survivor.id, props));
  return {
    patch,
    fields: changedFields(patch),
    added,
    claims: claimReports,
    filledFields,
  };
}

/**
 * What the loader derives from an entity with these properties: the evidence its values stand on
 * (a merge moves citations and claims) and its search forms (an empty one is none).
 */
function derivedOf(label: EntityLabel, id: string, props: Record<string, unknown>): PropertyPatch {
  return {
    valueEvidence: valueEvidenceOf(strings(props, 'citationEvidence'), provenanceIn(props), claimsIn(props)),
    ...storedSearchForms(label, id, props),
  };
}

/**
 * The relationships as the merge re-points them: a relationship whose new key the survivor
 * already has (or an earlier one of these gets) is combined with it, one whose ends are both
 * the survivor now is dropped (a merged entity's link to the survivor, or between two merged
 * entities, would be a loop).
 */
function plannedMoves(relations: readonly PlannedRelation[], mergedIds: ReadonlySet<string>, into: string): RelationMoveReport[] {
  const taken = new Set<string>();
  return relations.map((relation) => {
    let outcome: RelationOutcome;
    if (relation.newFrom === relation.newTo) outcome = 'dropped';
    else if (relation.existing || taken.has(`${relation.type}\u0000${relation.newKey}`)) outcome = 'combined';
    else outcome = 'moved';
    taken.add(`${relation.type}\u0000${relation.newKey}`);
    const fromMerged = mergedIds.has(relation.from);
    const toMerged = mergedIds.has(relation.to);
    const otherIsFrom = !fromMerged || (fromMerged && toMerged && relation.from === into);
    return {
      type: relation.type,
      from: relation.from,
      to: relation.to,
      key: relation.key,
      other: fromMerged && toMerged ? into : otherIsFrom ? relation.from : relation.to,
      otherType: otherIsFrom ? relation.fromLabel : relation.toLabel,
      newFrom: relation.newFrom,
      newTo: relation.newTo,
      newKey: relation.newKey,
      outcome,
    };
  });
}

function countsOf(moves: readonly RelationMoveReport[]): RelationCount[] {
  return relationTypes.flatMap((type) => {
    const ofType = moves.filter((move) => move.type === type);
    if (ofType.length === 0) return [];
    const count = (outcome: RelationOutcome) => ofType.filter((move) => move.outcome === outcome).length;
    return [{ type, moved: count('moved'), combined: count('combined'), dropped: count('dropped') }];
  });
}

/**
 * Checks what the references named, then merges (or, for a dry run, reports what a merge would
 * do). A `from` that already resolves to the survivor through its former slugs was merged (or
 * renamed) before: it is reported in alreadyMerged and skipped, so a merge sent twice changes
 * nothing the second time.
 */
export async function mergeEntities(
  tx: TransactionRunner,
  scope: WriteScope,
  into: MergeTarget,
  from: readonly MergeTarget[],
  dryRun: boolean,
): Promise<MergeReport> {
  if (from.length === 0) throw new BadUserInputError('"from": name at least one entity to merge', { argument: 'from' });
  if (into.label === 'Conflict') throw new BadUserInputError('"into": a conflict cannot be merged', { argument: 'into' });
  const alreadyMerged: AlreadyMerged[] = [];
  const toMerge: MergeTarget[] = [];
  for (const target of from) {
    if (target.slug === into.slug) {
      if (target.givenSlug === into.slug) {
        throw new BadUserInputError(
          `"${target.argument}": "${target.ref}" is the survivor itself; an entity cannot be merged into itself`,
          {
            argument: target.argument,
          },
        );
      }
      alreadyMerged.push({ argument: target.argument, ref: target.ref, merge: null });
      continue;
    }
    if (target.label !== into.label) {
      throw new BadUserInputError(
        `"${target.argument}": "${target.slug}" is ${article(target.label)}, "${into.slug}" is ${article(into.label)}; ` +
          'only entities of one type can be merged',
        { argument: target.argument },
      );
    }
    if (!toMerge.some((kept) => kept.slug === target.slug)) toMerge.push(target);
  }
  const fromIds = toMerge.map((target) => target.slug);
  const plan = await readMergePlan(tx, into.slug, fromIds);
  const survivor = plan.find((row) => row.id === into.slug);
  const merged = fromIds.map((id) => plan.find((row) => row.id === id));
  if (!survivor || merged.some((row) => row === undefined)) {
    throw new ConflictError('an entity of this merge was deleted or merged by another write meanwhile; try again');
  }
  const mergedRows = merged.filter((row): row is MergePlanRow => row !== undefined);
  const known = mergedFromIn(survivor.props);
  for (const entry of alreadyMerged) {
    const target = from.find((one) => one.argument === entry.argument);
    entry.merge = known.find((one) => one.slug === target?.givenSlug)?.merge ?? null;
  }
  const mergedIds = new Set(fromIds);
  // A relationship between two merged entities is listed by both: it is one relationship.
  const relations = [
    ...new Map(mergedRows.flatMap((row) => row.relations).map((relation) => [`${relation.type}|${relation.key}`, relation])).values(),
  ];
  const moves = plannedMoves(relations, mergedIds, into.slug);
  const after = survivorAfter(survivor, mergedRows, survivor.at, scope.by, scope.operation);
  const report: MergeReport = {
    dryRun,
    changed: mergedRows.length > 0,
    merge: null,
    into: into.slug,
    entityType: into.label,
    merged: mergedRows.map((row) => ({
      slug: row.id,
      name: textOf(row.props, 'name') ?? row.id,
      formerSlugs: strings(row.props, 'formerSlugs'),
    })),
    alreadyMerged,
    relations: moves,
    relationCounts: countsOf(moves),
    statements: [...new Set(moves.filter((move) => move.otherType === 'Statement').map((move) => move.other))].sort(),
    claims: after.claims,
    sources: after.added.sources,
    aliases: after.added.aliases,
    formerSlugs: after.added.formerSlugs,
    filledFields: after.filledFields,
  };
  if (dryRun || mergedRows.length === 0) return report;

  for (const type of relationTypes) {
    const ofType = moves.filter((move) => move.type === type);
    const row = (move: RelationMoveReport): RelationMove => ({
      key: move.key,
      newFrom: move.newFrom,
      newTo: move.newTo,
      newKey: move.newKey,
      outcome: move.outcome,
    });
    // Combined ones after the others: the relationship they join may be one this merge creates.
    await moveRelations(tx, type, ofType.filter((move) => move.outcome !== 'combined').map(row), scope.operation, scope.by);
    await moveRelations(tx, type, ofType.filter((move) => move.outcome === 'combined').map(row), scope.operation, scope.by);
  }
  await mergeEntityRecords(
    tx,
    {
      into: into.slug,
      from: fromIds,
      patch: after.patch,
      fields: after.fields,
      record: {
        addedAliases: after.added.aliases,
        addedFormerSlugs: after.added.formerSlugs,
        addedSources: after.added.sources,
        addedClaims: JSON.stringify(after.added.claims),
        filled: JSON.stringify(after.added.filled),
        mergedFrom: JSON.stringify(after.added.mergedFrom),
      },
    },
    scope.operation,
    scope.by,
  );
  return { ...report, merge: scope.operation };
}

const article = (label: string) => `${/^[AEIOU]/.test(label) ? 'an' : 'a'} ${label}`;

export interface UnmergeReport {
  dryRun: boolean;
  changed: boolean;
  merge: string;
  /** The unmerge's operation in the change log; null for a dry run or when nothing changed. */
  operation: string | null;
  into: string;
  entityType: EntityLabel;
  mergedAt: string;
  /** The entities given back. */
  restored: { slug: string; name: string }[];
  relations: (KeptRelation & { restored: boolean })[];
  relationCounts: RelationCount[];
  /** What the survivor loses: the aliases, former slugs, sources and claims the merge gave it. */
  aliases: string[];
  formerSlugs: string[];
  sources: string[];
  claims: ClaimReport[];
  filledFields: FieldValueReport[];
  /** Relationships the survivor got after the merge: they stay on the survivor. */
  keptOnSurvivor: { type: RelationType; from: string; to: string; key: string }[];
  /** Whether the survivor's own fields were written after the merge: those values stay, only what the merge added is taken out. */
  survivorChangedSince: boolean;
  /** Re-pointed relationships changed on the survivor after the merge: they are put back as they were before it. */
  changedSince: string[];
}

const storedClaimsOf = (text: string) => z.array(storedObject).parse(JSON.parse(text));
const storedFilledOf = (text: string) => z.record(z.string(), z.unknown()).parse(JSON.parse(text));

/** The survivor without what the merge gave it, keeping what was written since. */
function survivorWithout(plan: UnmergePlanRow, survivor: Record<string, unknown>): { patch: PropertyPatch; fields: string[] } {
  const { record } = plan;
  const addedClaims = storedClaimsOf(record.addedClaims);
  const filled = storedFilledOf(record.filled);
  const props: Record<string, unknown> = { ...survivor };
  const patch: PropertyPatch = {};
  const without = (name: string, taken: readonly string[]) => {
    const had = strings(props, name);
    if (!had.some((item) => taken.includes(item))) return;
    patch[name] = had.filter((item) => !taken.includes(item));
  };
  without('aliases', record.addedAliases);
  without('formerSlugs', record.addedFormerSlugs);
  const sources = strings(props, 'sources');
  if (sources.some((source) => record.addedSources.includes(source))) {
    const evidence = strings(props, 'citationEvidence');
    const kept = sources.flatMap((source, index) => (record.addedSources.includes(source) ? [] : [index]));
    patch.sources = kept.map((index) => sources[index] ?? '');
    if (evidence.length > 0) patch.citationEvidence = kept.map((index) => evidence[index] ?? 'STATED');
    const citations = jsonList(props, 'citations').filter((citation) => !record.addedSources.includes(String(citation.source)));
    patch.citations = citations.length > 0 ? JSON.stringify(citations) : null;
  }
  const claims = jsonList(props, 'claims');
  const keptClaims = claims.filter((claim) => !addedClaims.some((added) => sameValue(added, claim)));
  if (keptClaims.length !== claims.length) patch.claims = keptClaims.length > 0 ? JSON.stringify(keptClaims) : null;
  for (const [field, value] of Object.entries(filled)) if (sameValue(props[field], value)) patch[field] = null;
  const mergedFrom = mergedFromIn(props).filter((entry) => entry.merge !== record.id);
  patch.mergedFrom = mergedFrom.length > 0 ? JSON.stringify(mergedFrom) : null;
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete props[name];
    else props[name] = value;
  }
  const label = record.label;
  Object.assign(patch, derivedOf(label, record.into, props));
  return { patch, fields: changedFields(patch) };
}

/**
 * Undoes merge `merge` from what it kept: the merged entities come back with their slugs and
 * every property, their relationships go back to them as they were, and the survivor loses what
 * the merge gave it. What the survivor got after the merge stays (see UnmergeReport). An
 * unmerge sent twice answers changed: false the second time.
 */
export async function unmergeEntities(tx: TransactionRunner, scope: WriteScope, merge: string, dryRun: boolean): Promise<UnmergeReport> {
  const plan = await readUnmergePlan(tx, merge);
  if (!plan) throw new NotFoundError(`"merge": no merge has the id "${merge.slice(0, 100)}"`, { argument: 'merge' });
  const { record } = plan;
  const claims = storedClaimsOf(record.addedClaims).map(
    (claim): ClaimReport => ({
      field: String(claim.field),
      value: isValue(claim.value) ? shownValue(claim.value) : String(claim.value),
      sources: Array.isArray(claim.sources) ? claim.sources.map(String) : [],
      origin: 'conflict',
      from: record.into,
    }),
  );
  const report: UnmergeReport = {
    dryRun,
    changed: !record.undone,
    merge: record.id,
    operation: null,
    into: record.into,
    entityType: record.label,
    mergedAt: record.at,
    restored: plan.merged.map((entity) => ({ slug: entity.id, name: entity.name ?? entity.id })),
    relations: plan.relations.map((relation) => ({ ...relation, restored: relation.endsThere })),
    relationCounts: countsOf(plan.relations.map((relation) => ({ ...relation, other: '', otherType: 'Source' }))),
    aliases: record.addedAliases,
    formerSlugs: record.addedFormerSlugs,
    sources: record.addedSources,
    claims,
    filledFields: Object.entries(storedFilledOf(record.filled)).map(([field, value]) => ({
      field,
      value: isValue(value) ? shownValue(value) : String(value),
      from: record.into,
    })),
    keptOnSurvivor: plan.addedSince,
    survivorChangedSince: plan.survivorChangedSince,
    changedSince: plan.relations.filter((relation) => relation.changedSince).map((relation) => relation.newKey),
  };
  if (record.undone) return report;
  if (plan.survivor === null) {
    throw new ConflictError(
      `merge "${record.id}" cannot be undone: its survivor "${record.into}" is no longer an entity (deleted, or merged in turn: undo that first)`,
      { merge: record.id },
    );
  }
  const taken = plan.merged.filter((entity) => entity.taken).map((entity) => entity.id);
  if (taken.length > 0) {
    throw new ConflictError(
      `merge "${record.id}" cannot be undone: ${taken.map((slug) => `"${slug}"`).join(', ')} ${taken.length === 1 ? 'is' : 'are'} the slug of another entity now`,
      { merge: record.id, taken },
    );
  }
  const lost = plan.relations.filter((relation) => !relation.endsThere);
  if (lost.length > 0) {
    throw new ConflictError(
      `merge "${record.id}" cannot be undone: ${lost.length} of its relations end at an entity deleted since, e.g. ${lost
        .slice(0, 5)
        .map((relation) => `"${relation.key}"`)
        .join(', ')}`,
      { merge: record.id },
    );
  }
  if (dryRun) return report;
  const exact = !plan.survivorChangedSince && plan.before !== null;
  const without = survivorWithout(plan, plan.survivor);
  await unmergeEntityRecords(
    tx,
    { merge: record.id, exact, patch: exact ? {} : without.patch, fields: without.fields },
    scope.operation,
    scope.by,
  );
  for (const type of relationTypes) {
    if (plan.relations.some((relation) => relation.type === type)) await restoreRelations(tx, type, record.id, scope.operation, scope.by);
  }
  return { ...report, operation: scope.operation };
}

/**
 * Entity deletes and their cascades. An entity is not deleted while anything points at it,
 * unless the caller asks for the cascade: then its relations go with it, and so do the signatures
 * made on its behalf (a signature needs its onBehalfOf: cleared, it would be a record the import
 * refuses), and a source is taken out of every list that cites it (un-cited), the facts it leaves
 * with no source deleted.
 */
import { z } from 'zod';
import type { TransactionRunner } from '../../db/database.ts';
import type { WriteScope } from '../../db/load.ts';
import {
  type CitedAfter,
  type CitedProps,
  type CitingEntity,
  citingSource,
  deleteEntities,
  deleteRelations,
  type EntityCitations,
  type EntityCitedAfter,
  lockEntity,
  type RelationCitations,
  type RelationDependent,
  type RelationIdentity,
  readEntities,
  relationDependents,
  unciteEntities,
  unciteRelations,
} from '../../db/repositories/curation.ts';
import { dateEvidenceOf } from '../../domain/date-evidence.ts';
import { BadUserInputError, ConflictError } from '../../domain/errors.ts';
import { valueEvidenceOf } from '../../domain/evidence.ts';
import type { EntityLabel } from '../../domain/graph.ts';
import { storedSearchForms } from '../../domain/text/search-forms.ts';

export interface DeleteResult {
  deleted: boolean;
  slug: string;
  entityType: EntityLabel | null;
  operation: string | null;
  removedEntities: number;
  removedRelations: number;
  updatedEntities: number;
  updatedRelations: number;
}

/** Something that still points at an entity, as a refusal lists it. */
type Dependent =
  | { kind: 'relation'; type: string; from: string; to: string; key: string; via: 'relation' | 'onBehalfOf' | 'sources' }
  | { kind: 'entity'; slug: string; entityType: EntityLabel; via: 'sources' | 'claims' };

/** How many dependents a refusal names; the rest are counted. */
export const shownDependents = 20;

function describe(dependent: Dependent): string {
  if (dependent.kind === 'entity') {
    return dependent.via === 'claims'
      ? `a claim of ${dependent.entityType} "${dependent.slug}" cites it`
      : `${dependent.entityType} "${dependent.slug}" cites it`;
  }
  const relation = `${dependent.type} ${dependent.from} → ${dependent.to}`;
  if (dependent.via === 'onBehalfOf') return `${relation} was signed on behalf of it`;
  if (dependent.via === 'sources') return `${relation} cites it`;
  return relation;
}

function refuse(label: EntityLabel, id: string, total: number, shown: Dependent[], cascadeDoes: string) {
  const listed = shown.slice(0, shownDependents);
  const more = total > listed.length ? `; …and ${total - listed.length} more` : '';
  return new ConflictError(
    `${label} "${id}" is not deleted: ${total} ${total === 1 ? 'thing still points' : 'things still point'} at it: ` +
      `${listed.map(describe).join('; ')}${more}. Delete or change ${total === 1 ? 'it' : 'them'} first, or pass cascade: true ` +
      `(which ${cascadeDoes}).`,
    { dependents: listed, dependentCount: total },
  );
}

const relationDependent = (relation: RelationDependent): Dependent => ({ kind: 'relation', ...relation });

const nothingDeleted = (id: string): DeleteResult => ({
  deleted: false,
  slug: id,
  entityType: null,
  operation: null,
  removedEntities: 0,
  removedRelations: 0,
  updatedEntities: 0,
  updatedRelations: 0,
});

/**
 * Stored claims, or a conflict's sides: JSON text of objects that each cite sources. Every
 * field is kept as stored, in its order, so that what is written back differs only in sources.
 */
const storedEntries = z.array(z.record(z.string(), z.unknown()));
const sourceList = z.array(z.string()).catch([]);

interface CitingEntry {
  fields: Record<string, unknown>;
  sources: string[];
}

function citingEntries(text: string | null): CitingEntry[] {
  return storedObjects(text).map((fields) => ({ fields, sources: sourceList.parse(fields.sources) }));
}

/** Each entry without the source, and those left citing nothing left out. */
function uncited(entries: readonly CitingEntry[], id: string): CitingEntry[] {
  return entries
    .map((entry) => {
      const sources = entry.sources.filter((source) => source !== id);
      return { fields: { ...entry.fields, sources }, sources };
    })
    .filter((entry) => entry.sources.length > 0);
}

/** Each entry of stored JSON text (citations, provenance), as objects; none for null or for text that is no list. */
function storedObjects(text: string | null): Record<string, unknown>[] {
  if (!text) return [];
  const parsed = storedEntries.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : [];
}

const jsonOrNull = (entries: readonly Record<string, unknown>[]) => (entries.length > 0 ? JSON.stringify(entries) : null);

/**
 * What a record derives from its citations once source `id` is gone: the kind of each source
 * left, taken by source (not by position, which the removal shifts: the next source took the
 * removed one's kind); the exceptions and the fields' provenance without it, a provenance entry
 * that cited only it gone (the field then reads as the record's own); and the date's evidence
 * again from what is left.
 */
function citedWithout(
  cited: CitedProps,
  sourcesBefore: readonly string[],
  sourcesAfter: readonly string[],
  claims: readonly Record<string, unknown>[],
  id: string,
): EntityCitedAfter {
  const kindOf = new Map(sourcesBefore.map((source, index) => [source, cited.citationEvidence[index]]));
  const citationEvidence = sourcesAfter.map((source) => kindOf.get(source) ?? cited.evidence ?? 'STATED');
  const citations = storedObjects(cited.citations).filter((citation) => citation.source !== id);
  // An entry without sources of its own reads the record's, and stays as it is.
  const provenance = storedObjects(cited.provenance).flatMap((entry) => {
    if (entry.sources === undefined) return [entry];
    const sources = sourceList.parse(entry.sources).filter((source) => source !== id);
    return sources.length > 0 ? [{ ...entry, sources }] : [];
  });
  return {
    citationEvidence,
    citations: jsonOrNull(citations),
    provenance: jsonOrNull(provenance),
    dateEvidence: dateEvidenceOf(cited, provenance, claims, citationEvidence),
    // An entity's only: a relationship's row leaves it out.
    valueEvidence: valueEvidenceOf(citationEvidence, provenance, claims),
  };
}

/** The fields of the record the removal changed among its exceptions and provenance, as the change log names them. */
const changedCitations = (cited: CitedProps, after: CitedAfter) =>
  (['citations', 'provenance'] as const).filter((field) => cited[field] !== after[field]);

/**
 * What removing one source leaves of a conflict: each side without it, a side left with no source
 * gone; its sources are those of the sides left. Fewer than two sides is no disagreement any
 * more, so it is left with no source, which deletes it.
 */
function conflictWithoutSource(entity: CitingEntity, id: string): EntityCitations & { viaSources: boolean } {
  const sides = uncited(citingEntries(entity.sides), id);
  const sources = sides.length < 2 ? [] : [...new Set(sides.flatMap((side) => side.sources))];
  const cited = citedWithout(entity.cited, entity.sources, sources, [], id);
  return {
    id: entity.id,
    sources,
    claims: null,
    sides: JSON.stringify(sides.map((side) => side.fields)),
    cited,
    forms: null,
    fields: ['sources', 'sides', ...changedCitations(entity.cited, cited)],
    viaSources: true,
  };
}

/** What removing one source leaves of an entity's citations, or null when it does not cite it after all. */
function withoutSource(entity: CitingEntity, id: string): (EntityCitations & { viaSources: boolean }) | null {
  if (entity.label === 'Conflict') return conflictWithoutSource(entity, id);
  const sources = entity.sources.filter((source) => source !== id);
  const claims = citingEntries(entity.claims);
  const citingClaims = claims.filter((claim) => claim.sources.includes(id));
  const viaSources = sources.length !== entity.sources.length;
  if (!viaSources && citingClaims.length === 0) return null;
  // A claim left with no source is a value nobody states any more: it goes.
  const kept = uncited(claims, id);
  const keptClaims = kept.length > 0 ? JSON.stringify(kept.map((claim) => claim.fields)) : null;
  const cited = citedWithout(
    entity.cited,
    entity.sources,
    sources,
    kept.map((claim) => claim.fields),
    id,
  );
  const fields = [
    ...(viaSources ? ['sources'] : []),
    ...(citingClaims.length > 0 ? ['claims'] : []),
    ...changedCitations(entity.cited, cited),
  ];
  // A claim's name is searched as one of the entity's names: one that went must not find it.
  const forms = citingClaims.length > 0 ? storedSearchForms(entity.label, entity.id, { ...entity.searched, claims: keptClaims }) : null;
  return { id: entity.id, sources, claims: keptClaims, sides: null, cited, forms, fields, viaSources };
}

function relationIdentity(relation: RelationIdentity) {
  return { type: relation.type, from: relation.from, to: relation.to, key: relation.key };
}

/**
 * A source is what other facts stand on. Without cascade, any fact citing it refuses the delete;
 * with cascade, it is removed from every citing list, and the facts it leaves with no source at
 * all are deleted (entities with their relations), as a fact without evidence has no place here.
 */
async function deleteSource(tx: TransactionRunner, id: string, cascade: boolean, scope: WriteScope): Promise<DeleteResult> {
  const citing = await citingSource(tx, id);
  const entities = citing.entities.flatMap((entity) => {
    const after = withoutSource(entity, id);
    return after ? [{ entity, after }] : [];
  });
  const ownRelations = await relationDependents(tx, id, shownDependents);
  const total = entities.length + citing.relations.length + ownRelations.total;
  if (total > 0 && !cascade) {
    const shown: Dependent[] = [
      ...entities.map(
        ({ entity, after }): Dependent => ({
          kind: 'entity',
          slug: entity.id,
          entityType: entity.label,
          via: after.viaSources ? 'sources' : 'claims',
        }),
      ),
      ...citing.relations.map((relation): Dependent => ({ kind: 'relation', ...relationIdentity(relation), via: 'sources' })),
      ...ownRelations.sample.map(relationDependent),
    ];
    throw refuse('Source', id, total, shown, 'removes it from every sources list and deletes the facts left with no source');
  }
  const unsourcedEntities = entities.filter(({ after }) => after.sources.length === 0).map(({ entity }) => entity.id);
  const keptEntities = entities.filter(({ after }) => after.sources.length > 0).map(({ after }) => after);
  const relationsAfter = citing.relations.map((relation): RelationCitations => {
    const sources = relation.sources.filter((source) => source !== id);
    const { valueEvidence: _entityOnly, ...cited } = citedWithout(
      relation.cited,
      relation.sources,
      sources,
      storedObjects(relation.claims),
      id,
    );
    return { ...relationIdentity(relation), sources, cited, fields: ['sources', ...changedCitations(relation.cited, cited)] };
  });
  const unsourcedRelations = relationsAfter.filter((relation) => relation.sources.length === 0);
  const keptRelations = relationsAfter.filter((relation) => relation.sources.length > 0);

  const removedRelations = await deleteRelations(tx, unsourcedRelations.map(relationIdentity), scope);
  const removed = await deleteEntities(tx, [id, ...unsourcedEntities], scope);
  const updatedEntities = await unciteEntities(
    tx,
    keptEntities.map(({ viaSources: _viaSources, ...row }) => row),
    scope,
  );
  const updatedRelations = await unciteRelations(tx, keptRelations, scope);
  return {
    deleted: true,
    slug: id,
    entityType: 'Source',
    operation: scope.operation,
    removedEntities: removed.entities - 1,
    removedRelations: removedRelations + removed.relations,
    updatedEntities,
    updatedRelations,
  };
}

/**
 * Deletes an entity of this label by slug, with its cascade when asked for. `argument` is what
 * the caller named the slug, which a refused slug is reported under. An unknown slug deletes
 * nothing.
 */
export async function deleteEntity(
  tx: TransactionRunner,
  scope: WriteScope,
  label: EntityLabel,
  id: string,
  cascade: boolean,
  argument: string,
): Promise<DeleteResult> {
  const stored = await lockEntity(tx, id);
  if (stored === null) {
    // A former slug still names its entity for reads; a delete must name it by its slug.
    const [renamed] = await readEntities(tx, [id]);
    if (renamed) {
      throw BadUserInputError.of([
        {
          field: argument,
          message: `"${id}" is a former slug of "${renamed.id}" (${renamed.label}); delete "${renamed.id}" if you mean it`,
        },
      ]);
    }
    return nothingDeleted(id);
  }
  if (stored !== label) throw BadUserInputError.of([{ field: argument, message: `"${id}" is a ${stored}, not a ${label}` }]);
  if (label === 'Source') return deleteSource(tx, id, cascade, scope);
  const dependents = await relationDependents(tx, id, shownDependents);
  if (dependents.total > 0 && !cascade) {
    throw refuse(
      label,
      id,
      dependents.total,
      dependents.sample.map(relationDependent),
      'deletes its relations and the signatures made on its behalf',
    );
  }
  const removed = await deleteEntities(tx, [id], scope);
  return {
    deleted: true,
    slug: id,
    entityType: label,
    operation: scope.operation,
    removedEntities: 0,
    removedRelations: removed.relations,
    updatedEntities: 0,
    updatedRelations: 0,
  };
}

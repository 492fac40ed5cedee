import { decodeGlobalID } from '@pothos/plugin-relay';
import { searchEntities } from '../db/repositories/lists.ts';
import { BadUserInputError, NotFoundError } from '../domain/errors.ts';
import { type EntityLabel, graphEntityLabels, isEntityLabel } from '../domain/graph.ts';
import { slugPattern } from '../domain/rules.ts';
import { type EntityRow, isGraphEntity, type StoredEntity } from '../domain/stored-entity.ts';
import { withArticle } from '../domain/text/article.ts';
import { searchKey } from '../domain/text/normalize.ts';
import { planSearch, searchStatementParameters } from '../domain/text/search-query.ts';
import { asCandidate, candidateCount, candidatesFor, didYouMeanHint } from '../services/candidates.ts';
import type { RequestContext } from './context.ts';
import { loadEntitiesInOrder } from './entity.ts';

/**
 * References: the arguments that name an entity (neighborhood's id, paths' from and to,
 * timeline's actor, the topic filter, entity(ref:)). Each takes what a client has, a slug or a
 * global ID, and both go through the entity loader, whose statement is the one place slugs are
 * resolved: current slugs first, then former slugs (renames, later merges). So an old slug, or
 * a global ID built from one, names the same entity everywhere. entity(ref:) also takes a name
 * or alias, when exactly one entity has it.
 *
 * A reference that names nothing is NOT_FOUND on its field alone, naming the argument and the
 * reference, with up to three candidates from search in extensions.didYouMean.
 */

/** What a reference looks like, before the database says what it names. */
export type ParsedRef =
  | { kind: 'slug'; slug: string }
  | { kind: 'globalId'; label: EntityLabel; slug: string }
  | { kind: 'other'; text: string };

/** A reference that names an entity by slug, directly or inside a global ID. */
type SlugRef = Exclude<ParsedRef, { kind: 'other' }>;

/**
 * A slug is lower-case letters and digits joined by hyphens; a global ID is base64 of
 * "Type:slug", which always holds an upper-case letter (every type name starts with one), so the
 * two never overlap. Anything else is other text (a name, a typo, garbage).
 */
export function parseRef(ref: string): ParsedRef {
  if (slugPattern.test(ref)) return { kind: 'slug', slug: ref };
  let decoded: { typename: string; id: string } | null = null;
  try {
    decoded = decodeGlobalID(ref);
  } catch {
    decoded = null;
  }
  // A round trip through base64 keeps out strings that only decode by accident.
  if (decoded && isEntityLabel(decoded.typename) && slugPattern.test(decoded.id) && sameBase64(ref, decoded)) {
    return { kind: 'globalId', label: decoded.typename, slug: decoded.id };
  }
  return { kind: 'other', text: ref };
}

function sameBase64(ref: string, decoded: { typename: string; id: string }): boolean {
  const strip = (value: string) => value.replace(/=+$/, '');
  return strip(Buffer.from(`${decoded.typename}:${decoded.id}`, 'utf8').toString('base64')) === strip(ref);
}

/** At most this many characters of a reference are repeated in a message. */
const shownLength = 100;
const shown = (ref: string) => JSON.stringify(ref.length > shownLength ? `${ref.slice(0, shownLength)}…` : ref);

/** One reference argument to resolve: its name, the value given, and the types it may name. */
export interface RefRequest {
  argument: string;
  ref: string;
  /** The types the argument takes; absent for any entity. */
  labels?: readonly EntityLabel[];
}

const typeList = (labels: readonly EntityLabel[]) => labels.join(' or ');

async function unresolved(context: RequestContext, request: RefRequest, parsed: ParsedRef, found: StoredEntity | null) {
  const { argument, ref, labels } = request;
  const wanted = labels ? typeList(labels) : 'entity';
  let reason: string;
  if (parsed.kind === 'globalId') {
    reason = found
      ? `the global ID ${shown(ref)} names ${withArticle(parsed.label)} "${parsed.slug}", but "${parsed.slug}" is ${withArticle(found.label)}`
      : `no ${parsed.label} has the slug "${parsed.slug}" (global ID ${shown(ref)})`;
  } else if (found) {
    reason = `${shown(ref)} is ${withArticle(found.label)}, not ${withArticle(wanted)}`;
  } else {
    reason = `no ${wanted} has the ${parsed.kind === 'slug' ? 'slug' : 'slug, global ID, name or alias'} ${shown(ref)}`;
  }
  const typed = parsed.kind === 'other' ? parsed.text : parsed.slug;
  const didYouMean = await candidatesFor(context.reads, typed, labels);
  const hint = didYouMeanHint(didYouMean);
  return new NotFoundError(`"${argument}": ${reason}${hint}`, { argument }, { ref: ref.slice(0, shownLength), didYouMean });
}

/**
 * A reference that is neither a slug nor a global ID (a name, most often: "MSK-IX", "ccTLD"),
 * with the entities search finds for it, as NOT_FOUND gives them. The text written as a slug
 * named one that may not exist ("cctld"), so the candidates come from the database.
 */
async function malformed(context: RequestContext, request: RefRequest) {
  const didYouMean = await candidatesFor(context.reads, request.ref, request.labels);
  return new BadUserInputError(
    `"${request.argument}" takes a slug such as "msk-ix" or a global ID, got ${shown(request.ref)}${didYouMeanHint(didYouMean)}`,
    { argument: request.argument },
    { ref: request.ref.slice(0, shownLength), didYouMean },
  );
}

/**
 * Resolves reference arguments to entities, all in one batch through the entity loader. The
 * first that names nothing (of its types) throws NOT_FOUND; a value that is neither a slug nor a
 * global ID throws BAD_USER_INPUT, before any entity is loaded.
 */
export async function resolveRefs(context: RequestContext, requests: readonly RefRequest[]): Promise<StoredEntity[]> {
  const parsed: SlugRef[] = [];
  for (const request of requests) {
    const one = parseRef(request.ref);
    if (one.kind === 'other') throw await malformed(context, request);
    parsed.push(one);
  }
  const found = await loadEntitiesInOrder(
    context,
    parsed.map((one) => one.slug),
  );
  const resolved: StoredEntity[] = [];
  for (const [index, request] of requests.entries()) {
    const one = parsed[index] as SlugRef;
    const entity = found[index] ?? null;
    if (entity && fits(entity, one, request.labels)) resolved.push(entity);
    else throw await unresolved(context, request, one, entity);
  }
  return resolved;
}

/** A global ID names its type as well: the slug of another type's entity is not that entity. */
function fits(entity: StoredEntity, parsed: ParsedRef, labels: readonly EntityLabel[] | undefined): boolean {
  // A conflict is no entity of the graph: it cannot be walked from or filtered by.
  return refFits(entity, parsed) && (labels ?? graphEntityLabels).includes(entity.label);
}

/** Whether an entity found by a reference's slug is the one it names: a global ID names its type too. */
export function refFits(entity: Pick<StoredEntity, 'label'>, parsed: ParsedRef): boolean {
  return parsed.kind !== 'globalId' || entity.label === parsed.label;
}

export async function resolveRef(context: RequestContext, request: RefRequest): Promise<StoredEntity> {
  const [entity] = await resolveRefs(context, [request]);
  if (!entity) throw new Error('resolveRefs returned nothing for one reference');
  return entity;
}

/**
 * entity(ref:): a slug, a global ID, or a name or alias that exactly one entity has (compared
 * as search compares, ignoring case and accents). A slug wins over a name. One search answers
 * both the name lookup and, when it fails, the candidates.
 */
export async function resolveAnyRef(context: RequestContext, argument: string, ref: string): Promise<EntityRow> {
  const parsed = parseRef(ref);
  if (parsed.kind !== 'other') {
    const [entity] = await loadEntitiesInOrder(context, [parsed.slug]);
    // As fits with no labels: any entity of the graph, no conflict.
    if (isGraphEntity(entity) && refFits(entity, parsed)) return entity;
    // A global ID names one entity; only slug-like text may also be a name ("spam", "icann").
    if (parsed.kind === 'globalId') throw await unresolved(context, { argument, ref }, parsed, entity ?? null);
  }
  const typed = ref.trim();
  if (typed.length === 0 || typed.length > 200) throw new BadUserInputError(`"${argument}" must be 1 to 200 characters`, { argument });
  const plan = planSearch(typed);
  if (!plan) throw new BadUserInputError(`"${argument}" must contain a letter or a digit`, { argument });
  const key = searchKey(typed);
  // Search ranks the entities with exactly this name or alias first; twenty leave room for a name many share.
  const rows = await searchEntities(context.reads, searchStatementParameters(plan, null, 20));
  const named = rows
    .map((row) => row.entity)
    .filter((entity) => [entity.name, ...entity.aliases].some((name) => name !== null && searchKey(name) === key));
  const [only] = named;
  if (only && named.length === 1) {
    context.loaders.entity.prime(only.id, only);
    return only;
  }
  if (named.length > 1) {
    throw new BadUserInputError(
      `"${argument}": ${shown(ref)} is the name or alias of ${named.length} entities; give one's slug: ` +
        named
          .slice(0, 5)
          .map((entity) => `"${entity.id}" (${entity.label})`)
          .join(', '),
      { argument },
      { ref: ref.slice(0, shownLength), didYouMean: named.slice(0, candidateCount).map(asCandidate) },
    );
  }
  const didYouMean = rows.slice(0, candidateCount).map((row) => asCandidate(row.entity));
  const hint = didYouMeanHint(didYouMean);
  throw new NotFoundError(
    `"${argument}": no entity has the slug, global ID, name or alias ${shown(ref)}${hint}`,
    { argument },
    { ref: ref.slice(0, shownLength), didYouMean },
  );
}

import type { ArgBuilder, InterfaceRef, ObjectRef } from '@pothos/core';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { RelationOrder } from '../db/relation-page-slots.ts';
import type { Direction, RelationPage, RelationPageRequest, RelationRecord } from '../db/repositories/relations.ts';
import { BadUserInputError } from '../domain/errors.ts';
import { type CompletenessEntry, completenessOf, externalFactsOf } from '../domain/evidence.ts';
import type { EntityLabel, RelationType } from '../domain/graph.ts';
import { otherEndLabels, relationRules } from '../domain/rules.ts';
import { auditIn, type EntityRow, evidenceSourceOf, textIn } from '../domain/stored-entity.ts';
import { asOfArgs, asOfArgument } from './as-of.ts';
import { auditFields } from './audit.ts';
import type { Types } from './builder.ts';
import type { RequestContext } from './context.ts';
import { enumName, roleEnums } from './curation/enums.ts';
import { loadEntities } from './entity.ts';
import { EvidenceEnum, evidenceArgDescription, evidenceFields, evidenceFilter } from './evidence.ts';
import type { Loaders } from './loaders.ts';
import { RelationOrderInput } from './ordering.ts';
import {
  countedTotal,
  cutPage,
  defaultPageSizeAt,
  encodeCursor,
  listsAbove,
  type PageArguments,
  type PageWindow,
  pageWindow,
} from './paging.ts';
import { readsStored, readsStoredWhenSelected, recordViewFor } from './record-view.ts';
import { ActorRef, EntityRef, SourceRef } from './refs.ts';
import { PartialDate } from './scalars.ts';
import { selectsField } from './selection.ts';

/** The fields a relationship may carry besides its evidence. */
export type RelationField = 'role' | 'title' | 'onBehalfOf' | 'date' | 'startDate' | 'endDate';

export const relationFields: Record<RelationType, RelationField[]> = {
  MANAGES: ['role'],
  PARTY_TO: [],
  SIGNED: ['onBehalfOf', 'date'],
  HOLDS_POSITION: ['title', 'startDate', 'endDate'],
  MEMBER_OF: ['role', 'startDate', 'endDate'],
  PART_OF: [],
  PARTICIPATED_IN: ['role'],
  COVERS: [],
  DISCUSSED: [],
  ESTABLISHED_BY: [],
  ISSUED: [],
  PRESENTED_AT: [],
  LOCATED_IN: [],
  SERVES_COUNTRY: [],
  IDN_COUNTERPART: [],
  COOPERATES_WITH: [],
  SAID_BY: [],
  SAID_AT: [],
  ABOUT: [],
};

interface RelationEdge {
  cursor: string;
  node: EntityRow;
  relation: RelationRecord;
}

/**
 * An edge of a page. Its cursor is written only when the selection reads it: a nested read such
 * as Q3 selects none, and encoding one per edge anyway took 0.1 ms of a Q3 request at 10k.
 */
class PageEdge implements RelationEdge {
  readonly relation: RelationRecord;
  constructor(relation: RelationRecord) {
    this.relation = relation;
  }
  get node(): EntityRow {
    return this.relation.other;
  }
  get cursor(): string {
    return encodeCursor(this.relation.position);
  }
}

/**
 * The page request of one connection field, made once per request, field of the document and
 * list depth. Its parents all ask with the same one: the arguments, the selection and the depth
 * decide it, and none of them differ between parents. The loader writes a request's part of its
 * key once per object (loaders.ts), so one object per field is what keeps keys cheap.
 */
class SharedPageRequests {
  private readonly byRequest = new WeakMap<Loaders, WeakMap<readonly FieldNode[], Map<number, RelationPageRequest>>>();

  of(loaders: Loaders, fieldNodes: readonly FieldNode[], lists: number, make: () => RelationPageRequest): RelationPageRequest {
    let byField = this.byRequest.get(loaders);
    if (!byField) {
      byField = new WeakMap();
      this.byRequest.set(loaders, byField);
    }
    let byDepth = byField.get(fieldNodes);
    if (!byDepth) {
      byDepth = new Map();
      byField.set(fieldNodes, byDepth);
    }
    let request = byDepth.get(lists);
    if (!request) {
      request = make();
      byDepth.set(lists, request);
    }
    return request;
  }
}

export interface RelationSpec {
  type: RelationType;
  direction: Direction;
  /** The other end's GraphQL type. */
  target: ObjectRef<Types, EntityRow> | InterfaceRef<Types, EntityRow>;
  /**
   * The other end's labels, when the type allows more than the target covers. Labels that cover
   * all the relation rules admit there are not tested (narrowingLabels).
   */
  labels?: EntityLabel[];
  /** Only these roles (e.g. organizers among participants). */
  roles?: string[];
  /** With roles: the field of the same type that holds every role, named when another role is asked for. */
  everyRoleIn?: string;
  /**
   * Offer includeParts: roll the relations of the entity's parts (what is inside it by PART_OF,
   * transitively, with one of these labels) into the page, in the same statement; the
   * description is the argument's.
   */
  parts?: { labels: EntityLabel[]; description: string };
  description: string;
}

const edgeFieldDescriptions: Record<RelationField, string> = {
  role: 'The role in this relation (e.g. registry, speaker, organizer).',
  title: 'The title of the position, as the source gives it.',
  onBehalfOf: 'The organization or body the signatory signed for.',
  date: 'When it happened, with the precision the source gives.',
  startDate: 'When it began, with the precision the source gives.',
  endDate: 'When it ended, with the precision the source gives.',
};

/**
 * The seed format lets any relation carry dates (an OEWG mandate's term on its PART_OF, say):
 * every edge offers them, null where the source gives none.
 */
const datedFields: RelationField[] = ['date', 'startDate', 'endDate'];

const relationOf = (edge: RelationEdge) => edge.relation;

/** The extension under which a relation connection's field names its relation, for the planner. */
export const relationPageExtension = 'govgraphRelationPage';

/** What the planner needs to know of a relation connection: what its resolver puts in every request. */
export interface RelationMark {
  type: RelationType;
  direction: Direction;
  labels: EntityLabel[] | null;
  roles: string[] | null;
  /** The labels of the parts includeParts rolls up; null where the connection does not offer it. */
  partLabels: EntityLabel[] | null;
}

/**
 * The spec's labels when they leave out some label the relation rules admit at the other end;
 * else null: a label test there would be a property read per relationship that turns nothing
 * away (a person's positions name organizations and bodies only).
 */
function narrowingLabels(spec: RelationSpec): EntityLabel[] | null {
  if (!spec.labels) return null;
  const given = new Set(spec.labels);
  return [...otherEndLabels(spec.type, spec.direction)].every((label) => given.has(label)) ? null : spec.labels;
}

const relationMark = (spec: RelationSpec): RelationMark => ({
  type: spec.type,
  direction: spec.direction,
  labels: narrowingLabels(spec),
  roles: spec.roles ?? null,
  partLabels: spec.parts?.labels ?? null,
});

/** The arguments a relation connection's resolver understands: the planner plans nothing else. */
export const relationConnectionArguments: ReadonlySet<string> = new Set([
  'first',
  'last',
  'after',
  'before',
  'evidence',
  'includeParts',
  'asOf',
  'includeUndated',
  'roles',
  'orderBy',
]);

/** The arguments of a relation connection besides paging, as GraphQL or the planner gives them. */
export interface RelationArguments {
  evidence?: unknown;
  roles?: unknown;
  includeParts?: unknown;
  asOf?: unknown;
  includeUndated?: unknown;
  orderBy?: unknown;
}

/** The order a relation connection's `orderBy` asks for (GraphQL has checked it against RelationOrder); by name, ascending, without one. */
function orderOf(asked: unknown): { orderBy: RelationOrder; descending: boolean } {
  if (typeof asked !== 'object' || asked === null) return { orderBy: 'NAME', descending: false };
  const field = 'field' in asked ? asked.field : null;
  const direction = 'direction' in asked ? asked.direction : null;
  return { orderBy: field === 'DATE' ? 'DATE' : 'NAME', descending: direction === 'DESC' };
}

/**
 * The page request a relation connection asks its loader for. The resolver and the planner
 * build it here alike: a planned read primes the loader under this very key (its JSON, key
 * order included), so the resolver finds the page without asking the database.
 */
export function relationPageRequest(
  mark: RelationMark,
  args: RelationArguments,
  window: PageWindow,
  withTotal: boolean,
  withPageInfo: boolean,
): RelationPageRequest {
  return {
    type: mark.type,
    direction: mark.direction,
    labels: mark.labels,
    roles: rolesOf(mark, args.roles),
    evidence: evidenceFilter(args.evidence),
    // Part of the loader's key: pages asked with different dates never share a batch.
    asOf: asOfArgument(args),
    ...orderOf(args.orderBy),
    // The extra relation only tells pageInfo whether more exist: without pageInfo in the
    // selection (a nested read such as the benchmark's Q3), each page reads its size and no more,
    // a sixth fewer relations at five per page.
    limit: withPageInfo ? window.limit : window.size,
    size: window.size,
    after: window.after,
    before: window.before,
    backwards: window.backwards,
    withTotal,
    partLabels: args.includeParts === true ? mark.partLabels : null,
  };
}

/**
 * The roles a page keeps: those the connection keeps (organizers among participants) and, of
 * those, the ones the `roles` argument names (GraphQL has checked them against the type's enum);
 * null for every role. An empty argument names no filter.
 */
function rolesOf(mark: RelationMark, asked: unknown): string[] | null {
  const named = Array.isArray(asked) ? asked.filter((role): role is string => typeof role === 'string') : [];
  if (named.length === 0) return mark.roles;
  return mark.roles ? mark.roles.filter((role) => named.includes(role)) : [...new Set(named)];
}

/**
 * A connection that keeps some of its type's roles (organizers among participants) refuses the
 * others by name: asked for speakers, it would otherwise answer an empty list, which reads as
 * "no speaker" rather than as a question put to the wrong list.
 */
function refuseRolesOutside(spec: RelationSpec, field: string, asked: unknown): void {
  if (!spec.roles || !Array.isArray(asked)) return;
  const kept = spec.roles;
  const outside = asked.filter((role): role is string => typeof role === 'string' && !kept.includes(role));
  if (outside.length === 0) return;
  throw new BadUserInputError(
    `${field} holds only the roles ${kept.map(enumName).join(', ')}; ${outside.map(enumName).join(', ')} ` +
      `${outside.length === 1 ? 'is' : 'are'} not among them${spec.everyRoleIn ? ` (${spec.everyRoleIn} takes every role)` : ''}`,
    { argument: 'roles' },
    { allowed: kept.map(enumName) },
  );
}

/**
 * What a source says about the whole list: stored on the entity whose list it is, so it costs no
 * read beyond the entity itself. A list cut down by role is a part of the source's list: if that
 * list is whole, so is the part; if it is partial, nothing is known of the part.
 */
function listCompleteness(parent: EntityRow, spec: RelationSpec, byRole: boolean): CompletenessEntry | null {
  const entry = completenessOf(parent.completeness, spec.type, spec.direction);
  if (entry && byRole && !entry.complete) return null;
  return entry;
}

interface ConnectionShape {
  totalCount: number | null;
  completeness: CompletenessEntry | null;
}

/**
 * A Relay connection over one relationship type: its edges carry the relation's own fields
 * and its sources; its pages come through the per-request relation loader.
 */
export function relationConnection<P extends EntityRow>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, P>, spec: RelationSpec) {
  const { field, connection, edge } = connectionOptions(t, spec);
  return t.connection(field, connection, edge);
}

/** The same, as a field of an interface (Actor's, actor.ts), which its objects inherit. */
export function interfaceRelationConnection<P extends EntityRow>(t: PothosSchemaTypes.InterfaceFieldBuilder<Types, P>, spec: RelationSpec) {
  const { field, connection, edge } = connectionOptions(t, spec);
  return t.connection(field, connection, edge);
}

/** The three option objects of a relation connection: the field's, its connection type's and its edge type's. */
function connectionOptions(t: { arg: ArgBuilder<Types> }, spec: RelationSpec) {
  const fields = [...new Set([...relationFields[spec.type], ...datedFields])];
  const mark = relationMark(spec);
  const RoleEnum = roleEnums[spec.type];
  // The roles the argument may name: the connection's own (organizers) or all the type's.
  const roles = spec.roles ?? relationRules[spec.type].roles ?? [];
  const requests = new SharedPageRequests();
  return {
    field: {
      type: spec.target,
      description: spec.description,
      args: {
        evidence: t.arg({ type: [EvidenceEnum], description: evidenceArgDescription }),
        ...(RoleEnum
          ? {
              roles: t.arg({
                type: [RoleEnum],
                description: `Only relations with one of these roles, among ${roles.map(enumName).join(', ')} (e.g. [${enumName(roles[0] ?? '')}]); all of them when omitted or empty.`,
              }),
            }
          : {}),
        ...asOfArgs(t),
        orderBy: t.arg({
          type: RelationOrderInput,
          description:
            "How to order the relations (default: by the other end's name, ascending). A cursor holds its page's place in " +
            'one order: pass it on with the same orderBy.',
        }),
        ...(spec.parts ? { includeParts: t.arg.boolean({ defaultValue: false, description: spec.parts.description }) } : {}),
      },
      // Its default page depends on how many lists it sits in (paging.ts); the cost model reads
      // this mark. The planner (planner.ts) reads the relation, to fetch its pages in a planned read.
      // Of its parent's record it reads the id, and what a source says of the list's completeness
      // only for the fields that answer it.
      extensions: {
        pageByNesting: true,
        [relationPageExtension]: mark,
        ...readsStored('id'),
        ...readsStoredWhenSelected({ complete: ['completeness'], completenessSources: ['completeness'] }),
      },
      resolve: (parent: EntityRow, args: RelationArguments & PageArguments, context: RequestContext, info: GraphQLResolveInfo) => {
        refuseRolesOutside(spec, info.fieldName, args.roles);
        const lists = listsAbove(info.path);
        const { orderBy } = orderOf(args.orderBy);
        const window = pageWindow(args, defaultPageSizeAt(lists), orderBy === 'NAME' ? undefined : orderBy);
        // Counted in the same statement, and only when asked for; one relation more only for pageInfo.
        const request = requests.of(context.loaders, info.fieldNodes, lists, () =>
          relationPageRequest(mark, args, window, selectsField(info, 'totalCount'), selectsField(info, 'pageInfo')),
        );
        const key = { id: parent.id, request, view: recordViewFor(info) };
        const connectionOf = (page: RelationPage) => {
          const { rows, pageInfo } = cutPage(page.edges, window, (edge) => edge.position);
          return {
            totalCount: page.total,
            completeness: listCompleteness(parent, spec, request.roles !== null),
            pageInfo,
            edges: rows.map((relation) => new PageEdge(relation)),
          };
        };
        // A planned nested read (src/schema/planner.ts) may have fetched this page: then it is
        // answered at once, not through a promise (loaders.ts, RelationPageCache).
        const fetched = context.loaders.fetchedRelationPage(key);
        return fetched ? connectionOf(fetched) : context.loaders.relationPage.load(key).then(connectionOf);
      },
    },
    connection: {
      description: `A page of ${spec.type} relations: ${spec.description}`,
      fields: (c: PothosSchemaTypes.ObjectFieldBuilder<Types, ConnectionShape>) => ({
        complete: c.boolean({
          nullable: true,
          description:
            'Whether a source says this list is whole: false when one marks it as partial ("among others", "etc."), true only when ' +
            'one says it is complete, null when no source says either. A list narrowed by role (organizers among participants) is ' +
            'whole when the full list is, and unknown (null) when the full list is partial.',
          resolve: (connection) => connection.completeness?.complete ?? null,
        }),
        completenessSources: c.field({
          type: [SourceRef],
          description: 'The sources that say whether this list is whole or partial; empty when complete is null.',
          resolve: (connection, _args, context) => loadEntities(context, connection.completeness?.sources ?? [], ['Source']),
        }),
        totalCount: c.int({
          description: 'How many relations of this kind there are in all (counted in the database, not loaded).',
          resolve: countedTotal,
        }),
      }),
    },
    edge: {
      description: `A ${spec.type} relation, with its own fields and its evidence.`,
      fields: (e: PothosSchemaTypes.ObjectFieldBuilder<Types, RelationEdge>) => ({
        sources: e.field({
          type: [SourceRef],
          description: 'The sources that state this relation.',
          resolve: (edge: RelationEdge, _args: unknown, context: RequestContext) =>
            loadEntities(context, evidenceSourceOf(relationOf(edge).props).sources, ['Source']),
        }),
        ...evidenceFields(e, (edge: RelationEdge) => evidenceSourceOf(relationOf(edge).props)),
        externalFacts: e.stringList({
          deprecationReason: 'Use evidence and citations.',
          description: 'Fields of this relation that come from outside the sources; "record" when the whole relation does.',
          resolve: (edge: RelationEdge) => externalFactsOf(evidenceSourceOf(relationOf(edge).props)),
        }),
        note: e.string({
          nullable: true,
          description: "A short note on the relation, in the project's own words.",
          resolve: (edge: RelationEdge) => textIn(relationOf(edge).props.note),
        }),
        ...auditFields(e, (edge: RelationEdge) => auditIn(relationOf(edge).props)),
        ...(spec.type === 'HOLDS_POSITION'
          ? {
              at: e.field({
                type: ActorRef,
                description:
                  'Where the position is held: the organization or body itself, or, with includeParts, the department or sub-body ' +
                  'inside it.',
                resolve: async (edge: RelationEdge, _args: unknown, context: RequestContext) => {
                  const relation = relationOf(edge);
                  const [held] = await loadEntities(context, [relation.to]);
                  if (!held) throw new Error(`the end "${relation.to}" of a HOLDS_POSITION relation cannot be read`);
                  return held;
                },
              }),
            }
          : spec.parts
            ? {
                part: e.field({
                  type: EntityRef,
                  nullable: true,
                  description:
                    'With includeParts, the part this relation belongs to (a section or round table of an event, a unit of an ' +
                    "organization), read in the same statement; null for the entity's own relations.",
                  resolve: (edge: RelationEdge) => relationOf(edge).part,
                }),
              }
            : {}),
        ...Object.fromEntries(
          fields.map((field) => [
            field,
            field === 'onBehalfOf'
              ? e.field({
                  type: ActorRef,
                  nullable: true,
                  description: edgeFieldDescriptions[field],
                  extensions: readsStored('onBehalfOf'),
                  resolve: (edge: RelationEdge, _args: unknown, context: RequestContext) => {
                    const relation = relationOf(edge);
                    // It came with the page (whole, or through the view this selection reads),
                    // answered at once; else, as for a slug the statement did not find, through the loader.
                    if (relation.onBehalfOf) return relation.onBehalfOf;
                    const id = textIn(relation.props.onBehalfOf);
                    return id ? loadEntities(context, [id]).then(([entity]) => entity ?? null) : null;
                  },
                })
              : e.field({
                  type: field === 'role' || field === 'title' ? 'String' : PartialDate,
                  nullable: true,
                  description: edgeFieldDescriptions[field],
                  extensions: readsStored(field),
                  resolve: (edge: RelationEdge) => textIn(relationOf(edge).props[field]),
                }),
          ]),
        ),
      }),
    },
  };
}

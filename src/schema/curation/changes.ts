import { GraphQLError, Kind } from 'graphql';
import { type ChangePosition, type ChangeRecord, comparePositions, instantOf, positionOf } from '../../db/repositories/changes.ts';
import { BadUserInputError, NotFoundError } from '../../domain/errors.ts';
import { entityLabels, relationTypes } from '../../domain/graph.ts';
import { type ChangeFilter, defaultChangeFeedSettings, settledChangesAfter } from '../../services/change-feed.ts';
import { builder } from '../builder.ts';
import { type RequestContext, renewReads } from '../context.ts';
import { EntityTypeEnum, loadEntities } from '../entity.ts';
import { decodeCursor, encodeCursor, maxPageSize } from '../paging.ts';
import { parseRef, resolveRef } from '../references.ts';
import { EntityRef } from '../refs.ts';

function parseChangeCursor(value: unknown): ChangePosition {
  if (typeof value !== 'string') throw new GraphQLError('ChangeCursor must be a string: a cursor this API issued');
  const position = decodeCursor(value, 'after');
  try {
    instantOf(position.key);
  } catch {
    throw new BadUserInputError('"after" is not a cursor this API issued', { argument: 'after' });
  }
  return { at: position.key, id: position.id };
}

/**
 * A place in the change log, opaque to clients. The same text as the change log's edge cursors
 * were before it had a type of its own, so cursors kept from then still work.
 */
export const ChangeCursor = builder.scalarType('ChangeCursor', {
  description:
    'A place in the change log: the position right after one change. Opaque: keep it (Change.cursor) and give it back as ' +
    '`after` to Query.changes or Subscription.changes to go on exactly there, with nothing missed and nothing twice.',
  serialize: (position) => encodeCursor({ key: position.at, id: position.id }),
  parseValue: parseChangeCursor,
  parseLiteral: (node) => {
    if (node.kind !== Kind.STRING) throw new GraphQLError('ChangeCursor must be a string: a cursor this API issued');
    return parseChangeCursor(node.value);
  },
});

export const ChangeActionEnum = builder.enumType('ChangeAction', {
  description: 'What a change did.',
  values: {
    CREATED: { value: 'created', description: 'The entity or relation was created.' },
    UPDATED: { value: 'updated', description: 'Some of its fields changed (see Change.fields).' },
    DELETED: { value: 'deleted', description: 'It was deleted.' },
    MERGED: { value: 'merged', description: 'Other entities were merged into this one (mergeEntities; see Change.fields).' },
    MERGED_INTO: {
      value: 'merged-into',
      description: 'This entity was merged into another (toSlug): its slug now names that one. An unmerge can give it back.',
    },
    UNMERGED: { value: 'unmerged', description: 'A merge into this entity was undone (unmergeEntities).' },
    RESTORED: { value: 'restored', description: 'This entity, merged into another before, was given back by an unmerge.' },
  } as const,
});

const ChangeKindEnum = builder.enumType('ChangeKind', {
  description: 'What a change is about.',
  values: {
    ENTITY: { value: 'entity', description: 'An entity (see entitySlug, entityType, entity).' },
    RELATION: { value: 'relation', description: 'A relation (see relationType, fromSlug, toSlug, key).' },
  } as const,
});

export const ChangeRef = builder.objectRef<ChangeRecord>('Change').implement({
  description:
    'One real change to the graph: who made it, when, under which operation (one write, one seed load), and what changed. ' +
    'A write that changes nothing records nothing.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'The id of this change record.' }),
    cursor: t.field({
      type: ChangeCursor,
      description:
        'Where this change sits in the log: `after` this cursor, Query.changes and Subscription.changes go on with the next one.',
      resolve: positionOf,
    }),
    at: t.field({
      type: 'DateTime',
      description: "When: the writing transaction's time (all changes of one operation share it).",
      resolve: (c) => c.at,
    }),
    by: t.exposeString('by', { description: 'Who: the name of the API key, or "seed"/"import" for the command-line loaders.' }),
    action: t.field({
      type: ChangeActionEnum,
      description: 'Whether it was created, updated, deleted, merged or unmerged.',
      resolve: (c) => c.action,
    }),
    operation: t.exposeString('operation', {
      description: 'The write it belongs to: the operation a mutation answered with, or the id of a seed load.',
    }),
    fields: t.exposeStringList('fields', {
      description: 'For an update, the fields whose values changed (audit and derived fields left out); empty otherwise.',
    }),
    kind: t.field({ type: ChangeKindEnum, description: 'Whether an entity or a relation changed.', resolve: (c) => c.kind }),
    entitySlug: t.string({ nullable: true, description: "The entity's slug; null for a relation.", resolve: (c) => c.entityId }),
    entityType: t.field({
      type: EntityTypeEnum,
      nullable: true,
      description: "The entity's kind; null for a relation.",
      resolve: (c) => (c.kind === 'entity' ? c.label : null),
    }),
    entity: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The entity as it is now; null for a relation, and once the entity has been deleted.',
      resolve: async (c, _args, context) => (c.entityId ? ((await loadEntities(context, [c.entityId]))[0] ?? null) : null),
    }),
    relationType: t.string({
      nullable: true,
      description: 'The relationship type, e.g. MANAGES; null for an entity.',
      resolve: (c) => c.type,
    }),
    fromSlug: t.string({ nullable: true, description: "The slug of the relation's start; null for an entity.", resolve: (c) => c.from }),
    toSlug: t.string({
      nullable: true,
      description: "The slug of the relation's end; for an entity merged into another (MERGED_INTO), the survivor's; null otherwise.",
      resolve: (c) => c.to,
    }),
    key: t.string({
      nullable: true,
      description: 'The relation\'s identity, "type|from|to|role|title"; null for an entity.',
      resolve: (c) => c.key,
    }),
  }),
});

interface ChangePage {
  edges: { cursor: string; node: ChangeRecord }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const ChangeConnection = builder.connectionObject(
  {
    type: ChangeRef,
    name: 'ChangeConnection',
    description: 'A page of the change log, oldest first.',
  },
  { name: 'ChangeEdge', description: 'One change.' },
);

export const defaultChangePageSize = 50;

/** Before every change: where an entity's history starts when no `since` is given. */
const beginningOfTime = '0001-01-01T00:00:00Z';

const cursorOf = (change: ChangeRecord) => encodeCursor({ key: change.atText, id: change.id });

builder.queryField('changes', (t) =>
  t.field({
    type: ChangeConnection,
    description:
      'The change log: every real change to entities and relations, oldest first (by time, then id), with keyset cursors. ' +
      "To follow the graph, keep the last page's endCursor (or the last change's cursor) and ask again with after: it: nothing " +
      'is missed and nothing comes twice, as a change appears only once no older one can still commit (docs/apps.md, ' +
      '"Following changes"). With entity, one entity\'s history: its changes and those of its relations. ' +
      'Subscription.changes pushes the same changes as they commit.',
    args: {
      since: t.arg({
        type: 'DateTime',
        description:
          'Only changes at or after this time, e.g. "2026-01-01T00:00:00Z". Give since, after, or both; with entity, neither is needed.',
      }),
      first: t.arg.int({
        defaultValue: defaultChangePageSize,
        description: `How many changes (1–${maxPageSize}; default ${defaultChangePageSize}).`,
      }),
      after: t.arg({
        type: ChangeCursor,
        description: "Continue after this cursor (a change's cursor, an edge's cursor or pageInfo.endCursor).",
      }),
      entity: t.arg.id({
        description:
          'Only changes of this entity and of the relations that start or end at it (a slug or a global ID): its history, from the first change unless since or after says otherwise. An entity deleted since is followed by its slug.',
      }),
    },
    resolve: async (_root, args, context): Promise<ChangePage> => {
      const size = args.first ?? defaultChangePageSize;
      if (!Number.isInteger(size) || size < 1 || size > maxPageSize) {
        throw new BadUserInputError(`"first" must be between 1 and ${maxPageSize}, got ${size}`, { argument: 'first' });
      }
      const { entity } = await changeFilterOf(context, { entity: args.entity });
      const after = args.after ?? null;
      // A whole log is long: it is read from a point. One entity's history may be read from its start.
      const since: ChangePosition | null = args.since
        ? { at: args.since.toISOString(), id: '' }
        : entity !== null
          ? { at: beginningOfTime, id: '' }
          : null;
      // The cursor continues where the last page stopped, unless `since` lies beyond it.
      const from = after && (!since || comparePositions(after, since) >= 0) ? after : (since ?? after);
      if (!from) throw new BadUserInputError('give "since", "after", or both', { argument: 'since' });
      const marginMs = context.feed?.settings.marginMs ?? defaultChangeFeedSettings.marginMs;
      const rows = await settledChangesAfter(context.reads, context.db.name, from, size + 1, marginMs, entity);
      const kept = rows.slice(0, size);
      const first = kept[0];
      const last = kept.at(-1);
      return {
        edges: kept.map((change) => ({ cursor: cursorOf(change), node: change })),
        pageInfo: {
          hasNextPage: rows.length > size,
          hasPreviousPage: after !== null,
          startCursor: first ? cursorOf(first) : null,
          endCursor: last ? cursorOf(last) : null,
        },
      };
    },
  }),
);

const typeNames: ReadonlySet<string> = new Set<string>([...entityLabels, ...relationTypes]);

async function changeFilterOf(
  context: RequestContext,
  args: { types?: readonly string[] | null; entity?: string | number | null },
): Promise<ChangeFilter> {
  for (const [index, type] of (args.types ?? []).entries()) {
    if (!typeNames.has(type)) {
      throw new BadUserInputError(
        `"types[${index}]": "${type.slice(0, 60)}" is no entity type or relation type (e.g. Organization, MANAGES)`,
        {
          argument: `types[${index}]`,
        },
      );
    }
  }
  let entity: string | null = null;
  if (args.entity != null) {
    const ref = String(args.entity);
    try {
      entity = (await resolveRef(context, { argument: 'entity', ref })).id;
    } catch (error) {
      // An entity that is gone (or not there yet) can still be followed by its slug.
      const parsed = parseRef(ref);
      if (!(error instanceof NotFoundError) || parsed.kind === 'other') throw error;
      entity = parsed.slug;
    }
  }
  return { types: args.types ? new Set(args.types) : null, entity };
}

/**
 * The feed's stream, ended when the client goes away or yoga returns it: a stream waiting for the
 * next change must be woken for that, as an async generator cannot be returned while it waits.
 */
function untilClosed(
  context: RequestContext,
  open: (signal: AbortSignal) => AsyncGenerator<ChangeRecord>,
): AsyncIterableIterator<ChangeRecord> {
  const controller = new AbortController();
  const onGone = () => controller.abort();
  if (context.clientSignal?.aborted) onGone();
  else context.clientSignal?.addEventListener('abort', onGone, { once: true });
  const stream = open(controller.signal);
  const close = () => {
    context.clientSignal?.removeEventListener('abort', onGone);
    controller.abort();
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: async () => {
      const next = await stream.next();
      if (next.done) close();
      return next;
    },
    return: async () => {
      close();
      await stream.return(undefined);
      return { done: true, value: undefined };
    },
    throw: async (error: unknown) => {
      close();
      return stream.throw(error);
    },
  };
}

builder.subscriptionType({
  description: 'Live streams, over Server-Sent Events (GraphQL over SSE; docs/apps.md, "Following changes").',
});

builder.subscriptionField('changes', (t) =>
  t.field({
    type: ChangeRef,
    description:
      'Every change to the graph as it commits, by any server process: creates, updates, deletes and whatever else the log ' +
      'records, oldest first. With after: the changes after that cursor first (read from the log), then live, with nothing ' +
      "missed and nothing twice; reconnect with the last change's cursor to go on exactly there. A change arrives once no older " +
      'one can still commit: within a poll (a quarter of a second by default) of its commit, later while an older write is open.',
    args: {
      after: t.arg({ type: ChangeCursor, description: "Start after this cursor (a change's cursor); by default, with the next change." }),
      types: t.arg.stringList({
        description: 'Only changes of these entity types (e.g. Organization) and relation types (e.g. MANAGES); all by default.',
      }),
      entity: t.arg.id({
        description: 'Only changes of this entity and of the relations that start or end at it: a slug or a global ID.',
      }),
    },
    subscribe: async (_root, args, context) => {
      const feed = context.feed;
      if (!feed) throw new Error('this server has no change feed');
      const filter = await changeFilterOf(context, args);
      const after = args.after ?? null;
      return untilClosed(context, (signal) => feed.subscribe(after, filter, signal));
    },
    resolve: (change, _args, context) => {
      renewReads(context);
      return change;
    },
  }),
);

import { type ChangeRecord, loadChangePage } from '../../db/repositories/changes.ts';
import { BadUserInputError } from '../../domain/errors.ts';
import type { EntityLabel } from '../../domain/graph.ts';
import { builder } from '../builder.ts';
import { EntityTypeEnum, loadEntities } from '../entity.ts';
import { decodeCursor, encodeCursor, maxPageSize } from '../paging.ts';
import { EntityRef } from '../refs.ts';

const ChangeActionEnum = builder.enumType('ChangeAction', {
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
      resolve: (c) => (c.kind === 'entity' ? (c.label as EntityLabel | null) : null),
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

const cursorOf = (change: ChangeRecord) => encodeCursor({ key: change.atText, id: change.id });

builder.queryField('changes', (t) =>
  t.field({
    type: ChangeConnection,
    description:
      'The change log: every real change to entities and relations since a time, oldest first (by time, then id), with keyset ' +
      "cursors. To follow the graph, keep the last page's endCursor and ask again with after: it. A change is stamped with its " +
      "transaction's start, so a long write can commit changes a little older than ones already read: a follower that must see " +
      'every change re-reads from a minute before its last one.',
    args: {
      since: t.arg({ type: 'DateTime', required: true, description: 'Only changes at or after this time, e.g. "2026-01-01T00:00:00Z".' }),
      first: t.arg.int({
        defaultValue: defaultChangePageSize,
        description: `How many changes (1–${maxPageSize}; default ${defaultChangePageSize}).`,
      }),
      after: t.arg.string({ description: "Continue after this cursor (an edge's cursor or pageInfo.endCursor)." }),
    },
    resolve: async (_root, args, context): Promise<ChangePage> => {
      const size = args.first ?? defaultChangePageSize;
      if (!Number.isInteger(size) || size < 1 || size > maxPageSize) {
        throw new BadUserInputError(`"first" must be between 1 and ${maxPageSize}, got ${size}`, { argument: 'first' });
      }
      const after = args.after ? decodeCursor(args.after, 'after') : null;
      if (after && Number.isNaN(Date.parse(after.key)))
        throw new BadUserInputError('"after" is not a cursor this API issued', { argument: 'after' });
      const since = args.since.toISOString();
      // The cursor continues where the last page stopped, unless `since` lies beyond it.
      const continues = after !== null && Date.parse(after.key) >= Date.parse(since);
      const rows = await loadChangePage(context.reads, {
        from: continues ? (after?.key ?? since) : since,
        afterId: continues ? (after?.id ?? '') : '',
        limit: size + 1,
      });
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

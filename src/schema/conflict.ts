import { loadConflictPage } from '../db/repositories/conflicts.ts';
import { BadUserInputError } from '../domain/errors.ts';
import type { ConflictRow, ConflictSideRecord } from '../domain/stored-entity.ts';
import { builder } from './builder.ts';
import { loadEntities, nodeOptions } from './entity.ts';
import { EvidenceEnum } from './evidence.ts';
import { EdgeRef } from './graph-types.ts';
import { countedTotal, cutPage, encodeCursor, pageWindow } from './paging.ts';
import { resolveRef } from './references.ts';
import { ConflictRef, EntityRef, SourceRef } from './refs.ts';
import { selectsField } from './selection.ts';

/**
 * Disagreements between sources as data: what each is about, and each side with its own
 * sources and evidence, so a query can list them rather than a reader find them in prose.
 */

export const ConflictClaimRef = builder.objectRef<ConflictSideRecord>('ConflictClaim').implement({
  description: 'One side of a conflict: the value one set of sources gives a field, or the relationship they state, with their evidence.',
  fields: (t) => ({
    value: t.string({
      nullable: true,
      description: 'The competing value (e.g. a title or a date), as the sources give it; null when the side is a relationship.',
      resolve: (side) => side.value,
    }),
    relation: t.field({
      type: EdgeRef,
      nullable: true,
      description:
        'The competing relationship (e.g. one of two managers of .SU), as stored with its own sources; null when the side is a value, ' +
        'or when the relationship has since been deleted.',
      resolve: (side, _args, context) => (side.relationKey ? context.loaders.relationByKey.load(side.relationKey) : null),
    }),
    sources: t.field({
      type: [SourceRef],
      description: 'The sources on this side.',
      resolve: (side, _args, context) => loadEntities(context, side.sources, ['Source']),
    }),
    evidence: t.field({ type: EvidenceEnum, description: 'How these sources support this side.', resolve: (side) => side.evidence }),
    basis: t.string({
      nullable: true,
      description: "For INFERRED: how this side is read from its sources, in the project's own words.",
      resolve: (side) => side.basis,
    }),
  }),
});

builder.node(ConflictRef, {
  ...nodeOptions('Conflict'),
  description:
    'A disagreement between sources (or inside one): who manages .SU, which title a memorandum has, which was signed first. ' +
    'Every side keeps its own sources; none is chosen over the others.',
  fields: (t) => ({
    slug: t.string({ description: 'The stable, human-readable id, e.g. "conflict-su-manager".', resolve: (conflict) => conflict.id }),
    name: t.string({
      description: 'A short title: what the sources disagree about.',
      resolve: (conflict) => conflict.name ?? conflict.id,
    }),
    description: t.string({
      description: "What the disagreement is and how the graph keeps it, in the project's own words.",
      resolve: (conflict) => conflict.description ?? '',
    }),
    subjects: t.field({
      type: [EntityRef],
      description: 'The entities the disagreement is about.',
      resolve: (conflict, _args, context) => loadEntities(context, conflict.subjects),
    }),
    claims: t.field({
      type: [ConflictClaimRef],
      description: 'The sides, in the order the record gives them: at least two.',
      resolve: (conflict) => conflict.sides,
    }),
  }),
});

builder.queryField('conflicts', (t) =>
  t.connection(
    {
      type: ConflictRef,
      description:
        'Every disagreement between the sources, in slug order, each side with its sources. With `about`, only those about that entity.',
      args: {
        about: t.arg.id({
          description:
            'Only conflicts about this entity: its slug (e.g. "tld-su") or global ID. Absent or null: all. An unknown entity is NOT_FOUND.',
        }),
      },
      resolve: async (_root, args, context, info) => {
        if (args.last != null || args.before != null) {
          throw new BadUserInputError('conflicts pages forward only: give "first" and "after"', {
            argument: args.last != null ? 'last' : 'before',
          });
        }
        const window = pageWindow(args);
        const about = args.about == null ? null : (await resolveRef(context, { argument: 'about', ref: String(args.about) })).id;
        const { rows, total } = await loadConflictPage(context.reads, {
          about,
          after: window.after?.id ?? '',
          limit: window.limit,
          withTotal: selectsField(info, 'totalCount'),
        });
        for (const row of rows) context.loaders.entity.prime(row.id, row);
        const { rows: page, pageInfo } = cutPage(rows, window, positionOf);
        return {
          totalCount: total,
          pageInfo,
          edges: page.map((conflict) => ({ cursor: encodeCursor(positionOf(conflict)), node: conflict })),
        };
      },
    },
    {
      name: 'ConflictConnection',
      description: 'A page of conflicts.',
      fields: (c) => ({
        totalCount: c.int({
          description: 'How many conflicts there are over all pages, with the same `about` (counted in the database).',
          resolve: countedTotal,
        }),
      }),
    },
    { name: 'ConflictEdge', description: 'One conflict.' },
  ),
);

function positionOf(conflict: ConflictRow) {
  return { key: conflict.id, id: conflict.id };
}

import { countTimeline, loadTimeline, type TimelineRecord } from '../db/repositories/graph.ts';
import { dateRange } from '../domain/dates.ts';
import { BadUserInputError } from '../domain/errors.ts';
import { entityLabels, relationTypes } from '../domain/graph.ts';
import { builder } from './builder.ts';
import { countScanExtension, scanCosts } from './cost.ts';
import { EntityTypeEnum } from './entity.ts';
import { EvidenceEnum, evidenceFilter } from './evidence.ts';
import { checkRelationTypes, primeEntities, TimelineEntryRef } from './graph-types.ts';
import { countedTotal, cutPage, encodeCursor, type PageInfo, pageWindow } from './paging.ts';
import { resolveRef } from './references.ts';
import { PartialDate } from './scalars.ts';
import { selectsField } from './selection.ts';

/** A page of the timeline, with the count of every fact when the selection asks for it. */
interface TimelinePage {
  totalCount: number | null;
  pageInfo: PageInfo;
  edges: { cursor: string; node: TimelineRecord }[];
}

/** The keyset position of an entry: its first day, then its key (a slug or a relationship key). */
const positionOf = (entry: TimelineRecord) => ({ key: entry.dateFrom, id: entry.key });

/**
 * Which dates an answer holds: entityTypes for the dates of entities, relationTypes for those of
 * relationships. Neither: both kinds, every type. One alone: only that kind, so that
 * `entityTypes: [EVENT]` answers "the events" and `relationTypes: [MEMBER_OF]` "the memberships".
 */
function kindsAsked(entityTypes: readonly string[] | null, types: string[] | null): { labels: string[]; types: string[] } {
  if (entityTypes === null && types === null) return { labels: [...entityLabels], types: [...relationTypes] };
  return { labels: entityTypes ? [...new Set(entityTypes)] : [], types: types ?? [] };
}

builder.queryField('timeline', (t) =>
  t.connection(
    {
      type: TimelineEntryRef,
      // Null, with a NOT_FOUND error on this field alone, when `actor` names no entity.
      nullable: true,
      complexity: (args) => ({ field: scanCosts.timeline, multiplier: Math.max(0, args.first ?? 100) }),
      extensions: { [countScanExtension]: scanCosts.timelineCount },
      description:
        'Every dated fact in a window, in chronological order: the dates of entities (memoranda, events, documents, sources) and the ' +
        "own dates of relationships (a signing's date, a position's or membership's term, a mandate's years). With `actor`, only " +
        "that entity's: its own date, its dated relationships, and for a relationship with no date of its own, the date of the other " +
        'end (the memorandum it is party to, the event it took part in). Ordered by the first day a date can mean, then by a stable ' +
        'key (the slug, the relationship key); pages forward with first/after.',
      args: {
        actor: t.arg.id({
          description:
            'Only the facts of this entity (any type): its slug (e.g. "coordination-center-ru") or global ID. Absent: the whole graph.',
        }),
        from: t.arg({
          type: PartialDate,
          description: 'Only facts that reach into this date or later ("2021" means from 1 January 2021). Open when absent.',
        }),
        to: t.arg({
          type: PartialDate,
          description: 'Only facts that begin by this date ("2021" means up to 31 December 2021). Open when absent.',
        }),
        entityTypes: t.arg({
          type: [EntityTypeEnum],
          description:
            'The dates of entities of these types (e.g. [EVENT, MEMORANDUM]). Given without relationTypes, only these: no ' +
            "relationship's date. Absent with relationTypes absent too: every type.",
        }),
        relationTypes: t.arg.stringList({
          description:
            `The own dates of relationships of these types (e.g. ["MEMBER_OF", "HOLDS_POSITION"]). Given without entityTypes, only ` +
            `these: no entity's date. Known types: ${relationTypes.join(', ')}.`,
        }),
        evidence: t.arg({
          type: [EvidenceEnum],
          description:
            'Only dates with support of these kinds, e.g. [STATED] for the dates the sources give. A date can have weaker support than ' +
            "its record (an event's year read from the context); with actor, the relationship linking the actor must pass too. Absent or null: any.",
        }),
      },
      resolve: async (_root, args, context, info): Promise<TimelinePage> => {
        if (args.last != null || args.before != null) {
          throw new BadUserInputError('timeline pages forward only: give "first" and "after"', {
            argument: args.last != null ? 'last' : 'before',
          });
        }
        const window = pageWindow(args, 100);
        const from = args.from ? dateRange(args.from).first : null;
        const to = args.to ? dateRange(args.to).last : null;
        if (from && to && from > to) throw new BadUserInputError('"to" must not come before "from"', { argument: 'to' });
        const kinds = kindsAsked(args.entityTypes ?? null, checkRelationTypes(args.relationTypes, 'relationTypes'));
        const actor = args.actor == null ? null : await resolveRef(context, { argument: 'actor', ref: String(args.actor) });
        const facts = { actor: actor?.id ?? null, from, to, ...kinds, evidence: evidenceFilter(args.evidence) };
        // The count is a statement of its own, sent beside the page's and only when asked for.
        const [entries, totalCount] = await Promise.all([
          loadTimeline(context.reads, { ...facts, after: window.after, limit: window.limit }),
          selectsField(info, 'totalCount') ? countTimeline(context.reads, facts) : null,
        ]);
        primeEntities(
          context,
          entries.flatMap((entry) => [entry.entity, entry.other].filter((entity) => entity !== null)),
        );
        const { rows, pageInfo } = cutPage(entries, window, positionOf);
        return { totalCount, pageInfo, edges: rows.map((entry) => ({ cursor: encodeCursor(positionOf(entry)), node: entry })) };
      },
    },
    {
      name: 'TimelineConnection',
      description: 'A page of dated facts, earliest first.',
      fields: (c) => ({
        totalCount: c.int({
          description: 'How many dated facts the timeline holds over all its pages, with the same filters (counted in the database).',
          resolve: countedTotal,
        }),
      }),
    },
    { name: 'TimelineEdge', description: 'One dated fact, with its cursor.' },
  ),
);

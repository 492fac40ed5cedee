import { loadTimeline } from '../db/repositories/graph.ts';
import { dateRange } from '../domain/dates.ts';
import { BadUserInputError } from '../domain/errors.ts';
import { builder } from './builder.ts';
import { scanCosts } from './cost.ts';
import { EvidenceEnum, evidenceArgDescription, evidenceFilter } from './evidence.ts';
import { boundedInt, primeEntities, TimelineEntryRef } from './graph-types.ts';
import { resolveRef } from './references.ts';
import { PartialDate } from './scalars.ts';

builder.queryField('timeline', (t) =>
  t.field({
    type: [TimelineEntryRef],
    // Null, with a NOT_FOUND error on this field alone, when `actor` names no entity.
    nullable: { list: true, items: false },
    complexity: (args) => ({ field: scanCosts.timeline, multiplier: Math.max(0, args.first ?? 100) }),
    description:
      'The dated facts of an actor in chronological order: every relationship touching it that has a date of its own (a signature, ' +
      'a position or membership from its start) or whose other end has one (a memorandum, an event, a document). Ordered by the ' +
      "first day the date can mean, then relationship type, then the other end's slug.",
    args: {
      actor: t.arg.id({
        required: true,
        description: 'The actor (organization, person or body; any entity works): its slug (e.g. "coordination-center-ru") or global ID.',
      }),
      from: t.arg({
        type: PartialDate,
        description: 'Only facts that reach into this date or later ("2021" means from 1 January 2021). Open when absent.',
      }),
      to: t.arg({
        type: PartialDate,
        description: 'Only facts that begin by this date ("2021" means up to 31 December 2021). Open when absent.',
      }),
      first: t.arg.int({ description: 'The most entries to return, the earliest first (1–500, default 100).' }),
      evidence: t.arg({ type: [EvidenceEnum], description: evidenceArgDescription }),
    },
    resolve: async (_root, args, context) => {
      const first = boundedInt(args.first, 100, 1, 500, 'first');
      const windowFrom = args.from ? dateRange(args.from).first : null;
      const windowTo = args.to ? dateRange(args.to).last : null;
      if (windowFrom && windowTo && windowFrom > windowTo)
        throw new BadUserInputError('"to" must not come before "from"', { argument: 'to' });
      const actor = await resolveRef(context, { argument: 'actor', ref: String(args.actor) });
      const { entity, entries } = await loadTimeline(
        context.reads,
        actor.id,
        { from: windowFrom, to: windowTo },
        first,
        evidenceFilter(args.evidence),
      );
      // Deleted between the two reads.
      if (!entity) throw new Error(`entity "${actor.id}" vanished during the request`);
      primeEntities(context, [entity, ...entries.map((entry) => entry.other)]);
      return entries;
    },
  }),
);

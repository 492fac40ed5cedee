import type { ArgBuilder } from '@pothos/core';
import { type AsOfFilter, asOfFilter } from '../domain/dates.ts';
import type { Types } from './builder.ts';
import { PartialDate } from './scalars.ts';

/**
 * The `asOf` and `includeUndated` arguments every relation-walking field takes (relation
 * connections, neighborhood, paths). The condition itself is one Cypher fragment,
 * cypher/fragments/as-of, that each of their statements includes.
 */
export function asOfArgs(t: { arg: ArgBuilder<Types> }) {
  return {
    asOf: t.arg({
      type: PartialDate,
      description:
        'Only relationships that hold on this date: those whose own dates (date, or startDate to endDate) overlap the days it ' +
        'covers ("2021" is the whole year). A relationship with a startDate and no endDate counts as still going on. ' +
        'Relationships with no date of their own are left out unless includeUndated is true. Absent: every relationship, dated or not.',
    }),
    includeUndated: t.arg.boolean({
      defaultValue: false,
      description: 'With asOf: also the relationships that carry no date of their own (most do not: the sources rarely date them).',
    }),
  };
}

/** The arguments' value as the statements take it. */
export function asOfArgument(args: { asOf?: unknown; includeUndated?: unknown }): AsOfFilter {
  return asOfFilter(typeof args.asOf === 'string' ? args.asOf : null, args.includeUndated === true);
}

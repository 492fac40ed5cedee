import { builder } from './builder.ts';
import { costOf, listMultiplier, type QueryCost } from './cost.ts';

const QueryCostRef = builder.objectRef<QueryCost>('QueryCost').implement({
  description:
    "What the current query costs, like the cost in GitHub's rateLimit: every field costs 1, a paged field (first/last) multiplies its " +
    `selection by the page size asked for, any other list by ${listMultiplier}. The same figures come in extensions.cost of every response.`,
  fields: (t) => ({
    cost: t.exposeInt('cost', { description: 'The estimated cost of this query, with its arguments and variables.' }),
    limit: t.exposeInt('limit', { description: 'The most one query may cost; a costlier one is refused with QUERY_TOO_COMPLEX.' }),
  }),
});

builder.queryField('queryCost', (t) =>
  t.field({
    type: QueryCostRef,
    description: 'The cost of this very query and the limit it must stay under.',
    resolve: (_root, _args, context) => {
      const measured = costOf(context);
      // useQueryCost measures every executed operation; without it (a bare schema in a unit test) the cost is unknown.
      if (!measured) throw new Error('the query cost was not measured');
      return measured;
    },
  }),
);

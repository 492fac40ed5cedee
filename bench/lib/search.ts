import { planSearch, type SearchStatementParameters, searchStatementParameters } from '../../src/domain/text/search-query.ts';

export type SearchParameters = SearchStatementParameters;

/**
 * The parameters govgraph sends with cypher/queries/search.cypher for a query without a type
 * filter, built by the same function the resolver calls: B and C run A's statement with A's
 * parameters. The equality gate compares the ranked hits.
 */
export function searchParameters(text: string, first = 20): SearchParameters {
  const plan = planSearch(text);
  if (!plan) throw new Error(`no search parameters for ${JSON.stringify(text)}`);
  return searchStatementParameters(plan, null, first);
}

import { searchKey } from '../../src/domain/text/normalize.ts';
import { tldForms } from '../../src/domain/text/tld-forms.ts';
import { luceneQuery } from '../../src/schema/search.ts';

export interface SearchParameters {
  query: string;
  labels: string[] | null;
  exact: string[];
  first: number;
  candidates: number;
}

/**
 * What src/schema/search.ts and src/db/repositories/lists.ts pass to queries/search for a query
 * without a type filter, so that B and C run A's search statement with A's parameters. Written
 * out here because the resolver keeps it inline; should the two drift apart, the equality gate
 * (which compares the ranked hits) fails.
 */
export function searchParameters(text: string, first = 20): SearchParameters {
  const query = luceneQuery(text);
  if (!query) throw new Error(`no Lucene query for ${JSON.stringify(text)}`);
  const exact = [...new Set([text, ...tldForms(text).flatMap((form) => [form, form.slice(1)])].map(searchKey))];
  return { query, labels: null, exact, first, candidates: Math.max(first, 100) };
}

/**
 * The address holds the open tab's query and variables, so a copied link or a reload opens the
 * same request. Headers stay out of it: they may carry an API key.
 */
export interface RequestInUrl {
  query?: string;
  variables?: string;
}

export function readRequestFromUrl(location: Location = window.location): RequestInUrl {
  const parameters = new URLSearchParams(location.search);
  const found: RequestInUrl = {};
  const query = parameters.get('query');
  const variables = parameters.get('variables');
  if (query) found.query = query;
  if (query && variables) found.variables = variables;
  return found;
}

export function writeRequestToUrl(request: { query?: string | null; variables?: string | null }): void {
  const url = new URL(window.location.href);
  url.search = '';
  if (request.query) url.searchParams.set('query', request.query);
  if (request.query && request.variables?.trim()) url.searchParams.set('variables', request.variables);
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
}

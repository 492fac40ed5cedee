import type { GraphiQLProps } from 'graphiql';

type Fetcher = GraphiQLProps['fetcher'];

/**
 * Plain POSTs to the API. The server parses and validates the document itself, so a syntax
 * error comes back as the API's own message (with its line and column), not as a script's
 * stack trace.
 */
export function createFetcher(endpoint: string): Fetcher {
  return async (params, options) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...options?.headers,
      },
      body: JSON.stringify(params),
    });
    const text = await response.text();
    try {
      const answer: unknown = JSON.parse(text);
      if (answer !== null && typeof answer === 'object') return answer;
    } catch {
      // Not JSON: shown as an error below.
    }
    return { errors: [{ message: `The server answered ${response.status} ${response.statusText}: ${text.slice(0, 500)}` }] };
  };
}

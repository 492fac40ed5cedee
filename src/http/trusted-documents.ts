import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { ApiKeyRing } from '../auth/api-keys.ts';
import { ForbiddenError, GovgraphError, NotFoundError, refusedBeforeExecution } from '../domain/errors.ts';
import { normalizedDocumentId } from '../formats/trusted-documents.ts';

/** The request's `documentId`: in a POST body, or in a GET's query string (yoga parses neither). */
export function documentIdOf(params: object, request: Request): string | null {
  if ('documentId' in params) return typeof params.documentId === 'string' ? params.documentId : null;
  // Most requests have no query string, and then no URL to parse.
  return request.url.includes('?') ? new URL(request.url).searchParams.get('documentId') : null;
}

/**
 * Trusted documents: any caller may send `documentId` instead of `query`, and a key with the
 * `apps` scope may send nothing else. Anonymous and researcher use stays open: a key limited to
 * trusted documents protects an application's own traffic (what it may run, what it costs),
 * and the public API stays what it is.
 */
export function useTrustedDocuments(manifest: ReadonlyMap<string, string>, apiKeys: ApiKeyRing) {
  return usePersistedOperations({
    extractPersistedOperationId: (params, request) => {
      const id = documentIdOf(params, request);
      if (id === null) return null;
      // A malformed id is no id this server holds: the not-found answer names it.
      return normalizedDocumentId(id) ?? id;
    },
    getPersistedOperation: (id) => manifest.get(id) ?? null,
    allowArbitraryOperations: (request) => {
      const caller = apiKeys.identify(request.headers.get('authorization'));
      return !(caller.kind === 'key' && caller.scopes.has('apps'));
    },
    // The manifest's documents are checked against the schema when it is built (a unit test).
    skipDocumentValidation: false,
    customErrors: {
      notFound: ({ params, request }) =>
        new NotFoundError(`no trusted document "${documentIdOf(params, request) ?? ''}" on this server (docs/apps.md)`, {
          argument: 'documentId',
        }),
      // Worded as yoga words it without this plugin, and answered as other refused requests are.
      keyNotFound: () =>
        new GovgraphError('BAD_REQUEST', 'Must provide query string, or "documentId" with the id of a trusted document', {
          http: refusedBeforeExecution,
        }),
      persistedQueryOnly: () =>
        new ForbiddenError('this API key has the "apps" scope: it may send only trusted documents ("documentId"), not "query"'),
    },
  });
}

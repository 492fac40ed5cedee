import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { GraphQLError, isIntrospectionType, Kind, NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { QueryLimits } from '../config.ts';
import { errorExtensions, ForbiddenError, RequestTooLargeError, refusedBeforeExecution } from '../domain/errors.ts';
import { useQueryCost } from '../schema/cost.ts';
import { useMutationLimit } from './mutation-limit.ts';

/** Headers that mark a GET as sent by a script rather than by a link or a form on another site. */
export const csrfHeaders = ['x-graphql-yoga-csrf', 'apollo-require-preflight'];

/**
 * graphql-armor reports a limit as "Syntax Error: Query depth limit of 15 exceeded, found 101."
 * with no code, and throws it out of parse or validate, so yoga's own shaping of validation
 * errors never sees it. armor reports its own error object, so this gives that object the
 * message and extensions a QueryTooComplexError has (400 for clients that accept
 * application/graphql-response+json, as yoga does for validation errors).
 */
function asTooComplex(_context: unknown, error: GraphQLError): void {
  const reason = error.message.replace(/^Syntax Error: /, '');
  error.message = `Query too complex: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
  Object.assign(error.extensions, errorExtensions('QUERY_TOO_COMPLEX', {}, refusedBeforeExecution));
}

const armor = { exposeLimits: true, onReject: [asTooComplex], propagateOnRejection: true };

/**
 * Refuses a body over the limit before parsing: by its Content-Length before reading it, and
 * while it streams when it comes without one (chunked). yoga has the same check
 * (maxRequestBodySize), but its message does not give the limit and its answer keeps the
 * connection open with the rest of the body unread.
 */
function useBodySizeLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        const length = Number(declared);
        if (Number.isFinite(length) && length > limit)
          throw new RequestTooLargeError(`Request body too large: ${length} bytes, over the limit of ${limit} bytes.`);
        return;
      }
      if (!requestParser || !request.body) return;
      setRequestParser((incoming) => {
        const body = incoming.body;
        if (!body) return requestParser(incoming);
        let read = 0;
        // Node's own ReadableStream needs Node's own TransformStream (yoga does the same, graphql-yoga issue #4583).
        const Transform = body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
        const counted = body.pipeThrough(
          new Transform<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              read += chunk.byteLength;
              if (read > limit) controller.error(new RequestTooLargeError(`Request body too large: over the limit of ${limit} bytes.`));
              else controller.enqueue(chunk);
            },
          }),
        );
        // duplex is required by fetch for a streamed body, and missing from TypeScript's RequestInit.
        const init: RequestInit & { duplex: 'half' } = {
          method: incoming.method,
          headers: incoming.headers,
          signal: incoming.signal,
          body: counted,
          duplex: 'half',
        };
        return requestParser(new fetchAPI.Request(incoming.url, init));
      });
    },
  };
}

/**
 * A GET, or a POST a browser may send from any site without asking (a form, text/plain), must
 * carry a header only a script can set; a POST with content-type application/json needs
 * nothing (browsers preflight it), so GraphiQL and ordinary clients are unaffected.
 */
function useCsrfPrevention(): Plugin {
  const csrf = useCSRFPrevention({ requestHeaders: csrfHeaders });
  return {
    onRequestParse(payload) {
      try {
        csrf.onRequestParse?.(payload);
      } catch {
        throw new ForbiddenError(
          'Refused as a possible cross-site request: send a POST with content-type application/json, ' +
            `or add the header "${csrfHeaders[0]}: 1" to a GET.`,
        );
      }
    },
  };
}

/**
 * graphql accepts an operation whose root type the schema lacks through validation and only
 * refuses it at execution, with no code; here it is a validation error like any other.
 */
const onlyQueries: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(new GraphQLError(`This API has no ${node.operation} operations.`, { nodes: node }));
    }
  },
});

function useOnlyQueries(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(onlyQueries);
    },
  };
}

/**
 * graphql's NoSchemaIntrospectionCustomRule decides what is introspection; this only words its
 * refusals: FORBIDDEN, refused before execution, once where a query enters introspection
 * (`__schema`, `__type`). graphql's rule reports every field whose type is an introspection
 * type, so `{ __schema { types { name } } }` would be refused twice; a field inside one already
 * refused (its parent is an introspection type) is not reported again. The rule sees the context
 * through a Proxy that swaps reportError alone, so everything else it asks reaches graphql's own.
 */
const noIntrospection: ValidationRule = (context) => {
  const refuse = (error: GraphQLError): void => {
    const parent = context.getParentType();
    if (parent && isIntrospectionType(parent)) return;
    const node = error.nodes?.[0];
    const name = node?.kind === Kind.FIELD ? node.name.value : 'introspection';
    context.reportError(
      new ForbiddenError(`Introspection is turned off on this server: "${name}" cannot be queried.`, {
        nodes: node,
        http: refusedBeforeExecution,
      }),
    );
  };
  const reshaped = new Proxy(context, {
    get: (target, key) => (key === 'reportError' ? refuse : Reflect.get(target, key, target)),
  });
  return NoSchemaIntrospectionCustomRule(reshaped);
};

function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(noIntrospection);
    },
  };
}

const suggestion = /\s*Did you mean [^?]*\?/g;

/**
 * The input path a variable error is about: graphql writes `Variable "$input" got invalid value
 * <value> at "input.endDate"; <reason>`, or no "at" when the variable as a whole is wrong. Inside
 * the quoted value every quote is escaped, so ` at "` cannot come from the value itself. The
 * same extensions.field as the mutations' own input checks.
 */
function variableField(message: string): string | undefined {
  const at = [...message.matchAll(/ at "([^"\\]+)"; /g)].at(-1)?.[1];
  return at ?? /^Variable "\$(\w+)"/.exec(message)?.[1];
}

interface ErrorLike {
  message?: unknown;
  extensions?: Record<string, unknown>;
}

/**
 * The last look at every error of every answer. Field suggestions would let a client map a
 * schema with introspection turned off: armor's plugin strips them from validation errors, but
 * variables are checked at execution, where graphql suggests enum values and input fields too;
 * with introspection on, they stay.
 * And a variable that does not fit its type is the client's mistake, which graphql leaves
 * without a code: it gets BAD_USER_INPUT like any other bad argument.
 */
function useErrorShaping(options: { hideSuggestions: boolean }): Plugin {
  return {
    onResultProcess({ result }) {
      const results = Array.isArray(result) ? result : [result];
      for (const one of results) {
        if (!one || typeof one !== 'object' || !('errors' in one) || !Array.isArray(one.errors)) continue;
        for (const error of one.errors as ErrorLike[]) {
          const message = error.message;
          if (typeof message !== 'string') continue;
          const cleaned = options.hideSuggestions ? message.replace(suggestion, '') : message;
          if (cleaned !== message) error.message = cleaned;
          if (error.extensions && cleaned.startsWith('Variable "$')) {
            error.extensions.code ??= 'BAD_USER_INPUT';
            error.extensions.field ??= variableField(cleaned);
          }
        }
      }
    },
  };
}

/** Every guard on what one request may ask for; see docs/api.md, "Limits and errors". */
export function queryLimitPlugins(limits: QueryLimits, options: { introspection: boolean }): Plugin[] {
  // Suggestions map the schema for whoever cannot read it: hidden only while introspection is
  // off. With introspection on they protect nothing, and they help (GraphiQL shows them).
  const suggestionBlock: Plugin[] = options.introspection ? [] : [blockFieldSuggestionsPlugin({ mask: '' })];
  return [
    useBodySizeLimit(limits.bodyBytes),
    useCsrfPrevention(),
    maxTokensPlugin({ ...armor, n: limits.tokens }),
    // Introspection counts too (GraphiQL's own query is 15 deep with fragments flattened): a
    // __schema selection could otherwise nest ofType without end.
    maxDepthPlugin({ ...armor, n: limits.depth, ignoreIntrospection: false, flattenFragments: true }),
    maxAliasesPlugin({ ...armor, n: limits.aliases }),
    maxDirectivesPlugin({ ...armor, n: limits.directives }),
    ...suggestionBlock,
    useOnlyQueries(),
    useMutationLimit(),
    ...(options.introspection ? [] : [useNoIntrospection()]),
    useQueryCost(limits.cost),
    useErrorShaping({ hideSuggestions: !options.introspection }),
  ];
}

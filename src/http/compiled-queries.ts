import { useGraphQlJit } from '@envelop/graphql-jit';
import { type DocumentNode, type ExecutionArgs, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Whether this execution goes through graphql-jit. Each rule keeps what clients see unchanged:
 *
 * - Not the first execution of a document: a one-off query never pays for a compilation.
 *   yoga's parser cache hands the same DocumentNode to every request with the same text, so
 *   the second request for a text compiles it, and the compilation lives as long as yoga keeps
 *   that document (useGraphQlJit caches by document in a WeakMap).
 * - Only documents that hold one operation, a query: useGraphQlJit caches one compilation per
 *   document whatever the operation name, so a document with several operations would run the
 *   first one compiled for every name. Mutations stay with graphql-js (they run one at a time,
 *   and compiling them would gain nothing).
 * - Never a document graphql-jit failed to compile before (see useCompiledQueries).
 *
 * Variables that do not fit their types are found by the compiled query itself (see
 * refusedVariables), not checked here: coercing them here too cost every request a second pass.
 */
function worthCompiling(args: ExecutionArgs, seen: WeakSet<DocumentNode>, declined: WeakSet<DocumentNode>): boolean {
  const { document } = args;
  if (!seen.has(document)) {
    seen.add(document);
    return false;
  }
  if (declined.has(document)) return false;
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const [operation] = operations;
  if (operations.length !== 1 || operation?.operation !== 'query') return false;
  return !args.operationName || operation.name?.value === args.operationName;
}

/**
 * Whether a compiled query refused its variables. graphql-jit coerces them before anything
 * runs and then answers, synchronously, with errors and no data; nothing else it answers lacks
 * `data`. graphql-js answers such a request instead: its errors are worded as the API
 * documents them and become BAD_USER_INPUT with status 400 (query-limits.ts), where graphql-jit's
 * have no code.
 */
function refusedVariables(result: unknown): boolean {
  return typeof result === 'object' && result !== null && 'errors' in result && !('data' in result);
}

/**
 * Runs a query that was asked for before through graphql-jit (@envelop/graphql-jit), which
 * compiles it into one function, where graphql-js walks the selection tree anew for every
 * result; that costs most on nested lists. worthCompiling says when.
 *
 * Resolvers and masking are the same either way. graphql-jit does not watch the request's
 * signal, but every database read does (useRequestBudget gives the budget's signal to the
 * request's ReadScope), so a request over its budget still ends at once.
 *
 * useGraphQlJit answers a failed compilation with the compiler's errors, and keeps answering
 * them for that document. None of this schema's queries fails to compile, but if one ever did,
 * the request goes to graphql-js instead and the document never comes back to graphql-jit.
 * The failure is known synchronously: useGraphQlJit compiles (and calls onError) at the start
 * of its execute function, before anything awaits, so `failed` is this call's own.
 */
export function useCompiledQueries(): Plugin {
  const seen = new WeakSet<DocumentNode>();
  const declined = new WeakSet<DocumentNode>();
  let failed = false;
  const jit = useGraphQlJit(
    {},
    {
      enableIf: (args) => worthCompiling(args, seen, declined),
      onError: () => {
        failed = true;
      },
    },
  );
  return {
    onExecute(payload) {
      const graphqlJs = payload.executeFn;
      return jit.onExecute?.({
        ...payload,
        setExecuteFn: (compiled) =>
          payload.setExecuteFn((args) => {
            if (declined.has(args.document)) return graphqlJs(args);
            failed = false;
            const result = compiled(args);
            if (failed) {
              declined.add(args.document);
              return graphqlJs(args);
            }
            return refusedVariables(result) ? graphqlJs(args) : result;
          }),
      });
    },
  };
}

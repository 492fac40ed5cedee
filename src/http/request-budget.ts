import { type ExecutionArgs, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { DatabaseUnavailableError, RequestCancelledError, RequestTimeoutError } from '../db/errors.ts';
import type { ReadScope } from '../db/read-scope.ts';

/** The GraphQL error a client gets for each of the database layer's named failures. */
export function toClientError(error: unknown, located?: GraphQLError): GraphQLError | undefined {
  const where = located ? { nodes: located.nodes, source: located.source, positions: located.positions, path: located.path } : {};
  if (error instanceof DatabaseUnavailableError) {
    // 503 tells a balancer or a client library to try again (Retry-After: 1 says when).
    return new GraphQLError(error.message, {
      ...where,
      extensions: { code: error.code, http: { status: 503, headers: { 'retry-after': '1' } } },
    });
  }
  if (error instanceof RequestTimeoutError) {
    return new GraphQLError(error.message, {
      ...where,
      extensions: { code: error.code, timeoutMs: error.timeoutMs, http: { status: 504 } },
    });
  }
  return undefined;
}

interface BudgetedContext {
  reads?: ReadScope;
}

/**
 * Runs execution under the request's budget: when it runs out, execution stops (the executor
 * honours the signal, and the database layer closes the sessions in flight) and the answer is
 * one TIMEOUT error; when the client goes away, it stops and nobody is answered. Database
 * outages and timeouts surface as DATABASE_UNAVAILABLE (503) and TIMEOUT (504) errors before
 * masking sees them, so they keep their message and code.
 */
export function useRequestBudget(): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const budget = (args.contextValue as BudgetedContext | undefined)?.reads;
      if (budget) {
        setExecuteFn(async (executeArgs) => {
          try {
            // @graphql-tools/executor (yoga's executor) stops resolving fields once `signal` aborts; graphql's own type does not list it.
            return await executeFn({ ...executeArgs, signal: budget.signal } as ExecutionArgs);
          } catch (error) {
            const clientError = toClientError(error);
            if (clientError) return { errors: [clientError] };
            // yoga logs an AbortError at debug level and answers nothing: the client is gone.
            if (error instanceof RequestCancelledError) throw new DOMException(error.message, 'AbortError');
            throw error;
          } finally {
            budget.dispose();
          }
        });
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.length) return;
          let changed = false;
          const errors = result.errors.map((error) => {
            const clientError = toClientError(error.originalError, error);
            if (!clientError) return error;
            changed = true;
            return clientError;
          });
          if (changed) setResult({ ...result, errors });
        },
      };
    },
  };
}

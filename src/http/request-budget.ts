import type { ExecutionArgs } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { RequestCancelledError } from '../db/errors.ts';
import type { ReadScope } from '../db/read-scope.ts';
import { GovgraphError } from '../domain/errors.ts';

interface BudgetedContext {
  reads?: ReadScope;
}

/**
 * Runs execution under the request's budget: when it runs out, execution stops (the executor
 * honours the signal, and the database layer closes the sessions in flight) and the answer is
 * one TIMEOUT error; when the client goes away, it stops and nobody is answered. Database
 * outages and timeouts are GovgraphErrors (DATABASE_UNAVAILABLE 503, TIMEOUT 504): thrown by a
 * resolver, graphql keeps their code and status; thrown out of execution as a whole (the
 * executor rejects with the budget's abort reason), they become the answer here.
 */
export function useRequestBudget(): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const budget = (args.contextValue as BudgetedContext | undefined)?.reads;
      if (!budget) return;
      setExecuteFn(async (executeArgs) => {
        try {
          // @graphql-tools/executor (yoga's executor) stops resolving fields once `signal` aborts; graphql's own type does not list it.
          return await executeFn({ ...executeArgs, signal: budget.signal } as ExecutionArgs);
        } catch (error) {
          if (error instanceof GovgraphError) return { errors: [error] };
          // yoga logs an AbortError at debug level and answers nothing: the client is gone.
          if (error instanceof RequestCancelledError) throw new DOMException(error.message, 'AbortError');
          throw error;
        } finally {
          budget.dispose();
        }
      });
    },
  };
}

import { type DocumentNode, type GraphQLSchema, getOperationAST, getVariableValues, type OperationDefinitionNode } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';

interface Compiled {
  query: CompiledQuery;
  operation: OperationDefinitionNode;
}

/** A document's compiled operations by name ('' for the only one), null where it is not to be compiled. */
type Compilations = Map<string, Compiled | null>;

function compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): Compiled | null {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'query') return null;
  const query = compileQuery(schema, document, operationName ?? undefined);
  return isCompiledQuery(query) ? { query, operation } : null;
}

/**
 * Runs a query operation that was asked for before through graphql-jit, which compiles it into
 * one function, where graphql-js walks the selection tree anew for every result; that costs
 * most on nested lists. The first execution of a document takes graphql-js, so a one-off query
 * never pays for a compilation; yoga's parser cache hands the same DocumentNode to every
 * request with the same text, and a compilation lives as long as yoga keeps that document.
 * Mutations stay with graphql-js, and so does anything graphql-jit declines to compile.
 *
 * What clients see does not change. Resolvers and masking are the same. Variables that do not
 * fit their types go to graphql-js, whose errors get BAD_USER_INPUT and status 400 (graphql-jit
 * words them differently). graphql-jit does not watch the request's signal, but every database
 * read does (useRequestBudget), so a request over its budget still ends at once.
 */
export function useCompiledQueries(): Plugin {
  const seen = new WeakMap<DocumentNode, Compilations>();
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const compilations = seen.get(args.document);
      if (compilations === undefined) {
        // First execution: graphql-js.
        seen.set(args.document, new Map());
        return;
      }
      const name = args.operationName ?? '';
      let compiled = compilations.get(name);
      if (compiled === undefined) {
        compiled = compile(args.schema, args.document, args.operationName);
        compilations.set(name, compiled);
      }
      if (compiled === null) return;
      const { query, operation } = compiled;
      setExecuteFn((executeArgs) => {
        const variables = executeArgs.variableValues ?? {};
        if (
          operation.variableDefinitions?.length &&
          getVariableValues(executeArgs.schema, operation.variableDefinitions, variables).errors
        ) {
          return executeFn(executeArgs);
        }
        return query.query(executeArgs.rootValue, executeArgs.contextValue, variables);
      });
    },
  };
}

import { complexityFromQuery, type FieldComplexityValue } from '@pothos/plugin-complexity';
import {
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { QueryTooComplexError } from '../domain/errors.ts';
import { defaultPageSize } from './paging.ts';

/**
 * The cost model, after GitHub's: every field costs 1, and what a field returns many of
 * multiplies the cost of its selection by how many it may return. A paged field (one with
 * `first` or `last`) multiplies by the page size the request asks for, variables included;
 * `{ organizations(first: $n) { edges { node { memoranda(first: $n) { … } } } } }` costs
 * about n² times its innermost selection. Other lists multiply by `listMultiplier`.
 */
export const listMultiplier = 10;

const isList = (type: GraphQLField<unknown, unknown>['type']): boolean => isListType(isNonNullType(type) ? type.ofType : type);

const pageSize = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The default cost of a field (Pothos' complexity plugin calls it with the real argument values). */
export function fieldCost<Context>(args: Record<string, unknown>, field: GraphQLField<unknown, Context>): FieldComplexityValue {
  const named = getNamedType(field.type);
  // A Relay connection's edges are as many as its first/last, which the connection field already counted.
  if (field.name === 'edges' && isObjectType(named) && 'cursor' in named.getFields()) return { field: 1, multiplier: 1 };
  if (field.args.some((arg) => arg.name === 'first' || arg.name === 'last')) {
    return { field: 1, multiplier: Math.max(0, pageSize(args.first) ?? pageSize(args.last) ?? defaultPageSize) };
  }
  return isList(field.type) ? { field: 1, multiplier: listMultiplier } : 1;
}

/**
 * What some fields scan beyond what they return, charged as the field's own cost (Pothos adds it
 * to the cost of the selection). The cost is estimated before anything runs, so it cannot know
 * how connected an actor is: it charges what the field may scan at worst on a large graph.
 */
export const scanCosts = {
  /** stats.mostConnected counts the relationships of every actor in the graph, whatever `first` asks for. */
  mostConnected: 1000,
  /** timeline gathers and sorts every dated relationship of its actor before taking `first`: thousands on a hub. */
  timeline: 200,
} as const;

/**
 * paths expands breadth-first from both ends until they meet, up to maxHops: the entities it
 * visits grow about fourfold with each hop on this graph (its median degree), so 4^maxHops.
 */
export function pathsScanCost(maxHops: unknown): number {
  const hops = typeof maxHops === 'number' && Number.isInteger(maxHops) ? Math.min(Math.max(maxHops, 1), 6) : 4;
  return 4 ** hops;
}

export interface QueryCost {
  /** The estimated cost of the operation being executed. */
  cost: number;
  /** The most an operation may cost. */
  limit: number;
}

/** The cost of the operation a request executes, by its context (the queryCost field reads it). */
const costs = new WeakMap<object, QueryCost>();

export function costOf(context: object): QueryCost | undefined {
  return costs.get(context);
}

/**
 * The cost of the operation `operationName` selects, with the request's variables, or null when
 * the variables do not fit the operation (execution then reports that, and runs no resolver).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | null | undefined,
  context: object,
): number | null {
  const operation = getOperationAST(document, operationName);
  // No such operation, or one this schema has no root type for: execution reports it, running nothing.
  if (!operation || !schema.getRootType(operation.operation)) return null;
  // complexityFromQuery measures the first operation of a document: hand it only the chosen one.
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  try {
    return complexityFromQuery({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }, { schema, ctx: context, variables })
      .complexity;
  } catch (error) {
    if (getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return null;
    throw error;
  }
}

/**
 * Measures every operation before it executes: over the limit, it is refused with
 * QUERY_TOO_COMPLEX before any resolver (and so any database query) runs. The cost is given
 * back in `extensions.cost` of every executed response, so clients can see what they spend.
 * This runs at execution rather than validation because the cost depends on the variables,
 * and yoga caches validation results by document alone.
 */
export function useQueryCost(limit: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = operationCost(args.schema, args.document, args.variableValues ?? {}, args.operationName, args.contextValue);
      if (cost === null) return;
      const measured: QueryCost = { cost, limit };
      costs.set(args.contextValue, measured);
      if (cost > limit) {
        setResultAndStopExecution({
          errors: [
            new QueryTooComplexError(
              `Query too complex: its estimated cost is ${cost}, over the limit of ${limit}. ` +
                'Ask for smaller pages (first/last) or nest fewer lists; the queryCost field and extensions.cost show what a query costs.',
              { cost, limit },
            ),
          ],
          extensions: { cost: measured },
        });
        return;
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          setResult({ ...result, extensions: { ...result.extensions, cost: measured } });
        },
      };
    },
  };
}

import type { FieldComplexityValue } from '@pothos/plugin-complexity';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { QueryTooComplexError } from '../domain/errors.ts';
import { defaultPageSize, defaultPageSizeAt } from './paging.ts';
import { selectsFieldIn } from './selection.ts';

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
  /** timeline: with an actor, it sorts every relationship of that actor (thousands on a hub); without, it reads a page from each entity type's and relationship type's date index. */
  timeline: 200,
  /** timeline's totalCount reads every fact of the window, whatever `first` asks for (730,000 on the 1M graph). */
  timelineCount: 1000,
  /**
   * Source.supports, and again its totalCount: each reads every record that cites the source
   * (from the indexes of cypher/schema/015-source-citations) and sorts them, whatever `first`
   * asks for; a source may be cited by thousands.
   */
  sourceSupport: 100,
} as const;

/**
 * The extension under which a connection field names what a selected `totalCount` costs, once
 * per connection: the count scans more than the page (the timeline's), and a field's complexity
 * cannot see its selection. Without it, totalCount costs 1 per item, as every field of a page does.
 */
export const countScanExtension = 'govgraphCountScan';

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

/** A paged field of the operation, as the cost model counted it. */
export interface PagedField {
  /** Its response path with list levels left out, e.g. "organizations.edges.node.memoranda". */
  path: string;
  /** The page size counted: the first or last asked for, or the default at its depth. */
  size: number;
  /** Whether the query asked for that size (first/last) rather than taking the default. */
  asked: boolean;
  /** How many times it is counted: the product of the multipliers above it. */
  times: number;
  /** The cost of one item of its page (its selection). */
  item: number;
}

export interface CostBreakdown {
  cost: number;
  paged: PagedField[];
}

type ComplexityOption =
  | number
  | { field?: number; multiplier?: number }
  | ((
      args: Record<string, unknown>,
      context: object,
      field: GraphQLField<unknown, unknown>,
    ) => number | { field?: number; multiplier?: number });

function complexityOf(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, context: object) {
  // The complexity plugin puts each field's option, or the builder's fieldComplexity, here.
  const option = field.extensions.complexity as ComplexityOption | undefined;
  const value = typeof option === 'function' ? option(args, context, field) : option;
  if (typeof value === 'number') return { own: value, multiplier: null };
  return { own: value?.field ?? 1, multiplier: value?.multiplier ?? null };
}

/** What one selection set costs for one parent, and the paged fields in it (paths relative to it). */
interface Measured {
  cost: number;
  paged: Map<string, Omit<PagedField, 'path'>>;
}

/**
 * The cost model of the complexity plugin (every field its `complexity`, a field's selection
 * multiplied by its multiplier), walked here rather than by complexityFromQuery so that a relation
 * connection without first/last counts the default page of its depth (paging.ts), as its resolver
 * gives, and so that the costliest paged field can be named when a query is refused. Results are
 * kept per (selection set, type, depth): a fragment spread many times is measured once.
 */
function measure(
  schema: GraphQLSchema,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  context: object,
): (selectionSet: SelectionSetNode, type: GraphQLNamedType, lists: number) => Measured {
  const cache = new Map<SelectionSetNode, Map<string, Measured>>();
  const fragmentRecord = Object.fromEntries(fragments);
  const walk = (selectionSet: SelectionSetNode, type: GraphQLNamedType, lists: number): Measured => {
    const key = `${type.name}\u0000${lists}`;
    const cached = cache.get(selectionSet)?.get(key);
    if (cached) return cached;
    const result: Measured = { cost: 0, paged: new Map() };
    const add = (inner: Measured, prefix: string, times: number) => {
      result.cost += inner.cost * times;
      for (const [path, entry] of inner.paged) {
        const full = prefix ? (path ? `${prefix}.${path}` : prefix) : path;
        const known = result.paged.get(full);
        result.paged.set(full, known ? { ...known, times: known.times + entry.times * times } : { ...entry, times: entry.times * times });
      }
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
        if (!field) {
          // __typename, __schema, __type: one each, as the complexity plugin counts them.
          result.cost += 1;
          continue;
        }
        const args = getArgumentValues(field, selection, variables);
        const { own, multiplier: asked } = complexityOf(field, args, context);
        const pageless = args.first == null && args.last == null;
        const byDepth = field.extensions.pageByNesting === true && pageless;
        const multiplier = Math.max(0, byDepth ? defaultPageSizeAt(lists) : (asked ?? (isList(field.type) ? listMultiplier : 1)));
        result.cost += own;
        const countScan = field.extensions[countScanExtension];
        if (typeof countScan === 'number' && selection.selectionSet && selectsFieldIn([selection], fragmentRecord, 'totalCount')) {
          result.cost += countScan;
        }
        const responseName = selection.alias?.value ?? name;
        if (selection.selectionSet) {
          const inner = walk(selection.selectionSet, getNamedType(field.type), lists + (isList(field.type) ? 1 : 0));
          add(inner, responseName, multiplier);
          if (field.args.some((arg) => arg.name === 'first' || arg.name === 'last') && multiplier > 1) {
            const known = result.paged.get(responseName);
            result.paged.set(responseName, { size: multiplier, asked: !pageless, times: (known?.times ?? 0) + 1, item: inner.cost });
          }
        }
      } else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        if (!fragment) continue;
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
        add(walk(fragment.selectionSet, condition ?? type, lists), '', 1);
      }
    }
    const byType = cache.get(selectionSet) ?? new Map<string, Measured>();
    byType.set(key, result);
    cache.set(selectionSet, byType);
    return result;
  };
  return walk;
}

/**
 * The cost of the operation `operationName` selects, with the request's variables, and its
 * paged fields; null when the variables do not fit the operation (execution then reports that,
 * and runs no resolver).
 */
export function operationCostBreakdown(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | null | undefined,
  context: object,
): CostBreakdown | null {
  const operation = getOperationAST(document, operationName);
  // No such operation, or one this schema has no root type for: execution reports it, running nothing.
  const root = operation ? schema.getRootType(operation.operation) : undefined;
  if (!operation || !root) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return null;
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [],
    ),
  );
  const measured = measure(schema, fragments, coerced.coerced, context)(operation.selectionSet, root, 0);
  return { cost: measured.cost, paged: [...measured.paged].map(([path, entry]) => ({ path, ...entry })) };
}

/** The cost alone (see operationCostBreakdown). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | null | undefined,
  context: object,
): number | null {
  return operationCostBreakdown(schema, document, variables, operationName, context)?.cost ?? null;
}

/** The advice of a refusal: the paged field that costs most, and the page size there that would fit. */
export interface CostAdvice {
  path: string;
  /** What that field costs in this query. */
  cost: number;
  /** The page size counted there. */
  first: number;
  /** The largest first there that brings the query under the limit, others unchanged; null when even 1 does not. */
  fits: number | null;
}

export function costAdvice(breakdown: CostBreakdown, limit: number): CostAdvice | null {
  let best: CostAdvice | null = null;
  for (const field of breakdown.paged) {
    // The part of the cost that grows with this field's page size.
    const scaled = field.times * field.size * field.item;
    if (scaled <= 0) continue;
    const perItem = field.times * field.item;
    const room = limit - (breakdown.cost - scaled);
    const fits = Math.min(field.size - 1, Math.floor(room / perItem));
    if (!best || scaled > best.cost) best = { path: field.path, cost: scaled, first: field.size, fits: fits >= 1 ? fits : null };
  }
  return best;
}

/**
 * The breakdowns of the operations measured lately, by document (yoga's parser cache hands the
 * same DocumentNode to every request with the same text), operation name and variables: a cost
 * depends on nothing else (no field's complexity reads the context), and measuring walks the
 * whole selection, which an application's repeated query would pay on every request. Each
 * document keeps its latest `perDocument` variable sets; variables longer than `longestKey` as
 * JSON (a bulk write's input) are measured each time rather than kept.
 */
class MeasuredOperations {
  readonly #byDocument = new WeakMap<DocumentNode, Map<string, CostBreakdown | null>>();
  readonly perDocument = 256;
  readonly longestKey = 4096;

  get(
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown>,
    measure: () => CostBreakdown | null,
  ): CostBreakdown | null {
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables)}`;
    if (key.length > this.longestKey) return measure();
    let known = this.#byDocument.get(document);
    if (!known) {
      known = new Map();
      this.#byDocument.set(document, known);
    }
    if (known.has(key)) return known.get(key) ?? null;
    const breakdown = measure();
    if (known.size >= this.perDocument) {
      const [oldest] = known.keys();
      if (oldest !== undefined) known.delete(oldest);
    }
    known.set(key, breakdown);
    return breakdown;
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
  const measured = new MeasuredOperations();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const breakdown = measured.get(args.document, args.operationName, args.variableValues ?? {}, () =>
        operationCostBreakdown(args.schema, args.document, args.variableValues ?? {}, args.operationName, args.contextValue),
      );
      if (breakdown === null) return;
      const { cost } = breakdown;
      const charged: QueryCost = { cost, limit };
      costs.set(args.contextValue, charged);
      if (cost > limit) {
        const advice = costAdvice(breakdown, limit);
        const hint = !advice
          ? ' Nest fewer lists.'
          : ` The costliest field is ${advice.path} (${advice.first} per page, ${advice.cost} in all): ` +
            (advice.fits === null
              ? 'even first: 1 there would not fit; nest fewer lists or ask for fewer above it.'
              : `with ${advice.path.split('.').at(-1)}(first: ${advice.fits}) the query would fit.`);
        setResultAndStopExecution({
          errors: [
            new QueryTooComplexError(
              `Query too complex: its estimated cost is ${cost}, over the limit of ${limit}.${hint} ` +
                'The queryCost field and extensions.cost show what a query costs.',
              { cost, limit, ...(advice ? { costliest: advice } : {}) },
            ),
          ],
          extensions: { cost: charged },
        });
        return;
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          setResult({ ...result, extensions: { ...result.extensions, cost: charged } });
        },
      };
    },
  };
}

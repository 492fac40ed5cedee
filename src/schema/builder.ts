import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import type { AuthFailure } from '@pothos/plugin-scope-auth';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin, { type StandardSchemaV1 } from '@pothos/plugin-validation';
import { DateTimeResolver, JSONObjectResolver, URLResolver } from 'graphql-scalars';
import { grantedScopes, refusal, type Scope } from '../auth/api-keys.ts';
import type { ChangePosition } from '../db/repositories/changes.ts';
import { BadUserInputError, ForbiddenError } from '../domain/errors.ts';
import type { RequestContext } from './context.ts';
import { fieldCost } from './cost.ts';

/** The schema builder, its plugins and scalars. Types live in src/schema/, one file per domain. */
export interface GovgraphSchemaTypes {
  Context: RequestContext;
  /** curate: create and update; admin: delete and import (and everything curate may). */
  AuthScopes: Record<Scope, boolean>;
  DefaultFieldNullability: false;
  Scalars: {
    ChangeCursor: { Input: ChangePosition; Output: ChangePosition };
    CountryCode: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date | string };
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
    NonEmptyString: { Input: string; Output: string };
    URL: { Input: URL; Output: URL | string };
    PartialDate: { Input: string; Output: string };
  };
}

/** The scope a refused field asked for (the strictest, when it named several). */
function neededScope(failure: AuthFailure): Scope {
  const named: string[] = [];
  const walk = (at: AuthFailure): void => {
    if ('scope' in at) named.push(at.scope);
    if ('failures' in at) at.failures.forEach(walk);
  };
  walk(failure);
  return named.includes('admin') ? 'admin' : 'curate';
}

/** ['input', 'sources', 0, 'id'] → "input.sources[0].id" */
function argumentPath(path: readonly (string | number)[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

/** A validation issue as an argument path and a reason that quotes the value refused. */
function describeIssue(issue: StandardSchemaV1.Issue, args: Record<string, unknown>) {
  const path = (issue.path ?? []).map((segment) => {
    const key = typeof segment === 'object' ? segment.key : segment;
    return typeof key === 'number' ? key : String(key);
  });
  let value: unknown = args;
  for (const key of path)
    value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  const shown = typeof value === 'string' ? `; got ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)}` : '';
  return { field: argumentPath(path), message: `${issue.message}${shown}` };
}

/** The resolved Pothos types of this schema, for helpers that take refs and field builders. */
export type Types = PothosSchemaTypes.ExtendDefaultTypes<GovgraphSchemaTypes>;

/**
 * The field builder that helpers adding the same fields to objects and to interfaces take (audit,
 * evidence): the object kind's methods they call, which an interface's builder has too. A builder
 * generic in its kind would not do: Pothos cannot check options against a kind it does not know.
 */
export type SharedFieldBuilder<Parent> = Pick<PothosSchemaTypes.FieldBuilder<Types, Parent, 'Object'>, 'field' | 'string'>;

export const builder = new SchemaBuilder<GovgraphSchemaTypes>({
  // Scope auth first, so that a refused write is refused before its arguments are validated.
  plugins: [ScopeAuthPlugin, RelayPlugin, ComplexityPlugin, ValidationPlugin],
  scopeAuth: {
    authScopes: (context) => grantedScopes(context.caller),
    unauthorizedError: (_parent, context, _info, result) => {
      const needed = neededScope(result.failure);
      return new ForbiddenError(`Forbidden: ${refusal(context.caller, needed)}.`);
    },
  },
  defaultFieldNullability: false,
  // The same shape as the checks after it (src/services/curation/records.ts checkWrite): BAD_USER_INPUT naming the argument path.
  validation: {
    validationError: (failure, args) => BadUserInputError.of(failure.issues.map((issue) => describeIssue(issue, args))),
  },
  // Only the cost model: the limit is checked by useQueryCost (src/schema/cost.ts) before execution,
  // so no resolver runs for a query that is too costly.
  complexity: { fieldComplexity: (args, _context, field) => fieldCost(args, field) },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeTypeOptions: { description: 'An object with a global ID (Relay): refetch it with node(id:).' },
    pageInfoTypeOptions: { description: 'Where a page sits in its list (Relay).' },
    // node and nodes are defined in schema/lookups.ts: the plugin's own reject a malformed
    // global ID with a message but no extensions.code, and cannot say which argument it was.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    // GitHub's shorthand, for readers who want the records and not the edges' relation fields.
    // As many as the page holds, which the connection field already counted.
    nodesOnConnection: {
      description: "The page's records, as `edges { node }` gives them, without the edges' fields.",
      complexity: { field: 1, multiplier: 1 },
    },
  },
});

builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('JSONObject', JSONObjectResolver);
builder.addScalarType('URL', URLResolver);

builder.queryType({ description: 'The entry points for reading the govgraph knowledge graph.' });

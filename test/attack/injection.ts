import { readFileSync } from 'node:fs';
import path from 'node:path';
import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { casesDir } from './cases.ts';

/** The payloads of cases/injection-payloads.json. */
export function injectionPayloads(): string[] {
  return (JSON.parse(readFileSync(path.join(casesDir, 'injection-payloads.json'), 'utf8')) as { payloads: string[] }).payloads;
}

/** Scalars that carry text a resolver might hand to the database. */
const notText = new Set(['Int', 'Float', 'Boolean', 'JSONObject']);
const isText = (type: GraphQLNamedType) => isScalarType(type) && !notText.has(type.name);

export interface InjectionTarget {
  /** e.g. "Query.organizations(filter.nameContains)". */
  name: string;
  /** The document, with $v where the payload goes (or the payload itself, for literal ones). */
  query: (value: string, asLiteral: boolean) => string;
  /** The payload as a value of $v (a list for list arguments). */
  variable: (payload: string) => unknown;
  /** Payload forms worth sending to this argument: the raw text, and for IDs and cursors the text wrapped the way the API decodes it. */
  forms: (payload: string) => string[];
  root: boolean;
}

export interface InjectionFixtures {
  /** An existing entity's slug for each label, to reach the fields of each entity type. */
  slugOf: (label: string) => string;
  /** Global IDs of existing entities, for required ID arguments that are not under attack. */
  globalIds: string[];
}

function literal(type: GraphQLInputType, fixtures: InjectionFixtures, ids: { next: number }): string {
  if (isNonNullType(type)) return literal(type.ofType, fixtures, ids);
  if (isListType(type)) return `[${literal(type.ofType, fixtures, ids)}]`;
  if (isEnumType(type)) return type.getValues()[0]?.name ?? 'null';
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((field) => isNonNullType(field.type));
    return `{ ${required.map((field) => `${field.name}: ${literal(field.type, fixtures, ids)}`).join(', ')} }`;
  }
  if (type.name === 'ID') return JSON.stringify(fixtures.globalIds[ids.next++ % fixtures.globalIds.length]);
  if (type.name === 'Int' || type.name === 'Float') return '1';
  if (type.name === 'DateTime') return '"2000-01-01T00:00:00Z"';
  if (type.name === 'Boolean') return 'true';
  return '"ru"';
}

function selection(type: GraphQLNamedType): string {
  if (isLeafType(type)) return '';
  const fields = isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
  return `{ __typename${'totalCount' in fields ? ' totalCount' : ''} }`;
}

/** How a query reaches a field of `parent`: at the root, or inside an entity of that type. */
function around(schema: GraphQLSchema, parent: GraphQLNamedType, fixtures: InjectionFixtures): ((inner: string) => string) | null {
  if (parent === schema.getQueryType()) return (inner) => `{ ${inner} }`;
  const entity = schema.getType('Entity');
  if (!entity || !isInterfaceType(entity)) return null;
  const concrete = isObjectType(parent) ? [parent] : isInterfaceType(parent) ? schema.getPossibleTypes(parent) : [];
  const sample = concrete.find((type) => type.getInterfaces().includes(entity));
  if (!sample) return null;
  const slug = fixtures.slugOf(sample.name);
  return (inner) => `{ entity(slug: ${JSON.stringify(slug)}) { ... on ${parent.name} { ${inner} } } }`;
}

function fieldTargets(
  schema: GraphQLSchema,
  parent: GraphQLNamedType,
  field: GraphQLField<unknown, unknown>,
  fixtures: InjectionFixtures,
): InjectionTarget[] {
  const wrap = around(schema, parent, fixtures);
  const targets: InjectionTarget[] = [];
  const root = parent === schema.getQueryType();
  const add = (name: string, target: GraphQLArgument, inputField: string | null, type: GraphQLInputType) => {
    if (!wrap)
      throw new Error(
        `${parent.name}.${field.name} takes text (${name}), but the attack suite has no way to reach ${parent.name}: add one`,
      );
    const isListArg = isListType(isNonNullType(type) ? type.ofType : type);
    const named = getNamedType(type).name;
    const argumentName = target.name;
    targets.push({
      name: `${parent.name}.${field.name}(${name})`,
      root,
      variable: (payload) => (isListArg ? [payload] : payload),
      forms: (payload) => {
        if (named === 'ID') return [payload, encodeGlobalID('Organization', payload)];
        if (argumentName === 'after' || argumentName === 'before') {
          return [payload, Buffer.from(JSON.stringify([payload, payload]), 'utf8').toString('base64url')];
        }
        return [payload];
      },
      query: (value, asLiteral) => {
        const ids = { next: 0 };
        const placed = asLiteral ? JSON.stringify(value) : '$v';
        const placedValue = isListArg && asLiteral ? `[${placed}]` : placed;
        const args = field.args
          .map((arg) => {
            if (arg === target) return `${arg.name}: ${inputField ? `{ ${inputField}: ${placedValue} }` : placedValue}`;
            return isNonNullType(arg.type) ? `${arg.name}: ${literal(arg.type, fixtures, ids)}` : null;
          })
          .filter((text): text is string => text !== null)
          .join(', ');
        const inner = `${field.name}(${args}) ${selection(getNamedType(field.type))}`;
        return asLiteral ? wrap(inner) : `query ($v: ${String(type)}) ${wrap(inner)}`;
      },
    });
  };
  for (const arg of field.args) {
    const named = getNamedType(arg.type);
    if (isText(named)) add(arg.name, arg, null, arg.type);
    else if (isInputObjectType(named)) {
      for (const inputField of Object.values(named.getFields())) {
        if (isText(getNamedType(inputField.type))) add(`${arg.name}.${inputField.name}`, arg, inputField.name, inputField.type);
      }
    }
  }
  return targets;
}

/** Whether a field declares scopes to the auth plugin (see test/unit/mutation-scopes.test.ts). */
function needsKey(field: GraphQLField<unknown, unknown>): boolean {
  const options = field.extensions.pothosOptions;
  return typeof options === 'object' && options !== null && 'authScopes' in options && options.authScopes !== undefined;
}

/** Every argument and input field of the schema that takes text, with a way to send it a payload. */
export function injectionTargets(schema: GraphQLSchema, fixtures: InjectionFixtures): InjectionTarget[] {
  const targets: InjectionTarget[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    // Mutations need a key, and a payload they accept is stored: test/integration/curation-injection.test.ts sends them these payloads with one.
    if (type === schema.getMutationType()) continue;
    // Subscriptions stream over SSE, not in a JSON answer; test/integration/change-feed.test.ts
    // sends Subscription.changes an unknown type and checks that the refusal names it.
    if (type === schema.getSubscriptionType()) continue;
    for (const field of Object.values(type.getFields())) {
      // Fields that need a key (the review queue's reads) refuse anonymous requests before any
      // argument is read; test/integration/curation-injection.test.ts sends them the payloads with a key.
      if (needsKey(field)) continue;
      targets.push(...fieldTargets(schema, type, field, fixtures));
    }
  }
  return targets;
}

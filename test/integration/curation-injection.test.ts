import { type GraphQLInputField, type GraphQLInputType, getNamedType, isInputObjectType, isListType, isNonNullType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.ts';
import { injectionPayloads } from '../attack/injection.ts';
import {
  entityInput,
  entityLabelOf,
  mutationDocument,
  mutationFields,
  relationInput,
  relationTypeOf,
  seededCurationSuite,
} from '../support/curation.ts';
import { readStoredProps } from '../support/database.ts';

// Cypher injection through the write side: every text argument and input field of every mutation
// (found in the schema, so new ones are covered) receives each payload of the attack suite, sent
// with an admin key so that it reaches validation and the database. Each answer is data or
// BAD_USER_INPUT; a value that is accepted is stored exactly as sent; the seed's entities all
// survive, and nothing the payloads try to create or set exists afterwards.

const textTypes = new Set(['String', 'NonEmptyString']);

interface Target {
  name: string;
  field: string;
  document: string;
  /** Request `n` writes its own entity, so that concurrent requests do not overwrite each other's. */
  variables: (payload: string, n: number) => Record<string, unknown>;
  /** The entity (of request `n`) whose stored property must equal the payload when the write is accepted. */
  stored?: { id: (n: number) => string; property: string };
  /** Error codes besides BAD_USER_INPUT that are a normal answer (NOT_FOUND for an id that names nothing). */
  alsoAllowed?: string[];
}

// The review queue (docs/ingestion.md): its mutations and reads act on queued proposals and
// mentions by id, so a payload id is NOT_FOUND; ingestSource stores its content as the text.
const queueMutations = new Set(['ingestSource', 'acceptProposal', 'rejectProposal', 'linkMention']);

/** The curate-scoped reads of the review queue, sent the same payloads with a key. */
function queueReadTargets(): Target[] {
  const query = schema.getQueryType();
  const found: Target[] = [];
  for (const name of ['proposals', 'mentions', 'ingestedSource']) {
    const field = query?.getFields()[name];
    if (!field) throw new Error(`the schema has no Query.${name}`);
    const definitions = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
    const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const document = `query (${definitions}) { ${name}(${args}) { __typename } }`;
    for (const arg of field.args) {
      if (!textTypes.has(getNamedType(arg.type).name)) continue;
      found.push({
        name: `Query.${name}(${arg.name})`,
        field: arg.name,
        document,
        variables: (payload) => ({ source: 'inj-nothing', [arg.name]: payload }),
        alsoAllowed: ['NOT_FOUND'],
      });
    }
  }
  return found;
}

const isList = (type: GraphQLInputType) => isListType(isNonNullType(type) ? type.ofType : type);

describe('Cypher injection through every mutation input', () => {
  const suite = seededCurationSuite();
  const { keys } = suite;

  function targets(): Target[] {
    const found: Target[] = [];
    for (const field of mutationFields(schema)) {
      const label = entityLabelOf(field.name);
      const type = relationTypeOf(field.name);
      const document = mutationDocument(field);
      if (field.name === 'ingestSource') {
        const inputType = getNamedType(field.args[0]?.type);
        if (!inputType || !isInputObjectType(inputType)) throw new Error('ingestSource takes no input object');
        for (const inputField of Object.values(inputType.getFields()) as GraphQLInputField[]) {
          if (!textTypes.has(getNamedType(inputField.type).name)) continue;
          found.push({
            name: `ingestSource(input.${inputField.name})`,
            field: inputField.name,
            document,
            // A text of its own per request, as concurrent requests of one text would share one source.
            variables: (payload, n) => ({ input: { content: `MSK-IX met the ISPCP (${n}).`, [inputField.name]: payload } }),
          });
        }
      } else if (queueMutations.has(field.name)) {
        for (const arg of field.args) {
          if (!textTypes.has(getNamedType(arg.type).name)) continue;
          found.push({
            name: `${field.name}(${arg.name})`,
            field: arg.name,
            document,
            variables: (payload) => ({ id: 'inj-nothing', mention: 'inj-nothing', entity: 'msk-ix', [arg.name]: payload }),
            alsoAllowed: ['NOT_FOUND'],
          });
        }
      } else if (field.name.startsWith('upsert')) {
        const id = (n: number) => `inj-${field.name.toLowerCase()}-${n}`;
        // Each entity cites a source of its own, so that concurrent writes do not all queue on one source's lock.
        const base = (n: number) =>
          type
            ? relationInput(type, suite.graph)
            : label === 'Source'
              ? entityInput('Source', id(n))
              : {
                  ...entityInput(label as NonNullable<typeof label>, id(n)),
                  sources: [{ source: { id: `src-${id(n)}`, title: 'Injection' } }],
                };
        const input = field.args[0]?.type;
        const inputType = input ? getNamedType(input) : null;
        if (!inputType || !isInputObjectType(inputType)) throw new Error(`${field.name} takes no input object`);
        for (const inputField of Object.values(inputType.getFields()) as GraphQLInputField[]) {
          if (!textTypes.has(getNamedType(inputField.type).name)) continue;
          const list = isList(inputField.type);
          found.push({
            name: `${field.name}(input.${inputField.name})`,
            field: inputField.name,
            document,
            variables: (payload, n) => ({ input: { ...base(n), [inputField.name]: list ? [payload] : payload } }),
            stored: type || inputField.name === 'id' ? undefined : { id, property: inputField.name },
          });
        }
      } else {
        for (const arg of field.args) {
          if (!textTypes.has(getNamedType(arg.type).name)) continue;
          const base = type ? { from: 'msk-ix', to: 'tld-ru' } : { id: 'inj-nothing' };
          found.push({
            name: `${field.name}(${arg.name})`,
            field: arg.name,
            document,
            variables: (payload) => ({ ...base, [arg.name]: payload }),
          });
        }
      }
    }
    return [...found, ...queueReadTargets()];
  }

  it('finds the text inputs in the schema', () => {
    const names = targets().map((target) => target.name);
    expect(names).toEqual(
      expect.arrayContaining(['upsertOrganization(input.name)', 'upsertSignedRelation(input.onBehalfOf)', 'deleteSource(id)']),
    );
    expect(names.length).toBeGreaterThan(100);
  });

  it('answers every payload normally, stores accepted values verbatim and runs none', { timeout: 600_000 }, async () => {
    const requests = targets().flatMap((target) => injectionPayloads().map((payload) => ({ target, payload })));
    const numbered = requests.map((request, n) => ({ ...request, n }));
    const problems: string[] = [];
    let accepted = 0;
    let next = 0;
    const worker = async () => {
      while (next < numbered.length) {
        const { target, payload, n } = numbered[next++]!;
        const { status, result } = await suite.api.send(target.document, target.variables(payload, n), keys.admin);
        const allowed = ['BAD_USER_INPUT', ...(target.alsoAllowed ?? [])];
        const wrong = (result.errors ?? []).filter((error) => !allowed.includes(String(error.extensions?.code)));
        if ((status !== 200 && status !== 400) || wrong.length > 0) {
          problems.push(`${target.name} ← ${JSON.stringify(payload)}: ${status} ${JSON.stringify(result).slice(0, 300)}`);
          continue;
        }
        if (result.errors || !target.stored) continue;
        accepted += 1;
        const [row] = await readStoredProps(suite.db, [target.stored.id(n)]);
        const value = row?.props[target.stored.property];
        if (JSON.stringify(value) !== JSON.stringify(payload) && JSON.stringify(value) !== JSON.stringify([payload])) {
          problems.push(`${target.name} ← ${JSON.stringify(payload)}: stored as ${JSON.stringify(value)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(problems).toEqual([]);
    expect(accepted).toBeGreaterThan(100);

    const seedIds = suite.graph.nodes.map((node) => node.id);
    const found = await readStoredProps(suite.db, seedIds);
    expect(found.length).toBe(seedIds.length);
    expect(found.filter((row) => 'pwned' in row.props)).toEqual([]);
    expect(await readStoredProps(suite.db, ['pwned', 'x'])).toEqual([]);
  });
});

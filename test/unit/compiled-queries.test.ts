import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useCompiledQueries } from '../../src/http/compiled-queries.ts';
import { scannedFetch } from '../support/scanned-fetch.ts';

// When a document goes through graphql-jit (src/http/compiled-queries.ts), on a schema of its
// own: no database needed. @envelop/graphql-jit marks the results it produces with a
// `stringify` function (its ExecutionResultWithSerializer type); graphql-js's carry none.

const schema = createSchema({
  typeDefs: /* GraphQL */ `
    enum Order { ASC, DESC }
    type Query { echo(n: Int!, order: Order): String! }
    type Mutation { touch: Int! }
  `,
  resolvers: {
    Query: { echo: (_: unknown, args: { n: number; order?: string }) => `${args.n}${args.order ?? ''}` },
    Mutation: { touch: () => 1 },
  },
});

function probedYoga(extra: Plugin[] = []) {
  const compiled: boolean[] = [];
  const probe: Plugin = {
    onExecute: () => ({
      onExecuteDone: ({ result }) => {
        compiled.push('stringify' in result && typeof result.stringify === 'function');
      },
    }),
  };
  const yoga = createYoga({ schema, plugins: [...extra, useCompiledQueries(), probe], maskedErrors: false });
  const send = async (body: { query: string; variables?: Record<string, unknown>; operationName?: string }) => {
    const response = await scannedFetch(
      'http://test/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify(body),
      },
      { via: yoga },
    );
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string }[] } };
  };
  return { compiled, send };
}

describe('compiled queries', () => {
  it('compiles a query document on its second execution, with the same answer', async () => {
    const { compiled, send } = probedYoga();
    const query = 'query ($n: Int!) { echo(n: $n) }';
    const first = await send({ query, variables: { n: 1 } });
    const second = await send({ query, variables: { n: 2 } });
    const third = await send({ query, variables: { n: 3 } });
    expect([first.body, second.body, third.body]).toEqual([{ data: { echo: '1' } }, { data: { echo: '2' } }, { data: { echo: '3' } }]);
    expect(compiled).toEqual([false, true, true]);
  });

  it('leaves variables that do not fit their types to graphql-js, whose errors the API gives codes', async () => {
    const { compiled, send } = probedYoga();
    const query = 'query ($n: Int!, $o: Order) { echo(n: $n, order: $o) }';
    await send({ query, variables: { n: 1 } });
    const wrongType = await send({ query, variables: { n: 'one' } });
    const unknownValue = await send({ query, variables: { n: 1, o: 'UP' } });
    const fine = await send({ query, variables: { n: 1, o: 'ASC' } });
    expect(wrongType.body.errors?.[0]?.message).toMatch(/^Variable "\$n" got invalid value "one"; Int cannot represent/);
    expect(unknownValue.body.errors?.[0]?.message).toMatch(/^Variable "\$o" got invalid value "UP"; Value "UP" does not exist/);
    expect(fine.body).toEqual({ data: { echo: '1ASC' } });
    expect(compiled).toEqual([false, false, false, true]);
  });

  it('leaves mutations and documents with several operations to graphql-js', async () => {
    const { compiled, send } = probedYoga();
    const mutation = 'mutation { touch }';
    const several = 'query A { echo(n: 1) } query B { echo(n: 2) }';
    for (let round = 0; round < 2; round += 1) {
      expect((await send({ query: mutation })).body).toEqual({ data: { touch: 1 } });
      expect((await send({ query: several, operationName: 'A' })).body).toEqual({ data: { echo: '1' } });
      expect((await send({ query: several, operationName: 'B' })).body).toEqual({ data: { echo: '2' } });
    }
    expect(compiled).toEqual([false, false, false, false, false, false]);
  });

  it('still compiles a document after a request named an operation it does not hold', async () => {
    const { compiled, send } = probedYoga();
    const query = 'query Only { echo(n: 1) }';
    await send({ query });
    const wrongName = await send({ query, operationName: 'Other' });
    expect(wrongName.body.errors?.[0]?.message).toBe('Could not determine what operation to execute.');
    expect((await send({ query, operationName: 'Only' })).body).toEqual({ data: { echo: '1' } });
    expect(compiled.at(-1)).toBe(true);
  });

  it('runs a document graphql-jit fails to compile with graphql-js, then and ever after', async () => {
    // Validation turned off, so that a document graphql-jit refuses reaches execution; graphql-js
    // reports the same fault as a field error instead.
    const skipValidation: Plugin = { onValidate: ({ setValidationFn }) => setValidationFn(() => []) };
    const { compiled, send } = probedYoga([skipValidation]);
    const query = '{ echo(n: 1) @skip(if: "x") }';
    const answers = [await send({ query }), await send({ query }), await send({ query })];
    for (const answer of answers) expect(answer.body.errors?.[0]?.message).toBe('Argument "if" has invalid value "x".');
    expect(compiled).toEqual([false, false, false]);
  });
});

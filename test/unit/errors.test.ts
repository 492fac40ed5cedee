import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, RequestTimeoutError } from '../../src/db/errors.ts';
import {
  BadRequestError,
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  QueryTooComplexError,
  RequestTooLargeError,
} from '../../src/domain/errors.ts';
import { SeedValidationError } from '../../src/domain/validate.ts';
import { ExportNotFoundError, ExportRequestError } from '../../src/services/export/export.ts';
import { scannedFetch } from '../support/scanned-fetch.ts';

// The one extensions shape of the errors a client may read (src/domain/errors.ts): one code,
// the facts beside it, and the HTTP answer yoga reads. The expected values are written out.

describe('the errors a client may read', () => {
  it('each carry one code and the facts beside it', () => {
    expect(new BadUserInputError('"first" must be between 1 and 100, got 0', { argument: 'first' }).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'first',
      argument: 'first',
    });
    expect(new BadUserInputError('invalid PartialDate: "2021-02-30" is not a real date').extensions).toEqual({ code: 'BAD_USER_INPUT' });
    const input = BadUserInputError.of([
      { field: 'input.endDate', message: 'endDate "2019" is before startDate "2021"' },
      { field: 'input.sources[0]', message: 'unknown source "x"' },
    ]);
    expect(input.message).toBe('input.endDate: endDate "2019" is before startDate "2021"; input.sources[0]: unknown source "x"');
    expect(input.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.endDate',
      problems: [
        { field: 'input.endDate', message: 'endDate "2019" is before startDate "2021"' },
        { field: 'input.sources[0]', message: 'unknown source "x"' },
      ],
    });
    expect(new NotFoundError('no Person with the global ID x', { argument: 'actor' }).extensions).toEqual({
      code: 'NOT_FOUND',
      field: 'actor',
      argument: 'actor',
    });
    expect(new ForbiddenError('Forbidden: writing needs an API key.').extensions).toEqual({ code: 'FORBIDDEN', http: { status: 403 } });
    expect(new ConflictError('not deleted', { dependents: [], dependentCount: 0 }).extensions).toEqual({
      code: 'CONFLICT',
      dependents: [],
      dependentCount: 0,
    });
    expect(new QueryTooComplexError('too costly', { cost: 60000, limit: 50000 }).extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      cost: 60000,
      limit: 50000,
      http: { status: 400, spec: true },
    });
    expect(new RequestTooLargeError('too large').extensions).toEqual({
      code: 'REQUEST_ENTITY_TOO_LARGE',
      http: { status: 413, headers: { connection: 'close' } },
    });
    expect(new BadRequestError('unknown parameter').extensions).toEqual({ code: 'BAD_REQUEST', http: { status: 400 } });
    expect(new DatabaseUnavailableError().extensions).toEqual({
      code: 'DATABASE_UNAVAILABLE',
      http: { status: 503, headers: { 'retry-after': '1' } },
    });
    expect(new RequestTimeoutError(1500).extensions).toEqual({ code: 'TIMEOUT', timeoutMs: 1500, http: { status: 504 } });
  });

  it('include the errors of the lower layers, with the same shape', () => {
    const seed = new SeedValidationError([{ file: 'body.json', line: 3, column: 5, record: 'x', field: 'id', message: 'expected a slug' }]);
    expect(seed.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      problems: [{ file: 'body.json', line: 3, column: 5, record: 'x', field: 'id', message: 'expected a slug' }],
    });
    expect(new ExportRequestError('unknown format "x"').extensions).toEqual({ code: 'BAD_REQUEST', http: { status: 400 } });
    expect(new ExportNotFoundError('no entity has the slug "x"').extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('reach the client through graphql and yoga with their code and status; a plain Error is masked, and a cause never shows', async () => {
    const yoga = createYoga({
      schema: createSchema({
        typeDefs: 'type Query { missing: String, down: String, broken: String }',
        resolvers: {
          Query: {
            missing: () => {
              throw new NotFoundError('no Organization with the global ID x', { argument: 'id' });
            },
            down: () => {
              throw new DatabaseUnavailableError({ cause: new Error('connect ECONNREFUSED bolt://10.0.0.7:7687') });
            },
            broken: () => {
              throw new Error('MATCH (n) RETURN n failed');
            },
          },
        },
      }),
      maskedErrors: { isDev: false },
      // The masked error is logged; the test looks at the answer only.
      logging: false,
    });
    const ask = async (query: string) => {
      const response = await scannedFetch(
        'http://test/graphql',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) },
        { via: yoga },
      );
      return { status: response.status, text: await response.text() };
    };
    const missing = await ask('{ missing }');
    expect(missing.status).toBe(200);
    expect(JSON.parse(missing.text)).toEqual({
      data: { missing: null },
      errors: [
        {
          message: 'no Organization with the global ID x',
          locations: [{ line: 1, column: 3 }],
          path: ['missing'],
          extensions: { code: 'NOT_FOUND', field: 'id', argument: 'id' },
        },
      ],
    });
    const down = await ask('{ down }');
    expect(down.status).toBe(503);
    expect(JSON.parse(down.text).errors[0].extensions).toEqual({ code: 'DATABASE_UNAVAILABLE' });
    expect(down.text).not.toContain('bolt://');
    const broken = await ask('{ broken }');
    expect(JSON.parse(broken.text).errors[0]).toMatchObject({
      message: 'Unexpected error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(broken.text).not.toContain('MATCH');
  });
});

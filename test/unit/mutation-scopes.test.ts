import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schemaFile } from '../../src/cli/print-schema.ts';
import { schema } from '../../src/schema/index.ts';
import { mutationScopes, pinnedScope } from '../support/mutation-scopes.ts';

// The hand-written table of who may call each mutation against what the code declares. That
// the server enforces it is test/integration/curation-auth.test.ts's job.

const fields = Object.values(schema.getMutationType()?.getFields() ?? {});

/** The scopes a field declares to @pothos/plugin-scope-auth, e.g. { admin: true } → ['admin']. */
function declaredScopes(extensions: Readonly<Record<string, unknown>>): string[] {
  const options = extensions.pothosOptions;
  if (typeof options !== 'object' || options === null || !('authScopes' in options)) return [];
  const scopes = options.authScopes;
  if (typeof scopes !== 'object' || scopes === null) return [];
  return Object.entries(scopes)
    .filter(([, required]) => required === true)
    .map(([scope]) => scope);
}

describe('the pinned table of mutation scopes', () => {
  it('lists every mutation of schema.graphql, and nothing else', () => {
    const printed = buildSchema(readFileSync(schemaFile, 'utf8'));
    const inFile = Object.keys(printed.getMutationType()?.getFields() ?? {}).sort();
    expect(inFile).toHaveLength(70);
    expect(Object.keys(mutationScopes).sort()).toEqual(inFile);
    expect(fields.map((field) => field.name).sort()).toEqual(inFile);
  });

  it('agrees with the scope each mutation declares to the auth plugin, one scope each', () => {
    const disagreements = fields
      .map((field) => ({ name: field.name, declared: declaredScopes(field.extensions), pinned: pinnedScope(field.name) }))
      .filter(({ declared, pinned }) => declared.length !== 1 || declared[0] !== pinned);
    expect(disagreements).toEqual([]);
  });

  it("agrees with what each mutation's description tells clients", () => {
    const disagreements = fields
      .filter((field) => !field.description?.includes(`Needs the "${pinnedScope(field.name)}" scope.`))
      .map((field) => ({ name: field.name, description: field.description }));
    expect(disagreements).toEqual([]);
  });
});

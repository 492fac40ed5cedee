import { readFileSync } from 'node:fs';
import { type GraphQLNamedType, isInputObjectType, isInterfaceType, isObjectType, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schemaFile } from '../../src/cli/print-schema.ts';
import { schema } from '../../src/schema/index.ts';

describe('schema.graphql', () => {
  it('is what the code builds (run `npm run schema:print` after changing the schema)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(`${printSchema(schema)}\n`);
  });

  it('describes every type, field and argument', () => {
    const missing: string[] = [];
    const userTypes = Object.values(schema.getTypeMap()).filter((type: GraphQLNamedType) => !type.name.startsWith('__'));
    for (const type of userTypes) {
      if (!type.description && !['Boolean', 'String', 'Int', 'Float', 'ID', 'PageInfo'].includes(type.name)) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description && !['cursor', 'node', 'edges', 'pageInfo', 'id'].includes(field.name) && type.name !== 'PageInfo') {
            missing.push(`${type.name}.${field.name}`);
          }
          for (const arg of field.args) {
            if (!arg.description && !['first', 'last', 'after', 'before', 'id', 'ids'].includes(arg.name)) {
              missing.push(`${type.name}.${field.name}(${arg.name})`);
            }
          }
        }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

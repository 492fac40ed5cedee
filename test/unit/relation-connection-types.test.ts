import { getNamedType, isAbstractType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { relationRules } from '../../src/domain/rules.ts';
import { schema } from '../../src/schema/index.ts';
import { markOf } from '../../src/schema/planner.ts';

// A relation connection returns whatever the relationship's other end is, filtered by its labels.
// When the rules allow an end that its node type cannot carry (an event part of a body, under
// Event.partOf), GraphQL fails the whole field with an internal error: `events { partOf }` did,
// on the seed graph. Every connection must filter to what its type can carry.
describe('relation connections', () => {
  it('only reach entities their node type can carry', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const mark = markOf(field);
        const connection = getNamedType(field.type);
        if (!mark || !isObjectType(connection)) continue;
        const edge = getNamedType(connection.getFields().edges?.type);
        const node = isObjectType(edge) ? getNamedType(edge.getFields().node?.type) : undefined;
        if (!node) continue;
        const carried = isAbstractType(node) ? schema.getPossibleTypes(node).map((possible) => possible.name) : [node.name];
        const rule = relationRules[mark.type];
        const ends = { out: rule.to, in: rule.from, both: [...rule.from, ...rule.to] }[mark.direction];
        const reached = ends.filter((label) => mark.labels === null || mark.labels.includes(label));
        const uncarried = reached.filter((label) => !carried.includes(label));
        checked += 1;
        if (uncarried.length > 0) wrong.push(`${type.name}.${field.name} (${node.name}) reaches ${uncarried.join(', ')}`);
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(wrong).toEqual([]);
  });
});

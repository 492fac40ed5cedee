import { getNamedType, isAbstractType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { otherEndLabels } from '../../src/domain/rules.ts';
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
        const reached = [...otherEndLabels(mark.type, mark.direction)].filter(
          (label) => mark.labels === null || mark.labels.includes(label),
        );
        const uncarried = reached.filter((label) => !carried.includes(label));
        checked += 1;
        if (uncarried.length > 0) wrong.push(`${type.name}.${field.name} (${node.name}) reaches ${uncarried.join(', ')}`);
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(wrong).toEqual([]);
  });

  // A label test is a property read per relationship: a connection makes one only where it turns
  // some end away (event participants without countries), never where the rules admit only the
  // labels it names (a person's positions).
  it("test the other end's label only where the rules admit a label they leave out", () => {
    const marks = Object.values(schema.getTypeMap()).flatMap((type) =>
      isObjectType(type) && !type.name.startsWith('__')
        ? Object.values(type.getFields()).flatMap((field) => {
            const mark = markOf(field);
            return mark ? [{ name: `${type.name}.${field.name}`, mark }] : [];
          })
        : [],
    );
    const idle = marks.filter(
      ({ mark }) => mark.labels !== null && [...otherEndLabels(mark.type, mark.direction)].every((label) => mark.labels?.includes(label)),
    );
    expect(idle.map(({ name }) => name)).toEqual([]);
    const named = (name: string) => marks.find((entry) => entry.name === name)?.mark.labels;
    expect(named('Person.positions')).toBeNull();
    expect(named('Event.participants')).toEqual(['Person', 'Organization', 'Body']);
  });
});

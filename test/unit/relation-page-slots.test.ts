import { describe, expect, it } from 'vitest';
import { filledCypher, parametersToSend } from '../../src/db/cypher-files.ts';
import { edgeBoundsSlot, relationFiltersSlot, relationPageSlotValues } from '../../src/db/relation-page-slots.ts';
import { type RelationPageRequest, relationPageParameters } from '../../src/db/repositories/relations.ts';

// The relation pages' filter and keyset slots: only what a request gives reaches the statement.

const request: RelationPageRequest = {
  type: 'SIGNED',
  direction: 'in',
  labels: null,
  roles: null,
  evidence: null,
  asOf: null,
  limit: 6,
  size: 5,
  orderBy: 'NAME',
  descending: false,
  after: null,
  before: null,
  backwards: false,
  withTotal: false,
  partLabels: null,
};

describe('relation page slots', () => {
  it('write nothing for a request without filters or bounds, and send none of their parameters', () => {
    expect(relationFiltersSlot(new Set())).toBe('');
    expect(edgeBoundsSlot(false, false)).toBe('');
    const parameters = relationPageParameters(request);
    const text = filledCypher('queries/relation-pages', parameters);
    expect(text).not.toMatch(/\$(labels|roles|evidence|asOfFrom|lowerKey|upperKey)\b/);
    expect(Object.keys(parametersToSend('queries/relation-pages', { ids: ['a'], ...parameters })).sort()).toEqual([
      'ids',
      'limit',
      'withTotal',
    ]);
  });

  it('write each filter given, in a fixed order, with its parameters', () => {
    expect(relationFiltersSlot(new Set(['roles', 'labels']))).toBe('AND b.label IN $labels AND r.role IN $roles');
    const parameters = relationPageParameters({ ...request, labels: ['Person'], evidence: ['STATED'] });
    expect(parameters.relationFilters).toBe(
      'AND b.label IN $labels AND ($evidence IS NULL OR any(kind IN r.citationEvidence WHERE kind IN $evidence))',
    );
    expect(parameters).toMatchObject({ labels: ['Person'], evidence: ['STATED'] });
    expect(parameters).not.toHaveProperty('roles');
  });

  it('write the as-of range from the shared fragment, for relationship r', () => {
    const asOf = { first: '2021-01-01', last: '2021-12-31', includeUndated: false };
    const parameters = relationPageParameters({ ...request, asOf });
    expect(parameters.relationFilters).toContain('coalesce(r.dateFrom <= $asOfTo, true) AND coalesce(r.dateTo >= $asOfFrom, true)');
    expect(parameters).toMatchObject({ asOfFrom: '2021-01-01', asOfTo: '2021-12-31', includeUndated: false });
  });

  it('write the keyset bounds given, in ascending terms whatever the order', () => {
    expect(edgeBoundsSlot(true, false)).toBe('AND (k > $lowerKey OR (k = $lowerKey AND r.key > $lowerId))');
    expect(edgeBoundsSlot(false, true)).toBe('AND (k < $upperKey OR (k = $upperKey AND r.key < $upperId))');
    const after = { key: 'ivanov', id: 'SIGNED|x|y||' };
    const ascending = relationPageParameters({ ...request, after });
    expect(ascending).toMatchObject({ lowerKey: 'ivanov', lowerId: 'SIGNED|x|y||', order: 'ASC' });
    expect(ascending).not.toHaveProperty('upperKey');
    // Descending, what comes after a cursor is below it, read largest first.
    const descending = relationPageParameters({ ...request, descending: true, after });
    expect(descending).toMatchObject({ upperKey: 'ivanov', upperId: 'SIGNED|x|y||', order: 'DESC' });
    expect(descending).not.toHaveProperty('lowerKey');
    // `last` through a descending page reads it from its smallest end.
    expect(relationPageParameters({ ...request, descending: true, backwards: true })).toMatchObject({ order: 'ASC' });
  });

  it("order by the other end's name, or by the date the relation holds from, else its other end's", () => {
    expect(relationPageParameters(request).edgeSortKey).toBe("coalesce(b.nameKey, '')");
    const text = filledCypher('queries/relation-pages', relationPageParameters({ ...request, orderBy: 'DATE' }));
    expect(text).toContain("WITH r, b, coalesce(r.dateFrom, b.dateFrom, '') AS k");
  });

  it('take their values from closed lists: every subset of the filters, every pair of bounds', () => {
    expect(relationPageSlotValues.relationFilters.size).toBe(16);
    expect(relationPageSlotValues.edgeBounds.size).toBe(4);
    expect(relationPageSlotValues.edgeSortKey.size).toBe(2);
    expect(() =>
      filledCypher('queries/relation-pages', { ...relationPageParameters(request), relationFilters: 'AND true) DETACH DELETE a //' }),
    ).toThrow(/cannot fill a slot/);
  });
});

import { describe, expect, it } from 'vitest';
import { type ChangeRecord, comparePositions, instantOf } from '../../src/db/repositories/changes.ts';
import { matchesFilter } from '../../src/services/change-feed.ts';

// The change feed's order and filters: positions compare by time (Neo4j prints a zero fraction
// by leaving it out, so the text cannot be compared as it is), then by id.

describe('change positions', () => {
  it('reads every way Neo4j prints a datetime, to the nanosecond', () => {
    expect(instantOf('2026-12-02T02:57:10Z')).toBe(1_796_180_230_000_000_000n);
    expect(instantOf('2026-12-02T02:57:10.795Z') - instantOf('2026-12-02T02:57:10Z')).toBe(795_000_000n);
    expect(instantOf('2026-12-02T02:57:10.000000001Z') - instantOf('2026-12-02T02:57:10Z')).toBe(1n);
    expect(instantOf('2026-12-02T03:57:10+01:00')).toBe(instantOf('2026-12-02T02:57:10Z'));
    expect(instantOf('2026-12-02T03:57:10.5+01:00[Europe/Paris]')).toBe(instantOf('2026-12-02T02:57:10.5Z'));
    expect(() => instantOf('yesterday')).toThrow(RangeError);
  });

  it('orders by time, then id, where the text would sort a whole second after its fractions', () => {
    const whole = { at: '2026-12-02T02:57:10Z', id: 'b' };
    const later = { at: '2026-12-02T02:57:10.795Z', id: 'a' };
    expect(comparePositions(whole, later)).toBe(-1);
    expect(comparePositions(later, whole)).toBe(1);
    expect(comparePositions({ at: later.at, id: '' }, later)).toBe(-1);
    expect(comparePositions(later, { ...later })).toBe(0);
  });
});

describe('change filters', () => {
  const change = (fields: Partial<ChangeRecord>): ChangeRecord => ({
    id: 'c',
    at: new Date(0),
    atText: '1970-01-01T00:00:00Z',
    by: 'test',
    operation: 'o',
    action: 'created',
    kind: 'entity',
    entityId: null,
    label: null,
    type: null,
    from: null,
    to: null,
    key: null,
    fields: [],
    ...fields,
  });
  const entity = change({ entityId: 'icann', label: 'Body' });
  const relation = change({ kind: 'relation', type: 'MEMBER_OF', from: 'ispcp', to: 'icann' });

  it('lets a type through by entity label or relation type, and an entity by either end', () => {
    expect(matchesFilter(entity, { types: new Set(['Body']), entity: null })).toBe(true);
    expect(matchesFilter(relation, { types: new Set(['Body']), entity: null })).toBe(false);
    expect(matchesFilter(relation, { types: new Set(['MEMBER_OF']), entity: null })).toBe(true);
    expect(matchesFilter(relation, { types: null, entity: 'icann' })).toBe(true);
    expect(matchesFilter(relation, { types: null, entity: 'ripe-ncc' })).toBe(false);
    expect(matchesFilter(entity, { types: null, entity: 'icann' })).toBe(true);
    expect(matchesFilter(change({ action: 'merged', entityId: 'x', label: 'Person' }), { types: null, entity: null })).toBe(true);
  });
});

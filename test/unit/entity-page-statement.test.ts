import { describe, expect, it } from 'vitest';
import { filledCypher } from '../../src/db/cypher-files.ts';
import {
  type Direction,
  type EntityFilterName,
  entityFilterNames,
  entityPageSlots,
  entityPageSlotValues,
  filtersSlot,
  type PageRead,
  pageBoundsSlot,
  pageNodesSlot,
  pageReads,
  rowSourceSlots,
} from '../../src/db/entity-page-slots.ts';
import { recordSlots } from '../../src/db/record-view.ts';
import { pageRead } from '../../src/db/repositories/lists.ts';
import { noFilter } from '../support/entity-filter.ts';

// queries/entity-page is one template with slots; each way of reading a page, in each direction,
// is one statement. Their text is pinned here, variant by variant, as @neo4j/graphql's TCK pins
// the Cypher it generates: a change to the template or its parts shows up as a diff to review.
// test/integration/entity-page-plans.test.ts checks that each one seeks its index in order.

describe('queries/entity-page', () => {
  const variants = pageReads.flatMap((read) => (['ASC', 'DESC'] as const).map((direction): [PageRead, Direction] => [read, direction]));

  it.each(variants)('%s %s', (read, direction) => {
    const slots = entityPageSlots(read, direction);
    const label = read === 'kind-date' ? 'Event' : 'Organization';
    // With one filter and a lower bound: the slots that hold only what a request gives.
    const text = filledCypher('queries/entity-page', {
      ...slots,
      ...rowSourceSlots(label, slots.index, new Set(['kind'])).slots,
      entityLabel: label,
      filters: filtersSlot(new Set(['kind'])),
      pageBounds: pageBoundsSlot(slots.sortKey, true, false),
      rowRecord: read === 'id' ? recordSlots.rowRecord.view(['id', 'label', 'name']) : recordSlots.rowRecord.whole,
      pageNodes: pageNodesSlot.kept,
    });
    expect(text).not.toContain('{{');
    expect(text).toMatchSnapshot();
  });

  it('takes the rows from the entity a filter names, the first of them, and leaves that filter out', () => {
    expect(rowSourceSlots('Memorandum', 'nameKey, id', new Set(['party', 'dateFrom']))).toEqual({
      slots: { rowsFrom: '(source:Entity {id: $party})-[:PARTY_TO]->', rowsSeek: 'USING INDEX SEEK source:Entity(id)\n  WITH DISTINCT n' },
      filters: new Set(['dateFrom']),
    });
    expect(rowSourceSlots('Statement', 'nameKey, id', new Set(['about', 'speaker'])).slots.rowsFrom).toBe(
      '(source:Entity {id: $speaker})<-[:SAID_BY]-',
    );
    expect(rowSourceSlots('Statement', 'nameKey, id', new Set(['about', 'speaker'])).filters).toEqual(new Set(['about']));
    // A country's organizations through the country index, its predicate kept for the seek.
    expect(rowSourceSlots('Organization', 'kind, nameKey, id', new Set(['kind', 'country']))).toEqual({
      slots: { rowsFrom: '', rowsSeek: 'USING INDEX SEEK n:Organization(country)' },
      filters: new Set(['kind', 'country']),
    });
    // A conference names its sections' statements too, at any depth: read through the index.
    expect(rowSourceSlots('Statement', 'nameKey, id', new Set(['saidAt']))).toEqual({
      slots: { rowsFrom: '', rowsSeek: 'USING INDEX SEEK n:Statement(nameKey, id)' },
      filters: new Set(['saidAt']),
    });
    const slots = entityPageSlots('kind-date', 'ASC');
    const source = rowSourceSlots('Event', slots.index, new Set(['participant', 'kind', 'dateFrom']));
    const text = filledCypher('queries/entity-page', {
      ...slots,
      ...source.slots,
      entityLabel: 'Event',
      filters: filtersSlot(source.filters),
      pageBounds: pageBoundsSlot(slots.sortKey, true, false),
      rowRecord: recordSlots.rowRecord.whole,
      pageNodes: pageNodesSlot.kept,
    });
    expect(text).not.toContain('USING INDEX SEEK n:');
    expect(text).toMatchSnapshot();
  });

  it('orders by the index it seeks, read forwards or backwards', () => {
    expect(entityPageSlots('kind-date', 'DESC')).toEqual({
      index: 'kind, dateFrom, id, dateTo',
      countSeek: "n.kind = $kind AND n.dateFrom >= '' AND n.dateFrom <= $dateSeekTo AND n.id IS NOT NULL AND n.dateTo IS NOT NULL",
      pageSeek: 'n.kind = $kind AND n.dateFrom >= $seekFrom AND n.dateFrom <= $seekTo AND n.id IS NOT NULL AND n.dateTo IS NOT NULL',
      sortKey: 'n.dateFrom',
      sortOrder: 'n.kind DESC, n.dateFrom DESC, n.id DESC',
    });
    expect(entityPageSlots('id', 'ASC')).toEqual({
      index: 'id',
      countSeek: "n.id >= ''",
      pageSeek: 'n.id >= $seekFrom AND n.id <= $seekTo',
      sortKey: 'n.id',
      sortOrder: 'n.id ASC',
    });
    expect(entityPageSlots('sorted', 'ASC').sortOrder).toBe("coalesce(n.dateFrom, '') ASC, n.id ASC");
  });

  it('holds a predicate for each filter and bound given, and none for the others', () => {
    expect(filtersSlot(new Set())).toBe('');
    expect(filtersSlot(new Set(['topic', 'kind']))).toBe(
      'AND n.kind = $kind AND EXISTS { (n)-[:COVERS|DISCUSSED|ABOUT]->(:Topic {id: $topic}) }',
    );
    expect(filtersSlot(new Set(['dateTo', 'dateFrom', 'nameContains']))).toBe(
      'AND n.searchText CONTAINS $nameContains AND n.dateTo >= $dateFrom AND n.dateFrom <= $dateTo',
    );
    expect(pageBoundsSlot('n.nameKey', false, false)).toBe('');
    expect(pageBoundsSlot('n.id', false, true)).toBe('AND CASE WHEN n.id = $upperKey THEN n.id < $upperId ELSE n.id < $upperKey END');
    expect(pageBoundsSlot('n.dateFrom', true, true)).toBe(
      'AND CASE WHEN n.dateFrom = $lowerKey THEN n.id > $lowerId ELSE n.dateFrom > $lowerKey END ' +
        'AND CASE WHEN n.dateFrom = $upperKey THEN n.id < $upperId ELSE n.dateFrom < $upperKey END',
    );
  });

  it('is read by the index that hands the rows over in the order asked for', () => {
    const range = { ...noFilter, dateFrom: '2015-01-01' };
    const cases: [Parameters<typeof pageRead>[0], PageRead][] = [
      [{ orderBy: 'NAME', filter: noFilter }, 'name'],
      [{ orderBy: 'NAME', filter: range }, 'name'],
      [{ orderBy: 'NAME', filter: { ...range, kind: 'conference' } }, 'kind-name'],
      [{ orderBy: 'ID', filter: range }, 'id'],
      [{ orderBy: 'ID', filter: { ...noFilter, kind: 'registry' } }, 'kind-id'],
      [{ orderBy: 'DATE', filter: range }, 'date'],
      [{ orderBy: 'DATE', filter: { ...noFilter, dateTo: '2020-12-31' } }, 'date'],
      [{ orderBy: 'DATE', filter: { ...range, kind: 'conference' } }, 'kind-date'],
      // Without a date bound undated entities belong in the list, and no index holds them in order.
      [{ orderBy: 'DATE', filter: noFilter }, 'sorted'],
      [{ orderBy: 'DATE', filter: { ...noFilter, kind: 'conference' } }, 'sorted'],
    ];
    for (const [request, read] of cases) expect(pageRead(request), JSON.stringify(request)).toBe(read);
  });

  it('refuses a slot value it did not build, and mixes no slot with a parameter', () => {
    const slots = {
      ...entityPageSlots('name', 'ASC'),
      ...rowSourceSlots('Person', 'nameKey, id', new Set()).slots,
      entityLabel: 'Person',
      filters: '',
      pageBounds: '',
      rowRecord: recordSlots.rowRecord.whole,
      pageNodes: pageNodesSlot.kept,
    };
    // Each case below differs from a statement that fills in one slot only.
    expect(filledCypher('queries/entity-page', slots)).not.toContain('{{');
    for (const bad of [
      { pageNodes: ', n' },
      { entityLabel: 'Person) DETACH DELETE (n' },
      { entityLabel: 'MergedEntity' },
      { filters: 'AND true OR n.id IS NOT NULL' },
      { pageBounds: 'AND n.nameKey > $lowerKey' },
      { sortOrder: 'n.nameKey ASC, n.id ASC LIMIT 1000000 //' },
      { sortKey: 'n.searchText' },
      { rowsSeek: 'USING INDEX SEEK n:Person(searchText)' },
      { rowsFrom: '(source:Entity {id: $party})-[:PARTY_TO|SIGNED]->' },
      { rowsSeek: 'USING INDEX SEEK source:Entity(id)\n  WITH n' },
      { pageSeek: 'true' },
      { countSeek: slots.pageSeek.replace('$seekFrom', "'a'") },
      { sortKey: undefined },
    ]) {
      expect(() => filledCypher('queries/entity-page', { ...slots, ...bad })).toThrow(/cannot fill a slot/);
    }
  });

  it('takes the filters of every set of filters, and no other text, in the filters slot', () => {
    const fill = (filters: string) => () =>
      filledCypher('queries/entity-page', {
        ...entityPageSlots('name', 'ASC'),
        ...rowSourceSlots('Statement', 'nameKey, id', new Set()).slots,
        entityLabel: 'Statement',
        filters,
        pageBounds: '',
        rowRecord: recordSlots.rowRecord.whole,
        pageNodes: pageNodesSlot.kept,
      });
    // Every one of the 2^16 sets: the slot reads the set back from the text rather than holding every text.
    const sets = entityFilterNames.reduce<EntityFilterName[][]>((all, name) => all.flatMap((set) => [set, [...set, name]]), [[]]);
    expect(sets).toHaveLength(2 ** entityFilterNames.length);
    for (const set of sets) {
      if (!entityPageSlotValues.filters.has(filtersSlot(new Set(set)))) throw new Error(`refused the filters ${set.join(', ')}`);
    }
    expect(fill(filtersSlot(new Set(['speaker', 'saidAt', 'evidence'])))).not.toThrow();
    const kind = filtersSlot(new Set(['kind']));
    const topic = filtersSlot(new Set(['topic']));
    for (const bad of [
      // Out of order, twice, with a space too many or too few, cut short, or with more after it.
      `${topic} ${kind}`,
      `${kind} ${kind}`,
      `${kind}  ${topic}`,
      `${kind}${topic}`,
      ` ${kind}`,
      `${kind} `,
      kind.slice(0, -1),
      `${kind} OR true`,
      `${kind} AND n.id IS NOT NULL`,
      'AND',
    ]) {
      expect(entityPageSlotValues.filters.has(bad), bad).toBe(false);
      expect(fill(bad)).toThrow(/cannot fill a slot/);
    }
  });
});

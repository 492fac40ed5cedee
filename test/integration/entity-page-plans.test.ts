import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filledCypher, parametersToSend } from '../../src/db/cypher-files.ts';
import type { Database } from '../../src/db/database.ts';
import {
  type Direction,
  entityFilterNames,
  entityPageSlots,
  filtersSlot,
  type PageRead,
  pageBoundsSlot,
  pageNodesSlot,
  rowSourceSlots,
} from '../../src/db/entity-page-slots.ts';
import { recordSlots } from '../../src/db/record-view.ts';
import type { EntityLabel } from '../../src/domain/graph.ts';
import { openTestDatabase } from '../support/database.ts';
import { noFilter } from '../support/entity-filter.ts';
import { loadRealSeed } from '../support/graphql.ts';

// What queries/entity-page is for: a list page seeks an index of its label (cypher/schema/
// 014-label-page-indexes.cypher) and reads it in order, forwards or backwards, stopping after
// $limit rows, instead of reading and sorting every entity of the label. Each variant the
// template can be filled into is planned here (test/unit/entity-page-statement.test.ts pins
// their text), and its operators checked: the expected index seeks, no scan, and no sort but
// for the one read that has to sort ('sorted': by date with undated entities).

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  rows?: number;
  children: PlanNode[];
}

interface Operator {
  name: string;
  details: string;
  rows: number | undefined;
}

function operatorsOf(plan: PlanNode, into: Operator[] = []): Operator[] {
  into.push({ name: plan.operatorType.replace(/@.*/, ''), details: String(plan.arguments.Details ?? ''), rows: plan.rows });
  for (const child of plan.children) operatorsOf(child, into);
  return into;
}

// The parameters loadEntityPage sends for a first page of 3, without a filter.
const parameters = {
  label: 'Organization',
  ...noFilter,
  withTotal: true,
  limit: neo4j.int(3),
  lowerKey: null,
  lowerId: null,
  upperKey: null,
  upperId: null,
  seekFrom: '',
  seekTo: '\uffff',
  dateSeekTo: '\uffff',
};
const dated = { label: 'Event', dateFrom: '2000-01-01', dateTo: '2030-12-31', dateSeekTo: '2030-12-31' };

// The index each read seeks for its page (from the cursor, $seekFrom .. $seekTo) and, for reads
// by date, for its count too (the dates up to $dateSeekTo). The date filter's own bound
// (dateFrom <= $dateTo) is a predicate the planner may fold into the seek.
const expected: Record<PageRead, { parameters: Record<string, unknown>; page: RegExp; count?: RegExp }> = {
  name: {
    parameters: {},
    page: /^RANGE INDEX n:Organization\(nameKey, id\) WHERE nameKey >= \$seekFrom AND nameKey <= \$seekTo AND id IS NOT NULL/,
  },
  // The label's uniqueness constraint.
  id: { parameters: {}, page: /^UNIQUE n:Organization\(id\) WHERE id >= \$seekFrom AND id <= \$seekTo/ },
  'kind-name': {
    parameters: { kind: 'registry' },
    page: /^RANGE INDEX n:Organization\(kind, nameKey, id\) WHERE kind = \$kind AND nameKey >= \$seekFrom AND nameKey <= \$seekTo AND id IS NOT NULL/,
    count: /^RANGE INDEX n:Organization\(kind, nameKey, id\) WHERE kind = \$kind AND nameKey >= \$\w+ AND id IS NOT NULL/,
  },
  'kind-id': {
    parameters: { kind: 'registry' },
    page: /^RANGE INDEX n:Organization\(kind, id\) WHERE kind = \$kind AND id >= \$seekFrom AND id <= \$seekTo/,
    count: /^RANGE INDEX n:Organization\(kind, id\) WHERE kind = \$kind AND id >= \$(?!seekFrom)\w+/,
  },
  date: {
    parameters: dated,
    page: /^RANGE INDEX n:Event\(dateFrom, id\) WHERE dateFrom >= \$seekFrom AND dateFrom <= \$seekTo(?: AND dateFrom <= \$dateTo)? AND id IS NOT NULL/,
    count:
      /^RANGE INDEX n:Event\(dateFrom, id\) WHERE dateFrom >= \$\w+ AND dateFrom <= \$dateSeekTo(?: AND dateFrom <= \$dateTo)? AND id IS NOT NULL/,
  },
  'kind-date': {
    parameters: { ...dated, kind: 'conference' },
    page: /^RANGE INDEX n:Event\(kind, dateFrom, id, dateTo\) WHERE kind = \$kind AND dateFrom >= \$seekFrom AND dateFrom <= \$seekTo(?: AND dateFrom <= \$dateTo)? AND id IS NOT NULL AND dateTo IS NOT NULL/,
    count:
      /^RANGE INDEX n:Event\(kind, dateFrom, id, dateTo\) WHERE kind = \$kind AND dateFrom >= \$\w+ AND dateFrom <= \$dateSeekTo(?: AND dateFrom <= \$dateTo)? AND id IS NOT NULL AND dateTo IS NOT NULL/,
  },
  // Every entity of the label (every entity has a name key).
  sorted: {
    parameters: { label: 'Memorandum' },
    page: /^RANGE INDEX n:Memorandum\(nameKey, id\) WHERE nameKey >= \$\w+ AND id IS NOT NULL/,
  },
};

describe('queries/entity-page over the real seed data', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
    await loadRealSeed(db);
  });

  afterAll(async () => {
    await db?.close();
  });

  /** A first page (no keyset bound), or with `afterCursor` a page after one, as `after:` reads it. */
  async function profile(read: PageRead, direction: Direction, extra: Record<string, unknown>, afterCursor = false): Promise<Operator[]> {
    const cursor = afterCursor ? { lowerKey: '', lowerId: '', seekFrom: '' } : {};
    const given = { ...parameters, ...extra, ...cursor };
    const slots = entityPageSlots(read, direction);
    const source = rowSourceSlots(
      given.label as EntityLabel,
      slots.index,
      new Set(entityFilterNames.filter((name) => given[name as keyof typeof given] != null)),
    );
    const filters = filtersSlot(source.filters);
    const pageBounds = pageBoundsSlot(slots.sortKey, afterCursor, false);
    // Whole records on a first page, a record view's values after a cursor: the plan must not care.
    const rows = afterCursor
      ? { rowRecord: recordSlots.rowRecord.view(['id', 'label', 'name', 'nameKey']) }
      : { rowRecord: recordSlots.rowRecord.whole };
    const filled = {
      ...slots,
      ...source.slots,
      ...given,
      entityLabel: given.label,
      filters,
      pageBounds,
      ...rows,
      pageNodes: pageNodesSlot.kept,
    };
    const { summary } = await db.driver.executeQuery(
      `PROFILE ${filledCypher('queries/entity-page', filled)}`,
      parametersToSend('queries/entity-page', filled),
      { database: db.name },
    );
    if (!summary.profile) throw new Error('no profile');
    return operatorsOf(summary.profile as unknown as PlanNode);
  }

  const variants = (Object.keys(expected) as PageRead[]).flatMap((read) =>
    (['ASC', 'DESC'] as const).map((direction): [PageRead, Direction] => [read, direction]),
  );

  it.each(variants.flatMap(([read, direction]) => [false, true].map((after): [PageRead, Direction, boolean] => [read, direction, after])))(
    '%s %s (after a cursor: %s) seeks an index of its label, scans nothing, and sorts only when it must',
    async (read, direction, afterCursor) => {
      const operators = await profile(read, direction, expected[read].parameters, afterCursor);
      const plan = operators.map((operator) => `${operator.name} ${operator.details}`).join('\n');
      const seeks = operators
        .filter((operator) => /^Node(Unique)?IndexSeek/.test(operator.name) && /^(RANGE INDEX|UNIQUE) n:/.test(operator.details))
        .map((operator) => operator.details);
      const { page, count } = expected[read];
      // Only what finds the entities themselves (n) counts. The topic filter's lookup of its topic
      // is left out: on statistics fresh from a reload the planner has been seen scanning the
      // Topic(id) index there, which concerns the filter, not how a page is read.
      const scans = operators.filter(
        (operator) =>
          /^(AllNodesScan|NodeByLabelScan|NodeIndexScan)/.test(operator.name) && /^(RANGE INDEX )?n(:|$)/.test(operator.details),
      );
      const sorts = operators.filter((operator) => /^(Sort|Top|PartialSort|PartialTop)$/.test(operator.name)).map((sort) => sort.details);
      // One seek for the page and one for the count (by date, of the same index; 'sorted' seeks
      // the same entries twice).
      const pageSeeks = seeks.filter((seek) => page.test(seek));
      const countSeeks = seeks.filter((seek) => count?.test(seek));
      expect(seeks, plan).toHaveLength(2);
      expect(pageSeeks, plan).toHaveLength(read === 'sorted' ? 2 : 1);
      expect(countSeeks, plan).toHaveLength(count ? 1 : 0);
      expect(scans, plan).toEqual([]);
      expect(sorts, plan).toEqual(read === 'sorted' ? [expect.stringContaining('coalesce(n.dateFrom')] : []);
    },
  );

  it.each(['name', 'id', 'kind-name', 'kind-id'] as const)(
    'by %s reads only the page from the index, not every entity of the label',
    async (read) => {
      const operators = await profile(read, 'ASC', expected[read].parameters);
      const page = operators.find(
        (operator) => /^Node(Unique)?IndexSeek/.test(operator.name) && expected[read].page.test(operator.details),
      );
      // $limit is 3: the seek hands over three entries and is not asked for more.
      expect(page?.rows, operators.map((operator) => `${operator.name} ${operator.details} (${operator.rows} rows)`).join('\n')).toBe(3);
    },
  );

  it.each([
    ['saidAt', 'Statement', 'event-rans-2021-global-cooperation-in-it-section'],
    ['evidence', 'Statement', ['INFERRED']],
  ] as const)('a %s filter keeps the page on its index: it tests each row by its own relationships', async (filter, label, slug) => {
    const operators = await profile('name', 'ASC', { label, [filter]: slug });
    const plan = operators.map((operator) => `${operator.name} ${operator.details}`).join('\n');
    const page = new RegExp(`^RANGE INDEX n:${label}\\(nameKey, id\\)`);
    expect(
      operators.filter((operator) => /^NodeIndexSeek/.test(operator.name) && page.test(operator.details)).length,
      plan,
    ).toBeGreaterThan(0);
    const scans = operators.filter(
      (operator) => /^(AllNodesScan|NodeByLabelScan|NodeIndexScan)/.test(operator.name) && /^(RANGE INDEX )?n(:|$)/.test(operator.details),
    );
    expect(scans, plan).toEqual([]);
    expect(
      operators.filter((operator) => /^(Sort|Top|PartialSort|PartialTop)$/.test(operator.name)),
      plan,
    ).toEqual([]);
  });

  // An entity with few relationships of the type made an index read scan the whole label to find
  // them; read from the entity, a page costs what the entity has (entity-page-slots.ts, rowSources).
  it.each([
    ['party', 'Memorandum', 'coordination-center-ru', 'Entity'],
    ['signatory', 'Memorandum', 'andrey-vorobyev', 'Person'],
    ['participant', 'Event', 'andrey-vorobyev', 'Entity'],
    ['speaker', 'Statement', 'natalia-babekina', 'Entity'],
    ['about', 'Statement', 'icann', 'Entity'],
    ['topic', 'Memorandum', 'topic-phishing', 'Topic'],
  ] as const)(
    'a %s filter reads the page from the entity it names, by its unique slug, no index of the page',
    async (filter, label, slug, start) => {
      for (const read of ['name', 'id', 'sorted'] as const) {
        const operators = await profile(read, 'ASC', { label, [filter]: slug });
        const plan = operators.map((operator) => `${operator.name} ${operator.details}`).join('\n');
        const starts = operators.filter(
          (operator) => /^NodeUniqueIndexSeek/.test(operator.name) && operator.details.includes(`:${start}(id)`),
        );
        // The page and the count each start from the entity.
        expect(starts.length, plan).toBe(2);
        const reads = operators.filter(
          (operator) =>
            /^(AllNodesScan|NodeByLabelScan|NodeIndexScan|NodeIndexSeek)/.test(operator.name) &&
            /^(RANGE INDEX )?n(:|$)/.test(operator.details),
        );
        expect(reads, plan).toEqual([]);
      }
    },
  );

  it.each([
    ['Organization', 'RU'],
    ['Tld', 'BY'],
  ] as const)('a country filter reads the page of %s through the country index, and sorts it', async (label, country) => {
    for (const read of ['name', 'kind-name', 'id'] as const) {
      const operators = await profile(read, 'ASC', { label, country, ...(read === 'kind-name' ? { kind: 'registry' } : {}) });
      const plan = operators.map((operator) => `${operator.name} ${operator.details}`).join('\n');
      const seeks = operators.filter((operator) => /^NodeIndexSeek/.test(operator.name) && /^RANGE INDEX n:/.test(operator.details));
      expect(
        seeks.map((seek) => seek.details.replace(/ WHERE.*/, '')),
        plan,
      ).toEqual([`RANGE INDEX n:${label}(country)`, `RANGE INDEX n:${label}(country)`]);
    }
  });
});

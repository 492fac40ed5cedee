import { describe, expect, it } from 'vitest';
import { type PlannedLevel, plannedEdgesIn, plannedEntityPage, plannedTreeRow } from '../../src/db/planned-read.ts';
import { recordView } from '../../src/db/record-view.ts';
import type { EntityPageRequest } from '../../src/db/repositories/lists.ts';
import type { RelationPageRequest } from '../../src/db/repositories/relations.ts';
import { RowShapeError } from '../../src/db/rows.ts';
import { noFilter } from '../support/entity-filter.ts';

// A planned nested read is composed from the blocks in cypher/planned/ for each selection (see
// src/db/planned-read.ts). Its text is pinned here for representative plans, as @neo4j/graphql's
// TCK pins the Cypher it generates: a change to a block or to the builder shows up as a diff.

const page: EntityPageRequest = {
  label: 'Organization',
  filter: { ...noFilter, kind: 'registry' },
  orderBy: 'ID',
  ascending: true,
  limit: 11,
  after: null,
  before: null,
  backwards: false,
  view: null,
};

function relation(
  type: string,
  direction: RelationPageRequest['direction'],
  limit: number,
  extra: Partial<RelationPageRequest> = {},
): RelationPageRequest {
  return {
    type,
    direction,
    labels: null,
    roles: null,
    evidence: null,
    asOf: null,
    limit,
    // One more than the page, as with pageInfo selected.
    size: limit - 1,
    orderBy: 'NAME',
    descending: false,
    after: null,
    before: null,
    backwards: false,
    withTotal: false,
    partLabels: null,
    ...extra,
  };
}

/** The benchmark's Q3: organizations → memoranda → signatories → positions, each level through the view its selection reads. */
const q3: PlannedLevel[] = [
  {
    request: relation('PARTY_TO', 'out', 11),
    view: recordView(['id', 'name', 'completeness'], []),
    children: [
      {
        request: relation('SIGNED', 'in', 6),
        view: recordView(['id', 'name', 'completeness'], ['onBehalfOf'], ['id']),
        children: [
          {
            request: relation('HOLDS_POSITION', 'out', 6, { labels: ['Organization'] }),
            view: recordView(['id', 'name'], ['title']),
            children: [],
          },
        ],
      },
    ],
  },
];

describe('planned reads', () => {
  it('writes Q3 as one statement: the page, then each level after the one above, which gives its parents', () => {
    const statement = plannedEntityPage(page, false, q3);
    expect(statement.name).toBe('planned/entity-page-tree');
    expect(statement.text).not.toContain('{{');
    expect(statement.text).toMatchSnapshot();
    // Each level's values under its own names; the page's keep theirs. Slots are in the text, not
    // sent, and so are only the filters a level has: level 3 keeps positions at organizations and bodies.
    expect(Object.keys(statement.parameters).filter((name) => name.startsWith('p3_'))).toEqual(['p3_labels', 'p3_limit', 'p3_size']);
    // Each level reads only its view's properties, their names written into the text.
    expect(statement.text).toContain(', [r.key, r.title], [b.id, b.label, b.name, b.nameKey], null])');
    expect(statement.text).toContain('[startNode(r) = a, [r.key, r.onBehalfOf], ');
    // The signatory's organization through its own view; nothing of it where nothing asks for it.
    expect(statement.text).toContain('RETURN [o.id, o.label] })');
    expect(Object.keys(statement.parameters).some((name) => name.endsWith('Properties'))).toBe(false);
    expect(statement.text.match(/, null\]\) AS edges/g)).toHaveLength(2);
    expect(statement.text).not.toContain('b {.*');
    expect(statement.text).toContain('WHERE true AND b.label IN $p3_labels\n');
    expect(statement.parameters.p3_labels).toEqual(['Organization']);
    expect(statement.parameters).toHaveProperty('kind', 'registry');
    // No level asks for totalCount: none counts, and the relationships' other ends carry no label test.
    expect(statement.text).not.toContain('count(r)');
    expect(statement.text.match(/WITH a, id, 0 AS total/g)).toHaveLength(3);
    expect(statement.text).not.toContain('(b:Entity)');
    for (const slot of ['type', 'left', 'right', 'order']) expect(statement.parameters).not.toHaveProperty(`p1_${slot}`);
  });

  it('writes siblings one after the other, each with its own answer, read backwards where asked', () => {
    const statement = plannedEntityPage(page, true, [
      {
        request: relation('PARTY_TO', 'out', 3, { withTotal: true, after: { key: 'k', id: 'r1' } }),
        view: null,
        children: [],
      },
      {
        request: relation('HOLDS_POSITION', 'in', 2, { backwards: true, evidence: ['STATED'] }),
        view: null,
        children: [{ request: relation('MEMBER_OF', 'both', 6), view: null, children: [] }],
      },
    ]);
    expect(statement.text).toMatchSnapshot();
    expect(statement.text).toContain('RETURN total, rows, [level1, level2, level3] AS levels');
    // level3 is below level2: its parents are the other ends level2 matched, cut at level2's
    // $limit, handed down as nodes (not looked up again by slug) and never returned.
    expect(statement.text).toContain('collect(b)[0..$p2_size] AS ends');
    expect(statement.text).toContain('CALL (level2Ends) {\nUNWIND level2Ends AS ends\nUNWIND ends AS a\nWITH DISTINCT a');
    // The root page's two levels start from its nodes, cut at its $limit: no entity is looked up by slug.
    expect(statement.text).not.toContain('MATCH (a:Entity');
    expect(statement.text).toContain('RETURN total, rows, pageNodes\n');
    expect(statement.text.match(/CALL \(pageNodes\) \{\nUNWIND pageNodes\[0\.\.\$limit - 1\] AS a\n/g)).toHaveLength(2);
    expect(statement.parameters).toMatchObject({ withTotal: true, p1_lowerKey: 'k', p2_evidence: ['STATED'] });
    // Only the level that asks for totalCount counts.
    expect(statement.text.match(/RETURN count\(r\) AS total/g)).toHaveLength(1);
    expect(statement.text).toContain('CALL (a) {\nMATCH (a)-[r:PARTY_TO]->(b)\nWHERE true \nRETURN count(r) AS total\n}');
  });

  it('reads each level as of its own date, through the shared as-of condition', () => {
    const asOf = { first: '2021-01-01', last: '2021-12-31', includeUndated: true };
    const statement = plannedEntityPage(page, false, [{ request: relation('MEMBER_OF', 'out', 3, { asOf }), view: null, children: [] }]);
    expect(statement.text).toContain('$p1_asOfFrom IS NULL');
    expect(statement.parameters).toMatchObject({ p1_asOfFrom: '2021-01-01', p1_asOfTo: '2021-12-31', p1_includeUndated: true });
  });

  it('refuses what its blocks cannot say: parts rolled up, a type outside the closed list', () => {
    expect(() =>
      plannedEntityPage(page, false, [
        { request: relation('PARTY_TO', 'out', 3, { partLabels: ['Organization', 'Body'] }), view: null, children: [] },
      ]),
    ).toThrow(/includeParts/);
    expect(() => plannedEntityPage(page, false, [{ request: relation('KNOWS`]-()', 'out', 3), view: null, children: [] }])).toThrow(
      /slot "type"/,
    );
  });
});

describe('a planned level’s edges', () => {
  const signatories = q3[0]?.children[0];
  if (!signatories?.view) throw new Error('the Q3 plan has a signatories level with a view');
  const { view } = signatories;

  it('decodes each edge through the level’s view, its signatory’s organization too', () => {
    const values = (names: readonly string[], given: Record<string, unknown>) => names.map((name) => given[name] ?? null);
    const [edge, ...rest] = plannedEdgesIn(signatories, 1, 0, [
      [
        false,
        values(view.relation, { key: 'signed-1', onBehalfOf: 'ministry' }),
        values(view.entity, { id: 'ivanov', label: 'Person', name: 'I. Ivanov', nameKey: 'i ivanov' }),
        values(typeof view.onBehalfOf === 'string' ? [] : view.onBehalfOf, { id: 'ministry', label: 'Organization' }),
      ],
    ]);
    expect(rest).toEqual([]);
    expect(edge?.forward).toBe(false);
    expect(edge?.props).toEqual({ key: 'signed-1', onBehalfOf: 'ministry' });
    expect(edge?.other).toMatchObject({ id: 'ivanov', label: 'Person', name: 'I. Ivanov', aliases: [] });
    expect(edge?.onBehalfOf).toMatchObject({ id: 'ministry', label: 'Organization', kind: null });
  });

  it('reads a missing organization as none, and whole records as maps', () => {
    const whole: PlannedLevel = { ...signatories, view: null };
    const [edge] = plannedEdgesIn(whole, 1, 0, [[true, { key: 'signed-2' }, { id: 'petrov', label: 'Person' }, null]]);
    expect(edge).toMatchObject({ forward: true, props: { key: 'signed-2' }, other: { id: 'petrov' }, onBehalfOf: null });
  });

  it('names the level, the parent, the edge and the part that does not fit', () => {
    const person = (id: string, label = 'Person') => view.entity.map((name) => (name === 'id' ? id : name === 'label' ? label : null));
    const relation = view.relation.map(() => null);
    const organization = (label: string) => ['ministry', label];
    const read = (edges: unknown[]) => () => plannedEdgesIn(signatories, 1, 3, edges);
    expect(read([[true, relation, person('a'), null], 'edge'])).toThrow(
      new RowShapeError('planned/entity-page-tree, level 2, parent 3, edge 1: expected [forward, relationship, other end, onBehalfOf]'),
    );
    expect(read([[true, relation, { id: 'a', label: 'Person' }, null]])).toThrow(
      /level 2, parent 3, edge 0: other end: expected the values of a view of 5 properties/,
    );
    expect(read([[true, relation, person('a'), organization('Conflict')]])).toThrow(
      /edge 0: onBehalfOf: expected an entity of the graph, got the Conflict ministry/,
    );
    expect(read([[true, relation, person('a', 'Nothing'), null]])).toThrow(/edge 0: other end: not an entity: id a, label Nothing/);
    expect(read([[true, relation.slice(1), person('a'), null]])).toThrow(
      /edge 0: relationship: expected the values of a view of 2 properties/,
    );
  });
});

describe('a planned statement’s row', () => {
  const page = { total: 0, rows: [{ props: ['org-1'], sortKey: 'org-1' }] };

  it('takes each level’s answers as [id, total, edges] and keeps them as sent', () => {
    const levels = [[['org-1', 2, [[true, [], ['memo-1'], null]]]], []];
    const parsed = plannedTreeRow.parse({ ...page, levels });
    expect(parsed.levels).toEqual(levels);
  });

  it('refuses a level answer of another shape', () => {
    for (const levels of [[[['org-1', '2', []]]], [[['org-1', 2]]], [['org-1', 2, []]], [[['org-1', 2, 'edges']]], null]) {
      const parsed = plannedTreeRow.safeParse({ ...page, levels });
      expect(parsed.success, JSON.stringify(levels)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe('expected a list of [id, total, edges] per level');
    }
  });
});

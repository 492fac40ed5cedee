import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cypher, filledCypher, parametersToSend } from '../../src/db/cypher-files.ts';
import { recordSlots } from '../../src/db/record-view.ts';

describe('statement slots', () => {
  const base = {
    type: 'MANAGES',
    left: '-',
    right: '->',
    order: 'ASC',
    edgeSortKey: "coalesce(b.nameKey, '')",
    relationFilters: '',
    edgeBounds: '',
  };

  it('writes a relationship type, a direction and an order from their closed lists into the text', () => {
    const text = filledCypher('queries/relation-pages', base);
    expect(text).toContain('-[r:MANAGES]->');
    expect(text).not.toContain('{{');
    expect(filledCypher('queries/relation-pages', { ...base, left: '<-', right: '-', order: 'DESC' })).toContain('<-[r:MANAGES]-');
  });

  it('refuses any other value, so no request can change what a statement does', () => {
    for (const bad of [
      { type: 'MANAGES]->(x) DETACH DELETE x //' },
      { type: 'KNOWS' },
      { left: '<-[' },
      { order: 'ASC, r.key' },
      { type: 7 },
    ]) {
      expect(() => filledCypher('queries/relation-pages', { ...base, ...bad })).toThrow(/cannot fill a slot/);
    }
  });

  it("writes a record view's property names into the text, only names records store, and takes no other list", () => {
    const view = recordSlots.rowRecord.view(['id', 'label', 'name']);
    expect(view).toBe('[n.id, n.label, n.name]');
    expect(filledCypher('queries/entities-by-id', { rowRecord: view })).toContain('[n.id, n.label, n.name]');
    expect(() => recordSlots.rowRecord.view(['id', 'password'])).toThrow(/"password", which no entity or relationship stores/);
    expect(() => recordSlots.entityRecord.view(['name] DETACH DELETE b //'])).toThrow(/which no entity or relationship stores/);
    for (const bad of [
      '[n.id, n.password]',
      '[n.id, m.name]',
      '[n.id,n.name]',
      '[n.id] + [1]',
      'n {.*}',
      '[n.id, n.name] } MATCH (x) DETACH DELETE x WITH [n.id]',
    ]) {
      expect(() => filledCypher('queries/entities-by-id', { rowRecord: bad }), bad).toThrow(/cannot fill a slot/);
    }
    // The signatory's organization: its view's list inside the fixed lookup.
    const onBehalfOf = recordSlots.onBehalfOfRecord.view(['id', 'label']);
    expect(onBehalfOf).toBe('head(COLLECT { MATCH (o:Entity {id: r.onBehalfOf}) RETURN [o.id, o.label] })');
  });

  it('sends statements without their comment lines', () => {
    expect(cypher('queries/relation-pages')).not.toMatch(/^\s*\/\//m);
  });

  it("does not send a slot's value again as a parameter", () => {
    expect(parametersToSend('queries/relation-pages', { ...base, ids: ['a'], limit: 3 })).toEqual({ ids: ['a'], limit: 3 });
    const plain = { keys: ['a'] };
    expect(parametersToSend('queries/relations-by-key', plain)).toBe(plain);
    expect(parametersToSend('queries/entities-by-id', { ids: ['a'], rowRecord: recordSlots.rowRecord.whole })).toEqual({ ids: ['a'] });
  });

  it('sends only the parameters the filled text names', () => {
    // No filter slot names $labels here: the absent filter's null stays home.
    expect(parametersToSend('queries/relation-pages', { ...base, ids: ['a'], limit: 3, labels: null })).toEqual({ ids: ['a'], limit: 3 });
    const view = recordSlots.rowRecord.view(['id', 'name']);
    expect(parametersToSend('queries/entities-by-id', { ids: ['a'], rowRecord: view, unused: ['id'] })).toEqual({ ids: ['a'] });
  });
});

describe('fragments', () => {
  // A folder of statements of its own, so each case starts from files it wrote (named outside
  // cypher/'s folders, which test/unit/statement-references.test.ts checks).
  function statements(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'govgraph-cypher-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, `${name}.cypher`), text);
    }
    return dir;
  }

  it('writes a fragment into the statement that includes it, with its variable, without its comments', () => {
    const dir = statements({
      'shared/props': '// the properties\n{{var}} {.*, at: {{var}}.at}\n',
      'shared/filters': '// the filters\nAND n.a = $a\n  AND n.b = $b\n',
      'reads/x':
        'MATCH (n) WHERE n.id = $id\n  {{include:shared/filters}}\nRETURN {{include:shared/props(n)}} AS props, [m IN $ms | {{include:shared/props(m)}}] AS ms\n',
    });
    expect(cypher('reads/x', dir)).toBe(
      'MATCH (n) WHERE n.id = $id\n  AND n.a = $a\n  AND n.b = $b\nRETURN n {.*, at: n.at} AS props, [m IN $ms | m {.*, at: m.at}] AS ms\n',
    );
  });

  it('refuses a fragment without the variable it needs, with one it does not take, or that includes another', () => {
    const dir = statements({
      'shared/props': '{{var}} {.*}',
      'shared/filters': 'AND n.a = $a',
      'shared/nested': '{{include:shared/filters}}',
      'reads/no-variable': 'RETURN {{include:shared/props}}',
      'reads/extra-variable': 'MATCH (n) WHERE true {{include:shared/filters(n)}} RETURN n',
      'reads/nested': 'MATCH (n) WHERE true {{include:shared/nested}} RETURN n',
    });
    expect(() => cypher('reads/no-variable', dir)).toThrow(/needs a variable/);
    expect(() => cypher('reads/extra-variable', dir)).toThrow(/takes no variable/);
    expect(() => cypher('reads/nested', dir)).toThrow(/includes another/);
  });

  it('writes the audit times of every read as epoch milliseconds, and leaves out the search forms, from one fragment', () => {
    const text = filledCypher('queries/entities-by-id', { rowRecord: recordSlots.rowRecord.whole }).replace(/\s+/g, ' ');
    expect(text).toContain(
      'n {.*, searchText: null, searchVariants: null, searchDetails: null, ' +
        'createdAt: toFloat(n.createdAt.epochMillis), updatedAt: toFloat(n.updatedAt.epochMillis)} AS props',
    );
    expect(text).not.toContain('{{');
    const relations = cypher('queries/relations-by-key').replace(/\s+/g, ' ');
    expect(relations).toContain(
      'r {.*, createdAt: toFloat(r.createdAt.epochMillis), updatedAt: toFloat(r.updatedAt.epochMillis)} AS props',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { cypher, filledCypher } from '../../src/db/cypher-files.ts';

describe('statement slots', () => {
  const base = { type: 'MANAGES', left: '-', right: '->', order: 'ASC' };

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

  it('sends statements without their comment lines', () => {
    expect(cypher('queries/relation-pages')).not.toMatch(/^\s*\/\//m);
  });
});

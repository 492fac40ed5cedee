import { describe, expect, it } from 'vitest';
import { slugFromName } from '../../src/services/ingest/review.ts';
import { withCitation } from '../../src/services/ingest/source-citation.ts';

describe('the slug of an accepted entity proposal', () => {
  it('transliterates Cyrillic by the passport scheme and folds accents, as one hyphenated lower-case slug', () => {
    expect(slugFromName('Андрей Колесников')).toBe('andrei-kolesnikov');
    expect(slugFromName('Andrei Kolesnikov')).toBe('andrei-kolesnikov');
    expect(slugFromName('Réseaux IP Européens')).toBe('reseaux-ip-europeens');
  });

  it('falls back to "entity" for a name without letters or digits, and keeps at most 80 characters', () => {
    expect(slugFromName('!!!')).toBe('entity');
    expect(slugFromName('x'.repeat(100))).toHaveLength(80);
  });
});

describe('a claim the graph has already, accepted from one more source', () => {
  const stored = {
    sources: ['src-a', 'src-ingest-1'],
    evidence: 'STATED',
    note: 'A note of the curator.',
    startDate: '2019',
    citations: [{ source: 'src-ingest-1', evidence: 'INFERRED', basis: 'An older reading.' }],
    provenance: [],
  };
  const input = { from: 'a', to: 'b', title: 'Chair', sources: [{ slug: 'src-ingest-1' }], evidence: 'STATED', date: '2021' };

  it('keeps its sources, evidence, note and dates, and cites the new source once, with its own evidence only when it differs', () => {
    expect(withCitation(stored, input, 'src-ingest-1', { slug: 'src-ingest-1' })).toEqual({
      from: 'a',
      to: 'b',
      title: 'Chair',
      sources: [{ slug: 'src-a' }, { slug: 'src-ingest-1' }],
      evidence: 'STATED',
      note: 'A note of the curator.',
      startDate: '2019',
    });
    expect(
      withCitation(stored, { ...input, evidence: 'INFERRED', basis: 'Read from two sentences.' }, 'src-ingest-1', { slug: 'src-ingest-1' }),
    ).toMatchObject({ citations: [{ source: 'src-ingest-1', evidence: 'INFERRED', basis: 'Read from two sentences.' }] });
  });

  it('takes the date of the accepted claim when the stored one has none', () => {
    const undated = { ...stored, startDate: undefined, citations: [] };
    expect(withCitation(undated, input, 'src-new', { slug: 'src-new' })).toMatchObject({
      date: '2021',
      sources: [{ slug: 'src-a' }, { slug: 'src-ingest-1' }, { slug: 'src-new' }],
    });
  });
});

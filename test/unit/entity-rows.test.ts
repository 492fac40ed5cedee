import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeEntity, entity, graphEntity, parseRows, RowShapeError } from '../../src/db/rows.ts';
import { citationsOf, externalFactsOf, fieldProvenanceOf } from '../../src/domain/evidence.ts';

const row = z.object({ props: entity });

describe('decodeEntity', () => {
  it('reads an organization with every field missing as nulls and empty lists', () => {
    const decoded = decodeEntity({ id: 'msk-ix', label: 'Organization' });
    expect(decoded).toEqual({
      label: 'Organization',
      id: 'msk-ix',
      name: null,
      nameKey: null,
      dateFrom: null,
      dateTo: null,
      formerSlugs: [],
      mergedFrom: [],
      createdAt: null,
      createdBy: null,
      updatedAt: null,
      updatedBy: null,
      stored: { id: 'msk-ix', label: 'Organization' },
      aliases: [],
      description: null,
      sources: [],
      citationEvidence: [],
      evidence: null,
      basis: null,
      citations: [],
      provenance: [],
      claims: [],
      completeness: [],
      kind: null,
      country: null,
    });
  });

  it('reads a value of the wrong type as none, and keeps only the strings of a list', () => {
    const decoded = decodeEntity({
      id: 'tld-rf',
      label: 'Tld',
      name: 42,
      ascii: '.xn--p1ai',
      idn: 'yes',
      type: 'not-a-type',
      aliases: ['рф', 7, 'RF'],
      evidence: 'MAYBE',
      createdAt: '2026-01-01',
    });
    expect(decoded?.label).toBe('Tld');
    if (decoded?.label !== 'Tld') return;
    expect(decoded.name).toBeNull();
    expect(decoded.ascii).toBe('.xn--p1ai');
    expect(decoded.idn).toBeNull();
    expect(decoded.type).toBeNull();
    expect(decoded.aliases).toEqual(['рф', 'RF']);
    expect(decoded.evidence).toBeNull();
    // Audit times are Dates by the time they reach the decoder (withPlainTimes); text is none.
    expect(decoded.createdAt).toBeNull();
  });

  it('parses the claims once, with their values as text and missing evidence as STATED', () => {
    const claims = JSON.stringify([
      { field: 'name', value: 'Memorandum A', sources: ['src-a'], evidence: 'INFERRED', basis: 'read from the heading' },
      { field: 'date', value: 2021, sources: ['src-b'] },
      { field: 'aliases', value: ['A', 'B'], sources: ['src-c'] },
    ]);
    const decoded = decodeEntity({ id: 'memo-a', label: 'Memorandum', name: 'Memo', date: '2021-02', claims });
    expect(decoded?.label).toBe('Memorandum');
    if (decoded?.label !== 'Memorandum') return;
    expect(decoded.date).toBe('2021-02');
    expect(decoded.claims).toEqual([
      { field: 'name', value: 'Memorandum A', sources: ['src-a'], evidence: 'INFERRED', basis: 'read from the heading' },
      { field: 'date', value: '2021', sources: ['src-b'], evidence: 'STATED', basis: null },
      { field: 'aliases', value: '["A","B"]', sources: ['src-c'], evidence: 'STATED', basis: null },
    ]);
  });

  it('reads no claims when the property is absent or empty', () => {
    expect(decodeEntity({ id: 'p', label: 'Person' })?.stored).toEqual({ id: 'p', label: 'Person' });
    const decoded = decodeEntity({ id: 'p', label: 'Person', claims: '' });
    expect(decoded?.label === 'Person' ? decoded.claims : 'not a person').toEqual([]);
  });

  it('decodes citations, provenance, completeness and a conflict’s sides', () => {
    const organization = decodeEntity({
      id: 'org',
      label: 'Organization',
      kind: 'registry',
      sources: ['s1', 's2'],
      citationEvidence: ['STATED', 'INFERRED'],
      citations: JSON.stringify([{ source: 's2', evidence: 'INFERRED', basis: 'from the list' }]),
      provenance: JSON.stringify([{ field: 'country', evidence: 'EXTERNAL' }]),
      completeness: JSON.stringify([{ relation: 'MEMBER_OF', direction: 'in', complete: false, sources: ['s1'], evidence: 'STATED' }]),
    });
    expect(organization?.label).toBe('Organization');
    if (organization?.label !== 'Organization') return;
    expect(organization.kind).toBe('registry');
    expect(organization.citations).toEqual([{ source: 's2', evidence: 'INFERRED', basis: 'from the list' }]);
    expect(organization.provenance).toEqual([{ field: 'country', value: null, evidence: 'EXTERNAL', basis: null, sources: null }]);
    expect(organization.completeness).toEqual([
      { relation: 'MEMBER_OF', direction: 'in', complete: false, sources: ['s1'], evidence: 'STATED', basis: null },
    ]);

    const conflict = decodeEntity({
      id: 'conflict-su',
      label: 'Conflict',
      name: 'Who manages .SU',
      subjects: ['tld-su'],
      sides: JSON.stringify([
        { relation: { type: 'MANAGES', from: 'rosniiros', to: 'tld-su', role: 'registry' }, sources: ['s1'], evidence: 'STATED' },
        { value: 'other', sources: ['s2'], evidence: 'INFERRED', basis: 'by date' },
      ]),
    });
    expect(conflict?.label).toBe('Conflict');
    if (conflict?.label !== 'Conflict') return;
    expect(conflict.subjects).toEqual(['tld-su']);
    expect(conflict.sides).toEqual([
      { value: null, relationKey: 'MANAGES|rosniiros|tld-su|registry|', sources: ['s1'], evidence: 'STATED', basis: null },
      { value: 'other', relationKey: null, sources: ['s2'], evidence: 'INFERRED', basis: 'by date' },
    ]);
  });

  it('is null for properties that are no entity', () => {
    expect(decodeEntity({ id: 'x', label: 'Nothing' })).toBeNull();
    expect(decodeEntity({ label: 'Person' })).toBeNull();
  });
});

describe('the entity row parser', () => {
  it('names the statement, the row and the property of malformed claims JSON', () => {
    const rows = [{ props: { id: 'fine', label: 'Person' } }, { props: { id: 'broken', label: 'Person', claims: '[{"field": "name", ' } }];
    expect(() => parseRows('queries/entities-by-id', rows, row)).toThrow(RowShapeError);
    expect(() => parseRows('queries/entities-by-id', rows, row)).toThrow(
      /^row 1 of queries\/entities-by-id: props\.claims: not JSON: .* \(entity broken\)$/,
    );
  });

  it('names the entry and field of claims JSON of the wrong shape', () => {
    const rows = [{ props: { id: 'memo', label: 'Memorandum', claims: JSON.stringify([{ field: 'name', value: 'A' }]) } }];
    expect(() => parseRows('queries/search', rows, row)).toThrow(
      /^row 0 of queries\/search: props\.claims: entry 0\.sources: .* \(entity memo\)$/,
    );
  });

  it('refuses properties that are no entity', () => {
    expect(() => parseRows('queries/search', [{ props: { id: 'x', label: 'Nothing' } }], row)).toThrow(
      /^row 0 of queries\/search: props: not an entity: id x, label Nothing$/,
    );
  });

  it('refuses a conflict where a statement promises an entity of the graph', () => {
    const rows = [{ props: { id: 'conflict-su', label: 'Conflict', name: 'Who manages .SU' } }];
    expect(() => parseRows('queries/search', rows, z.object({ props: graphEntity }))).toThrow(
      /^row 0 of queries\/search: props: expected an entity of the graph, got the Conflict conflict-su$/,
    );
  });

  it('turns audit times into Dates before decoding', () => {
    const [parsed] = parseRows('queries/entities-by-id', [{ props: { id: 'p', label: 'Person', createdAt: 1767225600000 } }], row);
    expect(parsed?.props.createdAt).toEqual(new Date(1767225600000));
  });
});

describe('evidence read from a decoded row', () => {
  const tld = decodeEntity({
    id: 'tld-rf',
    label: 'Tld',
    name: '.рф',
    ascii: '.xn--p1ai',
    sources: ['src-a', 'src-b'],
    citationEvidence: ['STATED', 'INFERRED'],
    basis: 'read from the registry list',
    provenance: JSON.stringify([{ field: 'ascii', evidence: 'EXTERNAL' }]),
    claims: JSON.stringify([{ field: 'name', value: '.РФ', sources: ['src-b'], evidence: 'INFERRED', basis: 'upper case in the title' }]),
  });
  if (tld === null || tld.label === 'Conflict') throw new Error('expected an entity of the graph');

  it('gives one citation per source, the record basis on the inferred one', () => {
    expect(citationsOf(tld)).toEqual([
      { source: 'src-a', evidence: 'STATED', basis: 'read from the registry list' },
      { source: 'src-b', evidence: 'INFERRED', basis: 'read from the registry list' },
    ]);
  });

  it('gives each field its provenance, a claim beside the value stored', () => {
    expect(fieldProvenanceOf('Tld', tld, 'name')).toEqual([
      // No entry of its own: the record's sources, which it says.
      { field: 'name', value: '.рф', evidence: 'STATED', basis: null, sources: ['src-a', 'src-b'], sourcesFromRecord: true },
      { field: 'name', value: '.РФ', evidence: 'INFERRED', basis: 'upper case in the title', sources: ['src-b'], sourcesFromRecord: false },
    ]);
    expect(fieldProvenanceOf('Tld', tld, 'ascii')).toEqual([
      // Outside knowledge: none of the record's articles gives it.
      { field: 'ascii', value: '.xn--p1ai', evidence: 'EXTERNAL', basis: null, sources: [], sourcesFromRecord: false },
    ]);
    expect(externalFactsOf(tld)).toEqual(['ascii']);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, seedDataDir } from '../../src/config.ts';
import type { SeedGraph } from '../../src/domain/graph.ts';
import { readSeedFolder, type SeedFile, SeedValidationError, validateSeedFiles } from '../../src/domain/validate.ts';
import { decodeCell, decodeList, encodeCell, encodeList } from '../../src/formats/csv-cells.ts';
import { cellPositions, readCsvText } from '../../src/formats/csv-read.ts';
import { edgeColumns, fieldKind, nodeColumns } from '../../src/formats/fields.ts';
import { entityRecord, relationRecord } from '../../src/formats/records.ts';
import { exportRequest } from '../../src/services/export/export.ts';
import { escapeXml } from '../../src/services/export/graphml.ts';

let seedFiles: SeedFile[];
let seed: SeedGraph;

beforeAll(async () => {
  seedFiles = await readSeedFolder(seedDataDir);
  seed = validateSeedFiles(seedFiles);
});

function problems(...files: SeedFile[]): string[] {
  try {
    validateSeedFiles([...seedFiles, ...files]);
  } catch (error) {
    if (error instanceof SeedValidationError) return error.message.split('\n').slice(1);
    throw error;
  }
  throw new Error('expected the files to be rejected');
}

/** A seed record as its file has it, with empty lists left out as the export leaves them out. */
function withoutEmptyLists(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => !(Array.isArray(value) && value.length === 0)));
}

describe('stored properties back to records', () => {
  it('gives every seed record back from the row the loader stores, derived fields dropped', () => {
    const original = new Map<string, Record<string, unknown>>();
    for (const file of seedFiles) {
      const root = JSON.parse(file.text) as Record<string, Record<string, unknown>[]>;
      for (const [collection, records] of Object.entries(root)) {
        if (collection !== 'relations') for (const record of records) original.set(String(record.id), withoutEmptyLists(record));
      }
    }
    for (const row of seed.nodes) {
      // What Neo4j hands back: the row's properties, the id, and audit fields the export must drop.
      const stored = { ...row.props, id: row.id, label: row.label, createdAt: 'x', updatedBy: 'seed', _seedLoad: 'load' };
      expect(entityRecord({ label: row.label, props: stored }), row.id).toEqual(original.get(row.id));
    }
  });

  it('gives relations back without their key, dates or empty lists, identity fields first', () => {
    const row = seed.relations.find((relation) => relation.type === 'HOLDS_POSITION' && relation.props.title !== undefined);
    if (!row) throw new Error('the seed has a position with a title');
    const record = relationRecord({ type: row.type, from: row.from, to: row.to, props: { ...row.props, key: row.key } });
    expect(Object.keys(record).slice(0, 5)).toEqual(['type', 'from', 'to', 'title', ...(record.note ? ['note'] : ['sources'])].slice(0, 5));
    expect(record).not.toHaveProperty('key');
    expect(record).not.toHaveProperty('dateFrom');
    expect(record).not.toHaveProperty('externalFacts');
  });

  it('writes claims field, value, sources, evidence whatever order they were stored in', () => {
    const claims = JSON.stringify([{ sources: ['s'], evidence: 'STATED', value: 'v', field: 'name' }]);
    const record = entityRecord({ label: 'Topic', props: { id: 't', name: 'T', sources: ['s'], evidence: 'STATED', claims } });
    expect(JSON.stringify(record.claims)).toBe('[{"field":"name","value":"v","sources":["s"],"evidence":"STATED"}]');
  });
});

describe('CSV cells', () => {
  it('escapes | and \\ inside list items, and reads them back', () => {
    const items = ['plain', 'a|b', 'back\\slash', '\\|', 'Воробьёв'];
    expect(encodeList(items)).toBe('plain|a\\|b|back\\\\slash|\\\\\\||Воробьёв');
    expect(decodeList(encodeList(items))).toEqual(items);
    expect(decodeList('C:\\dir|x')).toEqual(['C:\\dir', 'x']);
  });

  it('types cells by field: lists, booleans, numbers, JSON, text', () => {
    expect(nodeColumns.slice(0, 3)).toEqual(['label', 'id', 'name']);
    expect(nodeColumns.slice(-6)).toEqual(['sources', 'evidence', 'basis', 'citations', 'provenance', 'claims']);
    expect(edgeColumns.slice(0, 5)).toEqual(['type', 'from', 'to', 'role', 'title']);
    expect([fieldKind('aliases'), fieldKind('idn'), fieldKind('edition'), fieldKind('claims'), fieldKind('date')]).toEqual([
      'list',
      'boolean',
      'number',
      'json',
      'text',
    ]);
    expect(decodeCell('idn', 'true')).toEqual({ value: true });
    expect(decodeCell('idn', 'yes')).toEqual({ value: 'yes' });
    expect(decodeCell('edition', '19')).toEqual({ value: 19 });
    expect(decodeCell('claims', '[1')).toMatchObject({ problem: expect.stringMatching(/^invalid JSON/) });
    expect(encodeCell('edition', 19)).toBe('19');
    expect(encodeCell('claims', [{ field: 'name' }])).toBe('[{"field":"name"}]');
    expect(encodeCell('note', undefined)).toBe('');
  });
});

describe('CSV positions', () => {
  it('finds each cell of a row, across quoted line breaks, CRLF and a byte-order mark', () => {
    const text = '\ufeffa,b,c\r\n1,"two\nlines",3\r\n\r\n"x""y",,z\n';
    const cells = cellPositions(text, new Set([0, 1, 2, 3]));
    expect(cells.get(0)).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 3 },
      { line: 1, column: 5 },
    ]);
    expect(cells.get(1)).toEqual([
      { line: 2, column: 1 },
      { line: 2, column: 3 },
      { line: 3, column: 8 },
    ]);
    expect(cells.get(2)).toEqual([{ line: 4, column: 1 }]);
    expect(cells.get(3)).toEqual([
      { line: 5, column: 1 },
      { line: 5, column: 8 },
      { line: 5, column: 9 },
    ]);
  });

  /** A bad date in a cell after a quoted line break, and an unknown source. */
  const badNodeLines = [
    'label,id,name,description,date,sources,evidence',
    'Memorandum,memo-x,"A memo,',
    'over two lines",,2021-02-30,src-000-cctld-msk-ix-memorandum,STATED',
    'Topic,topic-x,A topic,,,no-such-source,STATED',
  ];

  // The positions are written out by hand: line 3 column 8 is the 3 after `lines",`.
  const expectedCells = new Map([
    [
      0,
      [
        { line: 1, column: 1 },
        { line: 1, column: 3 },
        { line: 1, column: 5 },
      ],
    ],
    [
      1,
      [
        { line: 2, column: 1 },
        { line: 2, column: 3 },
        { line: 3, column: 8 },
      ],
    ],
    [2, [{ line: 4, column: 1 }]],
    [
      3,
      [
        { line: 5, column: 1 },
        { line: 5, column: 8 },
        { line: 5, column: 9 },
      ],
    ],
  ]);
  for (const [kind, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['a lone CR', '\r'],
  ] as const) {
    it(`counts lines ended by ${kind}, inside quoted cells too`, () => {
      const text = ['a,b,c', '1,"two', 'lines",3', '', '"x""y",,z', ''].join(eol);
      expect(cellPositions(text, new Set([0, 1, 2, 3]))).toEqual(expectedCells);
    });
  }

  it('counts lines of a file whose line endings are mixed, as csv-parse splits its records', () => {
    const text = 'a,b,c\r1,"two\r\nlines",3\n\r\n"x""y",,z\r';
    expect(cellPositions(text, new Set([0, 1, 2, 3]))).toEqual(expectedCells);
  });

  it('places problems in a file of lone CRs at their cells, after a quoted line break', () => {
    const nodes = readCsvText('nodes.csv', badNodeLines.join('\r'));
    expect(problems(nodes)).toEqual([
      'nodes.csv:3:18: row 2 (id "memo-x") field "date": "2021-02-30" is not a real date: February 2021 has 28 days',
      'nodes.csv:4:25: row 3 (id "topic-x") field "sources[0]": unknown source "no-such-source": no record has this id',
    ]);
  });

  it('places a CSV syntax error at the character that breaks the quoting, whatever the line endings', () => {
    // MANAGES,"a"x: the x after the closing quote is column 12.
    expect(problems(readCsvText('cr.csv', 'type,from,to\rMANAGES,a,b\rMANAGES,"a"x,b\r'))).toEqual([
      'cr.csv:3:12: invalid CSV: Invalid Closing Quote: got "x" instead of delimiter, record delimiter, trimable character (if activated) or comment',
    ]);
    // A CRLF inside a quoted cell is one line break, not two: 3,"x"y is line 5, the y column 6.
    expect(problems(readCsvText('crlf.csv', 'type,from,to\r\n1,"2\r\n\r\n",3\r\n3,"x"y,4\r\n'))).toEqual([
      expect.stringMatching(/^crlf\.csv:5:6: invalid CSV: Invalid Closing Quote: got "y"/),
    ]);
    // A quote inside an unquoted cell, after lone CRs: the quote is column 10 of line 2.
    expect(problems(readCsvText('open.csv', 'type,from,to\rMANAGES,a"b,c\r'))).toEqual([
      expect.stringMatching(/^open\.csv:2:10: invalid CSV: Invalid Opening Quote/),
    ]);
    // A quoted cell never closed: its opening quote, after a CRLF line.
    expect(problems(readCsvText('open.csv', 'type,from,to\r\nMANAGES,a,b\r\nMANAGES,"a,b\r'))).toEqual([
      expect.stringMatching(/^open\.csv:3:9: invalid CSV: Quote Not Closed/),
    ]);
  });

  it('reports a bad date, an unknown reference and a wrong relation end at their cells, naming row and column', () => {
    const nodes = readCsvText('nodes.csv', badNodeLines.join('\n'));
    const edges = readCsvText(
      'edges.csv',
      [
        'type,from,to,sources,evidence',
        'COVERS,memo-x,topic-x,src-000-cctld-msk-ix-memorandum,STATED',
        'MANAGES,topic-x,tld-ru,src-000-cctld-msk-ix-memorandum,STATED',
      ].join('\n'),
    );
    expect(problems(nodes, edges)).toEqual([
      'nodes.csv:3:18: row 2 (id "memo-x") field "date": "2021-02-30" is not a real date: February 2021 has 28 days',
      'nodes.csv:4:25: row 3 (id "topic-x") field "sources[0]": unknown source "no-such-source": no record has this id',
      'edges.csv:3:9: row 3 field "from": "topic-x" is a Topic, but MANAGES goes from Organization',
    ]);
  });

  it('reports header, label, cell-count and JSON problems, and CSV syntax errors with their line', () => {
    const nodes = readCsvText(
      'nodes.csv',
      [
        'label,id,name,colour,sources,evidence,claims',
        'Planet,p-1,Mars,,,,',
        'Topic,t-1,T',
        'Topic,t-2,T,,src-000-cctld-msk-ix-memorandum,STATED,[oops',
      ].join('\n'),
    );
    expect(problems(nodes)).toEqual([
      expect.stringMatching(/^nodes\.csv:1:15: unknown column "colour"; the columns of a file of entities are label, id, name/),
      expect.stringMatching(/^nodes\.csv:2:1: row 2 \(id "p-1"\) field "label": unknown label "Planet"; the labels are Source, /),
      'nodes.csv:3:1: row 3: expected 7 cells as in the header, got 3',
      expect.stringMatching(/^nodes\.csv:4:53: row 4 \(id "t-2"\) field "claims": invalid JSON/),
    ]);
    expect(problems(readCsvText('broken.csv', 'type,from,to\nMANAGES,"a,b\n'))).toEqual([
      expect.stringMatching(/^broken\.csv:2:9: invalid CSV: Quote Not Closed/),
    ]);
    expect(problems(readCsvText('headless.csv', 'a,b\n1,2\n'))).toEqual([
      expect.stringMatching(/^headless\.csv:1:1: the header must name/),
    ]);
  });

  it('reads the seed as CSV rows into the same graph as the JSON files', () => {
    const rows = (columns: readonly string[], records: Record<string, unknown>[]) =>
      [columns.join(','), ...records.map((record) => columns.map((column) => csvCell(encodeCell(column, record[column]))).join(','))].join(
        '\n',
      );
    const entities: Record<string, unknown>[] = [];
    const relations: Record<string, unknown>[] = [];
    for (const row of seed.nodes)
      entities.push({ label: row.label, ...entityRecord({ label: row.label, props: { ...row.props, id: row.id } }) });
    for (const row of seed.relations) relations.push(relationRecord(row));
    const fromCsv = validateSeedFiles([
      readCsvText('nodes.csv', rows(nodeColumns, entities)),
      readCsvText('edges.csv', rows(edgeColumns, relations)),
    ]);
    const byId = <T extends { id?: string; key?: string }>(list: T[]) =>
      [...list].sort((a, b) => String(a.id ?? a.key).localeCompare(String(b.id ?? b.key)));
    expect(byId(fromCsv.nodes)).toEqual(byId(seed.nodes));
    expect(byId(fromCsv.relations)).toEqual(byId(seed.relations));
  });
});

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

describe('export parameters', () => {
  it('accepts the formats, parts and depths, and says what is wrong otherwise', () => {
    expect(exportRequest({}, { csvPartRequired: false })).toEqual({ format: 'json' });
    expect(exportRequest({ format: 'csv', part: 'edges', around: 'msk-ix', depth: '2' }, { csvPartRequired: true })).toEqual({
      format: 'csv',
      part: 'edges',
      around: { slug: 'msk-ix', depth: 2 },
    });
    expect(() => exportRequest({ format: 'xml' }, { csvPartRequired: false })).toThrow(
      /unknown format "xml"; the formats are json, csv, graphml/,
    );
    expect(() => exportRequest({ format: 'csv' }, { csvPartRequired: true })).toThrow(/part=nodes .* or part=edges/);
    expect(() => exportRequest({ format: 'json', part: 'nodes' }, { csvPartRequired: false })).toThrow(/csv format only/);
    expect(() => exportRequest({ around: 'msk-ix', depth: '4' }, { csvPartRequired: false })).toThrow(/from 1 to 3/);
    expect(() => exportRequest({ depth: '2' }, { csvPartRequired: false })).toThrow(/only with around/);
    expect(() => exportRequest({ around: 'Not a slug' }, { csvPartRequired: false })).toThrow(/slug/);
  });
});

describe('GraphML text', () => {
  it('escapes markup and replaces what XML 1.0 cannot carry', () => {
    expect(escapeXml('a < b & "c" > d')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
    expect(escapeXml('bell\u0007 half\ud800 pair😀')).toBe('bell\ufffd half\ufffd pair😀');
  });
});

describe('configuration', () => {
  it('reads the import body limit and the age of a dead load, with defaults', () => {
    expect(loadConfig({})).toMatchObject({ maxImportBytes: 50_000_000, staleLoadMs: 120_000 });
    expect(loadConfig({ GOVGRAPH_MAX_IMPORT_BYTES: '1000', GOVGRAPH_STALE_LOAD_MS: '0' })).toMatchObject({
      maxImportBytes: 1000,
      staleLoadMs: 0,
    });
    expect(() => loadConfig({ GOVGRAPH_MAX_IMPORT_BYTES: 'lots' })).toThrow(ConfigError);
    expect(() => loadConfig({ GOVGRAPH_MAX_IMPORT_BYTES: 'lots' })).toThrow(/GOVGRAPH_MAX_IMPORT_BYTES/);
  });
});

/**
 * A CSV file as seed records. The header decides what the file holds: `label` and `id` for
 * entities (one row per entity, any labels mixed), `type`, `from` and `to` for relations. Each
 * row becomes the record a JSON seed file would hold, so the seed validator checks it like any
 * other and its problems point at the row's line and the cell's column.
 *
 * csv-parse reads the text; line and column are found afterwards, and only when there is
 * something to report, by one scan of the text that follows the quoting as csv-parse does.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { JsonPath, Position } from '../domain/positions.ts';
import { pathKey } from '../domain/positions.ts';
import { relationsCollection } from '../domain/rules.ts';
import type { DisplayedSeedProblem, ParsedSeedFile, SeedFile } from '../domain/validate.ts';
import { decodeCell } from './csv-cells.ts';
import { collectionOfLabel, edgeColumns, entityCollectionFields, nodeColumns } from './fields.ts';

/** A problem found while reading rows, placed once the text has been scanned. */
interface Pending {
  /** The CSV record: 0 is the header. */
  row: number;
  /** The cell, or undefined for the row as a whole. */
  cell: number | undefined;
  record?: string;
  where?: string;
  field?: string;
  message: string;
}

/** Spreadsheets number the header row 1, and so do reports. */
function rowName(row: number): string {
  return `row ${row + 1}`;
}

export function readCsvText(path: string, text: string): SeedFile {
  const collections: Record<string, unknown[]> = {};
  const rowsOf = new Map<string, number[]>();
  const pending: Pending[] = [];
  let header: string[] | undefined;
  let columns: (string | undefined)[] = [];
  let kind: 'nodes' | 'edges' | undefined;
  let row = -1;

  const onRecord = (cells: string[]): null => {
    row++;
    if (header === undefined) {
      header = cells;
      ({ kind, columns } = readHeader(cells, pending));
      return null;
    }
    if (kind === undefined || (cells.length === 1 && cells[0] === '')) return null;
    if (cells.length !== header.length) {
      pending.push({
        row,
        cell: undefined,
        where: rowName(row),
        message: `expected ${header.length} cells as in the header, got ${cells.length}`,
      });
      return null;
    }
    const converted = kind === 'nodes' ? nodeRecord(row, cells, columns, pending) : edgeRecord(row, cells, columns, pending);
    if (converted) {
      const records = collections[converted.collection] ?? [];
      collections[converted.collection] = records;
      records.push(converted.record);
      const rows = rowsOf.get(converted.collection) ?? [];
      rowsOf.set(converted.collection, rows);
      rows.push(row);
    }
    return null;
  };

  const problems: DisplayedSeedProblem[] = [];
  try {
    // bom: a spreadsheet's UTF-8 export often starts with one. Blank lines come through as [''] and are skipped.
    // Every kind of line break, mixed if need be: csv-parse would otherwise take the first it meets for the whole file.
    parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
      on_record: onRecord,
    });
    if (header === undefined) problems.push({ file: path, line: 1, column: 1, message: 'the file is empty: expected a header row' });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // As with a JSON file that does not parse, none of its records are checked: they may be cut short.
    for (const name of Object.keys(collections)) delete collections[name];
    pending.length = 0;
    const records = typeof error.records === 'number' ? error.records : 0;
    // The position says where: csv-parse's "at line N" would count a CRLF in a quoted cell twice.
    const message = error.message.replace(/ at line \d+/, '');
    problems.push({ file: path, ...syntaxErrorPosition(text, records), message: `invalid CSV: ${message}` });
  }
  // One at a time: a file with a problem on each of 100,000s of rows would overflow the stack as push's arguments.
  for (const problem of place(path, text, pending)) problems.push(problem);

  const locate = (paths: readonly JsonPath[]): Map<string, Position> => {
    const wanted = paths.map((jsonPath) => {
      const [collection, index, field] = jsonPath;
      const at = typeof collection === 'string' && typeof index === 'number' ? rowsOf.get(collection)?.[index] : undefined;
      const cell = typeof field === 'string' ? columns.indexOf(field) : -1;
      return { jsonPath, row: at ?? 0, cell: cell >= 0 ? cell : undefined };
    });
    const cellsOf = cellPositions(text, new Set(wanted.map((entry) => entry.row)));
    return new Map(wanted.map(({ jsonPath, row: at, cell }) => [pathKey(jsonPath), positionIn(cellsOf.get(at), cell)]));
  };
  const describe = (collection: string, index: number): string => {
    const at = rowsOf.get(collection)?.[index];
    return at === undefined ? `${collection}[${index}]` : rowName(at);
  };
  const parsed: ParsedSeedFile = { collections, problems, locate, describe };
  return { path, text, parsed };
}

function readHeader(cells: string[], pending: Pending[]): { kind: 'nodes' | 'edges' | undefined; columns: (string | undefined)[] } {
  const kind = cells.includes('label')
    ? 'nodes'
    : cells.includes('type') && cells.includes('from') && cells.includes('to')
      ? 'edges'
      : undefined;
  if (kind === undefined) {
    pending.push({
      row: 0,
      cell: 0,
      message: 'the header must name the columns: label and id (a file of entities), or type, from and to (a file of relations)',
    });
    return { kind, columns: [] };
  }
  const known = kind === 'nodes' ? nodeColumns : edgeColumns;
  const seen = new Set<string>();
  const columns = cells.map((name, cell) => {
    if (!known.includes(name)) {
      pending.push({
        row: 0,
        cell,
        message: `unknown column "${name}"; the columns of a file of ${kind === 'nodes' ? 'entities' : 'relations'} are ${known.join(', ')}`,
      });
      return undefined;
    }
    if (seen.has(name)) {
      pending.push({ row: 0, cell, message: `column "${name}" appears twice` });
      return undefined;
    }
    seen.add(name);
    return name;
  });
  if (kind === 'nodes' && !seen.has('id')) {
    pending.push({ row: 0, cell: 0, message: 'a file of entities needs an id column' });
    return { kind: undefined, columns };
  }
  return { kind, columns };
}

type Converted = { collection: string; record: Record<string, unknown> } | undefined;

function nodeRecord(row: number, cells: string[], columns: (string | undefined)[], pending: Pending[]): Converted {
  const labelCell = columns.indexOf('label');
  const label = cells[labelCell] ?? '';
  const id = cells[columns.indexOf('id')] || undefined;
  const where = id === undefined ? rowName(row) : `${rowName(row)} (id "${id}")`;
  const entry = collectionOfLabel(label);
  if (!entry) {
    const labels = entityCollectionFields.map((fields) => fields.label).join(', ');
    const message = label === '' ? `missing label; the labels are ${labels}` : `unknown label "${label}"; the labels are ${labels}`;
    pending.push({ row, cell: labelCell, record: id ?? rowName(row), where, field: 'label', message });
    return undefined;
  }
  const record = fieldsOf(row, cells, columns, pending, { record: id ?? rowName(row), where }, 'label');
  return { collection: entry.collection, record };
}

function edgeRecord(row: number, cells: string[], columns: (string | undefined)[], pending: Pending[]): Converted {
  const record = fieldsOf(row, cells, columns, pending, { record: rowName(row), where: rowName(row) });
  return { collection: relationsCollection, record };
}

/** The row's non-empty cells as fields; a field the row's kind does not have is left to the schema to report. */
function fieldsOf(
  row: number,
  cells: string[],
  columns: (string | undefined)[],
  pending: Pending[],
  names: { record: string; where: string },
  skip?: string,
): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  cells.forEach((cell, index) => {
    const field = columns[index];
    if (field === undefined || field === skip || cell === '') return;
    const decoded = decodeCell(field, cell);
    if ('problem' in decoded) pending.push({ row, cell: index, ...names, field, message: decoded.problem });
    else record[field] = decoded.value;
  });
  return record;
}

function place(path: string, text: string, pending: readonly Pending[]): DisplayedSeedProblem[] {
  if (pending.length === 0) return [];
  const cellsOf = cellPositions(text, new Set(pending.map((problem) => problem.row)));
  return pending.map(({ row, cell, ...problem }) => ({ file: path, ...positionIn(cellsOf.get(row), cell), ...problem }));
}

function positionIn(cells: readonly Position[] | undefined, cell: number | undefined): Position {
  return (cell === undefined ? undefined : cells?.[cell]) ?? cells?.[0] ?? { line: 1, column: 1 };
}

/** Where the scan of the text is: its offset, and the line that offset is on. */
interface Cursor {
  at: number;
  line: number;
  /** The offset where the current line starts. */
  lineStart: number;
}

/**
 * The length of the line break at `at`: 2 for CRLF, 1 for LF or a lone CR (old Mac files, some
 * spreadsheet exports), 0 for none. csv-parse is given the same three as record delimiters, and
 * a line break inside a quoted cell counts the same way, so lines here are the lines an editor shows.
 */
function breakAt(text: string, at: number): number {
  const char = text.charCodeAt(at);
  if (char === 10) return 1;
  if (char !== 13) return 0;
  return text.charCodeAt(at + 1) === 10 ? 2 : 1;
}

function newLine(cursor: Cursor, length: number): void {
  cursor.at += length;
  cursor.line += 1;
  cursor.lineStart = cursor.at;
}

function positionOf(cursor: Cursor): Position {
  return { line: cursor.line, column: cursor.at - cursor.lineStart + 1 };
}

/**
 * Reads one record from the cursor, pushing where each cell starts onto `cells` if given, and
 * leaves the cursor after its line break. Returns where the record breaks the quoting rules
 * (RFC 4180, as csv-parse reads it), if it does: the opening quote of a cell never closed, the
 * character after a closing quote that is neither a comma nor a line break, or a quote inside
 * an unquoted cell. The scan then stops there.
 */
function readRecord(text: string, cursor: Cursor, cells: Position[] | undefined): Position | undefined {
  for (;;) {
    const start = positionOf(cursor);
    cells?.push(start);
    if (text[cursor.at] === '"') {
      cursor.at += 1;
      for (;;) {
        if (cursor.at >= text.length) return start;
        if (text[cursor.at] === '"') {
          if (text[cursor.at + 1] !== '"') break;
          cursor.at += 2;
          continue;
        }
        const length = breakAt(text, cursor.at);
        if (length > 0) newLine(cursor, length);
        else cursor.at += 1;
      }
      cursor.at += 1;
      if (cursor.at < text.length && text[cursor.at] !== ',' && breakAt(text, cursor.at) === 0) return positionOf(cursor);
    } else {
      while (cursor.at < text.length && text[cursor.at] !== ',' && breakAt(text, cursor.at) === 0) {
        if (text[cursor.at] === '"') return positionOf(cursor);
        cursor.at += 1;
      }
    }
    if (text[cursor.at] !== ',') break;
    cursor.at += 1;
  }
  const length = breakAt(text, cursor.at);
  if (length > 0) newLine(cursor, length);
  return undefined;
}

/** The column of the first character after a byte-order mark is 1: editors do not show the mark. */
function startOf(text: string): Cursor {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { at: bom, line: 1, lineStart: bom };
}

/**
 * Where each cell of the wanted rows starts. Rows are counted as csv-parse counts records
 * (blank lines included), and quoted cells may span lines. The text has already been parsed
 * without error, so every quote is where RFC 4180 allows one.
 */
export function cellPositions(text: string, wanted: ReadonlySet<number>): Map<number, Position[]> {
  const found = new Map<number, Position[]>();
  const cursor = startOf(text);
  for (let row = 0; cursor.at < text.length && found.size < wanted.size; row++) {
    const cells: Position[] | undefined = wanted.has(row) ? [] : undefined;
    readRecord(text, cursor, cells);
    if (cells) found.set(row, cells);
  }
  return found;
}

/**
 * Where csv-parse stopped, given how many records it had read: the spot in the next record
 * that breaks the quoting rules, or else that record's start. csv-parse's own line count takes
 * a CRLF inside a quoted cell as two lines, so it is not used.
 */
export function syntaxErrorPosition(text: string, records: number): Position {
  const cursor = startOf(text);
  for (let row = 0; row < records && cursor.at < text.length; row++) readRecord(text, cursor, undefined);
  const start = positionOf(cursor);
  return readRecord(text, cursor, undefined) ?? start;
}

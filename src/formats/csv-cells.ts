/**
 * One value in one CSV cell, both ways. Lists are `|`-separated (a `|` or `\` inside an item
 * is escaped with `\`), claims are JSON, booleans true/false, numbers as digits, and an empty
 * cell is an absent field. The export writes exactly what the import reads.
 */
import { type FieldKind, fieldKind } from './fields.ts';

export function encodeList(items: readonly string[]): string {
  return items.map((item) => item.replaceAll('\\', '\\\\').replaceAll('|', '\\|')).join('|');
}

/** The items of a list cell; a `\` before anything but `|` or `\` is kept as it is. */
export function decodeList(cell: string): string[] {
  if (!cell.includes('\\')) return cell.split('|');
  const items: string[] = [];
  let item = '';
  for (let at = 0; at < cell.length; at++) {
    const char = cell[at] as string;
    const next = cell[at + 1];
    if (char === '\\' && (next === '|' || next === '\\')) {
      item += next;
      at++;
    } else if (char === '|') {
      items.push(item);
      item = '';
    } else {
      item += char;
    }
  }
  items.push(item);
  return items;
}

/** A field's value as a cell; absent (undefined) is the empty cell. */
export function encodeCell(field: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  switch (fieldKind(field)) {
    case 'list':
      return encodeList(value as string[]);
    case 'json':
      return JSON.stringify(value);
    default:
      return String(value);
  }
}

export type DecodedCell = { value: unknown } | { problem: string };

/**
 * A cell's value for the record. A cell that does not read as its kind is passed on as the
 * text it is (the schema then says what it expected, e.g. `expected true or false, got
 * "yes"`), except JSON, whose parse error says more than the schema could.
 */
export function decodeCell(field: string, cell: string): DecodedCell {
  const kind: FieldKind = fieldKind(field);
  switch (kind) {
    case 'list':
      return { value: decodeList(cell) };
    case 'boolean':
      return { value: cell === 'true' ? true : cell === 'false' ? false : cell };
    case 'number':
      return { value: /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell };
    case 'json':
      try {
        return { value: JSON.parse(cell) as unknown };
      } catch (error) {
        return { problem: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` };
      }
    default:
      return { value: cell };
  }
}

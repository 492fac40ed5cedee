/**
 * Line and column of places in a seed file. JSON.parse keeps no positions, and building a
 * full syntax tree of a file with a million records costs gigabytes, so positions are found
 * only when there is something to report, with one streaming pass of jsonc-parser's visitor
 * that skips every record nobody asked about.
 */
import { type JSONPath, printParseErrorCode, visit } from 'jsonc-parser';

/** 1-based, as editors show them. */
export interface Position {
  line: number;
  column: number;
}

export type JsonPath = readonly (string | number)[];

/** A path as a map key; the separator cannot occur in JSON text unescaped. */
export function pathKey(path: JsonPath): string {
  return path.join('\u0000');
}

/** Depth of the records: inside the top-level object, inside a collection's array. */
const recordDepth = 2;

/**
 * Finds each path's position: a property's name, or an array element's start. A path that
 * does not exist (a missing field) gets the position of its longest existing prefix, which
 * is the record that lacks it.
 */
export function locatePaths(text: string, paths: readonly JsonPath[]): Map<string, Position> {
  const wanted = new Set<string>();
  const wantedRecords = new Set<string>();
  for (const path of paths) {
    for (let length = 0; length <= path.length; length++) wanted.add(pathKey(path.slice(0, length)));
    if (path.length >= recordDepth) wantedRecords.add(pathKey(path.slice(0, recordDepth)));
  }

  const found = new Map<string, Position>();
  const note = (path: JsonPath, line: number, character: number): void => {
    const key = pathKey(path);
    if (wanted.has(key) && !found.has(key)) found.set(key, { line: line + 1, column: character + 1 });
  };

  let depth = 0;
  let recordWanted = false;
  // Returning false from a begin callback makes the visitor skip that record's insides.
  const onValue = (line: number, character: number, pathSupplier: () => JSONPath): boolean => {
    if (depth === recordDepth) recordWanted = wantedRecords.has(pathKey(pathSupplier()));
    const interesting = depth < recordDepth || recordWanted;
    if (interesting) note(pathSupplier(), line, character);
    return interesting;
  };
  const onBegin = (_offset: number, _length: number, line: number, character: number, path: () => JSONPath) => {
    const interesting = onValue(line, character, path);
    depth++;
    return interesting;
  };
  const onEnd = () => {
    depth--;
  };

  visit(text, {
    onObjectBegin: onBegin,
    onArrayBegin: onBegin,
    onObjectEnd: onEnd,
    onArrayEnd: onEnd,
    onLiteralValue: (_value: unknown, _offset, _length, line, character, path) => {
      onValue(line, character, path);
    },
    onObjectProperty: (property, _offset, _length, line, character, path) => {
      note([...path(), property], line, character);
    },
  });

  const result = new Map<string, Position>();
  for (const path of paths) result.set(pathKey(path), nearestPosition(found, path));
  return result;
}

function nearestPosition(found: Map<string, Position>, path: JsonPath): Position {
  for (let length = path.length; length >= 0; length--) {
    const position = found.get(pathKey(path.slice(0, length)));
    if (position) return position;
  }
  return { line: 1, column: 1 };
}

/**
 * The rank of each path in a value as JSON.stringify writes it out: the order locatePaths'
 * positions would put them in, found on the value itself, with no text. A path that does not
 * exist ranks as its longest existing prefix, as locatePaths places it.
 */
export function documentOrder(value: unknown): (path: JsonPath) => number {
  const ranks = new Map<string, number>();
  const rank = (current: unknown, path: JsonPath): void => {
    ranks.set(pathKey(path), ranks.size);
    if (Array.isArray(current)) {
      current.forEach((item, index) => {
        rank(item, [...path, index]);
      });
    } else if (typeof current === 'object' && current !== null) {
      // JSON.stringify leaves out an undefined property.
      for (const [key, item] of Object.entries(current)) if (item !== undefined) rank(item, [...path, key]);
    }
  };
  rank(value, []);
  return (path) => {
    for (let length = path.length; length >= 0; length--) {
      const found = ranks.get(pathKey(path.slice(0, length)));
      if (found !== undefined) return found;
    }
    return 0;
  };
}

export interface SyntaxProblem extends Position {
  message: string;
}

/** Words for jsonc-parser's error codes; the codes themselves read like identifiers. */
const syntaxMessages: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected "," (or a closing bracket)',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string (control characters must be escaped)',
};

/**
 * Where and why JSON.parse rejected a text. V8's own messages do not always carry a
 * position (and may quote the whole text), so the strict jsonc-parser scan provides it.
 */
export function describeSyntaxError(text: string, parseError: unknown): SyntaxProblem {
  let first: SyntaxProblem | undefined;
  visit(
    text,
    {
      onError: (code, _offset, _length, line, character) => {
        const name = printParseErrorCode(code);
        first ??= { line: line + 1, column: character + 1, message: syntaxMessages[name] ?? name };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (first) return { ...first, message: `invalid JSON: ${first.message}` };
  const message = parseError instanceof Error ? parseError.message : String(parseError);
  return { ...positionInV8Message(text, message), message: `invalid JSON: ${message.slice(0, 200)}` };
}

function positionInV8Message(text: string, message: string): Position {
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const offset = /at position (\d+)/.exec(message);
  return offset ? positionAtOffset(text, Number(offset[1])) : { line: 1, column: 1 };
}

export function positionAtOffset(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

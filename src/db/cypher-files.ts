import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.ts';
import { relationTypes } from '../domain/graph.ts';

export const cypherDir = path.join(projectRoot, 'cypher');

const cache = new Map<string, string>();

/** A file's text without its comment lines. */
function readWithoutComments(name: string, dir: string): string {
  if (!/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(name)) throw new Error(`invalid Cypher file name "${name}"`);
  return readFileSync(path.join(dir, `${name}.cypher`), 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
}

/**
 * `{{include:fragments/props(n)}}`: the text of cypher/fragments/props.cypher, its `{{var}}`
 * written as `n`; `{{include:fragments/entity-filters}}` takes no variable. A fragment is a
 * piece of Cypher several statements share, so it is written once. Includes are expanded when
 * a file is read, from files in cypher/ only: nothing a request sends reaches them.
 */
export const includePattern = /\{\{include:([a-z0-9-]+(?:\/[a-z0-9-]+)*)(?:\(([A-Za-z_][A-Za-z0-9_]*)\))?\}\}/g;
const fragmentVariable = '{{var}}';

function withIncludes(name: string, text: string, dir: string): string {
  return text.replace(includePattern, (_match, fragment: string, variable: string | undefined) => {
    const body = readWithoutComments(fragment, dir).trim();
    // One level only: a fragment that included others would make a statement's text harder to follow.
    if (body.includes('{{include:')) throw new Error(`fragment "${fragment}" (included by "${name}") includes another`);
    if (body.includes(fragmentVariable) !== (variable !== undefined)) {
      throw new Error(`statement "${name}": fragment "${fragment}" ${variable === undefined ? 'needs a variable' : 'takes no variable'}`);
    }
    return variable === undefined ? body : body.replaceAll(fragmentVariable, variable);
  });
}

/**
 * The text of a named statement, e.g. `cypher('queries/server-info')` for
 * cypher/queries/server-info.cypher, without its comment lines and with its includes expanded.
 * Files are read once and kept. `dir` is another folder of statements for tests only
 * (test/fixtures/cypher holds deliberately slow ones).
 *
 * The comments stay in the files: sent along, they doubled what most statements put on the
 * wire, and the driver writes a message in 1,400-byte pieces, one socket write each.
 */
export function cypher(name: string, dir: string = cypherDir): string {
  const key = `${dir}\u0000${name}`;
  let text = cache.get(key);
  if (text === undefined) {
    text = withIncludes(name, readWithoutComments(name, dir), dir);
    cache.set(key, text);
  }
  return text;
}

const slot = /\{\{(\w+)\}\}/g;
/**
 * Every slot a statement may have, with the only values it may take. The sets are closed and
 * written here, never taken from a request: a slot picks one of a fixed list of variants of
 * the statement (a relationship type and a direction), as one file per variant would.
 */
const slotValues: Readonly<Record<string, ReadonlySet<string>>> = {
  type: new Set<string>(relationTypes),
  left: new Set(['-', '<-']),
  right: new Set(['-', '->']),
  order: new Set(['ASC', 'DESC']),
};
const filled = new Map<string, string>();

/**
 * The text of a named statement with its slots filled: `{{type}}` is replaced by parameter
 * `type`. Only for what Cypher takes no parameter for in a form the planner can use: given as a
 * parameter ([r:$($type)]), Neo4j 5 expands every relationship of a node and filters them
 * afterwards; written into the text, the type and direction let it follow only those. A
 * statement without slots is returned as it is.
 */
export function filledCypher(name: string, parameters: Record<string, unknown>, dir: string = cypherDir): string {
  const text = cypher(name, dir);
  if (!text.includes('{{')) return text;
  const values: string[] = [];
  for (const [, parameter] of text.matchAll(slot)) {
    const value = parameters[parameter as string];
    if (typeof value !== 'string' || !slotValues[parameter as string]?.has(value)) {
      throw new Error(`statement "${name}": parameter "${parameter}" cannot fill a slot (${JSON.stringify(value)})`);
    }
    values.push(value);
  }
  const key = `${dir}\u0000${name}\u0000${values.join('\u0000')}`;
  let result = filled.get(key);
  if (result === undefined) {
    result = text.replace(slot, (_match, parameter: string) => parameters[parameter] as string);
    filled.set(key, result);
  }
  return result;
}

/** Names of the statements in one folder of cypher/, in file-name order. */
export function cypherFolder(folder: string): string[] {
  return readdirSync(path.join(cypherDir, folder))
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .map((file) => `${folder}/${file.slice(0, -'.cypher'.length)}`);
}

/** Splits a file into statements on lines that end with `;` (schema files hold several). */
export function statementsOf(name: string): string[] {
  return cypher(name)
    .split(/;\s*$/m)
    .map((statement) =>
      statement
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .trim(),
    )
    .filter((statement) => statement.length > 0);
}

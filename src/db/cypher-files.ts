import { readdirSync } from 'node:fs';
import path from 'node:path';
import { relationTypes } from '../domain/graph.ts';
import { cypherDir } from './cypher-dir.ts';
import { statementText } from './cypher-text.ts';
import { entityPageSlotValues } from './entity-page-slots.ts';
import { pathPartsSlotValues } from './path-parts-slots.ts';
import { pathSearchSlotValues } from './path-search-slots.ts';
import { recordSlotValues, type SlotValues } from './record-view.ts';
import { relationPageSlotValues } from './relation-page-slots.ts';
import { timelineSlotValues } from './timeline-slots.ts';

export { cypherDir };

const cache = new Map<string, string>();

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
    text = statementText(name, dir);
    cache.set(key, text);
  }
  return text;
}

const slot = /\{\{(\w+)\}\}/g;
/**
 * Every slot a statement may have, with the only values it may take. The sets are closed and
 * written here or built from typed parts (entity-page-slots.ts), never taken from a request: a
 * slot picks one of a fixed list of variants of the statement, as one file per variant would.
 * A record view's slot takes the list its writer gives for names of a closed list (record-view.ts).
 */
const slotValues: Readonly<Record<string, SlotValues>> = {
  // cypher/queries/relation-pages: the relationship type, the arrow's two halves, the order.
  type: new Set<string>(relationTypes),
  left: new Set(['-', '<-']),
  right: new Set(['-', '->']),
  order: new Set(['ASC', 'DESC']),
  // …and the predicates of the filters and keyset bounds a request has.
  ...relationPageSlotValues,
  // cypher/queries/entity-page: the index it seeks, what it orders by, in which direction.
  ...entityPageSlotValues,
  // cypher/planned/relation-level: whole records, or a record view's values (record-view.ts).
  ...recordSlotValues,
  // cypher/queries/shortest-paths: the search with the filters a request has, and how the paths' parts come back.
  ...pathSearchSlotValues,
  ...pathPartsSlotValues,
  // cypher/queries/timeline(-graph): a page of dated facts, or their count.
  ...timelineSlotValues,
};
/** Whether `value` is one of the values slot `slot` may take (the planned-read builder fills the same slots). */
export function isSlotValue(slot: string, value: unknown): value is string {
  return typeof value === 'string' && slotValues[slot]?.has(value) === true;
}

const filled = new Map<string, string>();
const slotNames = new Map<string, readonly string[]>();

/**
 * The slots of a named statement, each once. A slot's parameter is written into the text and
 * not sent: so it must not be a parameter of the statement too.
 */
export function slotsOf(name: string, dir: string = cypherDir): readonly string[] {
  const key = `${dir}\u0000${name}`;
  let names = slotNames.get(key);
  if (names === undefined) {
    const text = cypher(name, dir);
    names = [...new Set(Array.from(text.matchAll(slot), ([, parameter]) => parameter ?? ''))];
    for (const parameter of names) {
      if (!(parameter in slotValues)) throw new Error(`statement "${name}": "{{${parameter}}}" is no slot`);
      if (new RegExp(`\\$${parameter}\\b`).test(text)) throw new Error(`statement "${name}": "${parameter}" is a slot and a parameter`);
    }
    slotNames.set(key, names);
  }
  return names;
}

/**
 * The text of a named statement with its slots filled: `{{type}}` is replaced by parameter
 * `type`. Only for what Cypher takes no parameter for in a form the planner can use: given as a
 * parameter ([r:$($type)]), Neo4j 5 expands every relationship of a node and filters them
 * afterwards (or scans every relationship of the graph, for a MERGE), and uses no index on
 * the type; written into the text, the type and direction let it follow only those. A
 * statement without slots is returned as it is.
 */
export function filledCypher(name: string, parameters: Record<string, unknown>, dir: string = cypherDir): string {
  const text = cypher(name, dir);
  const names = slotsOf(name, dir);
  if (names.length === 0) return text;
  const values = names.map((parameter) => {
    const value = parameters[parameter];
    if (typeof value !== 'string' || !slotValues[parameter]?.has(value)) {
      throw new Error(`statement "${name}": parameter "${parameter}" cannot fill a slot (${JSON.stringify(value)})`);
    }
    return value;
  });
  const key = `${dir}\u0000${name}\u0000${values.join('\u0000')}`;
  let result = filled.get(key);
  if (result === undefined) {
    result = text.replace(slot, (_match, parameter: string) => values[names.indexOf(parameter)] ?? '');
    filled.set(key, result);
  }
  return result;
}

/**
 * The parameters to send with a filled statement: those its text names, which leaves out its
 * slots' (in the text already: the entity page's would add some 400 bytes to every list request)
 * and the filters a slot left out (a root list's page had a dozen nulls for its absent filters).
 */
export function parametersToSend(name: string, parameters: Record<string, unknown>, dir: string = cypherDir): Record<string, unknown> {
  const named = parametersNamedIn(filledCypher(name, parameters, dir));
  const sent = Object.entries(parameters).filter(([parameter]) => named.has(parameter));
  return sent.length === Object.keys(parameters).length ? parameters : Object.fromEntries(sent);
}

// The $parameters a text names, by text: filled statements are kept (filledCypher), so a server
// has a few hundred at most; past `keptTexts` the oldest go.
const namedParameters = new Map<string, ReadonlySet<string>>();
const keptTexts = 1000;

function parametersNamedIn(text: string): ReadonlySet<string> {
  let named = namedParameters.get(text);
  if (named === undefined) {
    named = new Set(Array.from(text.matchAll(/\$(\w+)/g), ([, parameter]) => parameter ?? ''));
    if (namedParameters.size >= keptTexts) {
      const [oldest] = namedParameters.keys();
      if (oldest !== undefined) namedParameters.delete(oldest);
    }
    namedParameters.set(text, named);
  }
  return named;
}

/** Names of the statements in one folder of cypher/, in file-name order. */
export function cypherFolder(folder: string, dir: string = cypherDir): string[] {
  return readdirSync(path.join(dir, folder))
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .map((file) => `${folder}/${file.slice(0, -'.cypher'.length)}`);
}

/**
 * Splits a file into statements on lines that end with `;` (schema files hold several). Read
 * afresh, not kept: the schema files are read once a start, and what a start records of them
 * must be what the file holds now (src/db/migrations.ts).
 */
export function statementsOf(name: string, dir: string = cypherDir): string[] {
  return statementText(name, dir)
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

import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Reading a statement file into the text sent to Neo4j. This module imports nothing of
 * govgraph's, so the benchmark's peer servers (bench/servers) can send the very text govgraph
 * sends without loading govgraph's modules, whose memory would count against them.
 */

/** A file's text without its comment lines. */
function readWithoutComments(name: string, dir: string): string {
  if (!/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(name)) throw new Error(`invalid Cypher file name "${name}"`);
  return readFileSync(path.join(dir, `${name}.cypher`), 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
}

/**
 * `{{include:fragments/entity-props(n)}}`: the text of cypher/fragments/entity-props.cypher, its `{{var}}`
 * written as `n`; a fragment without `{{var}}` is included as `{{include:fragments/name}}`. A fragment is a
 * piece of Cypher several statements share, so it is written once. Includes are expanded when
 * a file is read, from files in cypher/ only: nothing a request sends reaches them.
 */
const includePattern = /\{\{include:([a-z0-9-]+(?:\/[a-z0-9-]+)*)(?:\(([A-Za-z_][A-Za-z0-9_]*)\))?\}\}/g;
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
 * A piece of Cypher written in code (a slot's value, src/db/relation-page-slots.ts) with its
 * includes expanded as a file's are, so that what a fragment holds is still written once.
 */
export function withFragments(text: string, dir: string): string {
  return withIncludes('(a slot value)', text, dir);
}

/** The text of statement `name` in folder `dir`, without comment lines, its includes expanded. */
export function statementText(name: string, dir: string): string {
  return withIncludes(name, readWithoutComments(name, dir), dir);
}

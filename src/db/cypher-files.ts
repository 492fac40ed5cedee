import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.ts';

export const cypherDir = path.join(projectRoot, 'cypher');

const cache = new Map<string, string>();

/**
 * The text of a named statement, e.g. `cypher('queries/server-info')` for
 * cypher/queries/server-info.cypher. Files are read once and kept.
 */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    if (!/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(name)) throw new Error(`invalid Cypher file name "${name}"`);
    text = readFileSync(path.join(cypherDir, `${name}.cypher`), 'utf8');
    cache.set(name, text);
  }
  return text;
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

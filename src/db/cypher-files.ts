import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.ts';

export const cypherDir = path.join(projectRoot, 'cypher');

const cache = new Map<string, string>();

/**
 * The text of a named statement, e.g. `cypher('queries/server-info')` for
 * cypher/queries/server-info.cypher. Files are read once and kept. `dir` is another folder of
 * statements for tests only (test/fixtures/cypher holds deliberately slow ones).
 */
export function cypher(name: string, dir: string = cypherDir): string {
  const key = `${dir}\u0000${name}`;
  let text = cache.get(key);
  if (text === undefined) {
    if (!/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(name)) throw new Error(`invalid Cypher file name "${name}"`);
    text = readFileSync(path.join(dir, `${name}.cypher`), 'utf8');
    cache.set(key, text);
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

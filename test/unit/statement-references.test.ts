import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';

// Statements are run by name ('queries/search' is cypher/queries/search.cypher), so a typo or a
// deleted file compiles and fails only when that statement runs. This reads the names the code
// spells out and the files cypher/ holds, and checks each side against the other. The text is
// read, not imported: nothing here may depend on the code under test to find what it uses.
// (test/fixtures/cypher is a folder of its own, for one test's deliberately slow statements.)

const cypherDir = path.join(projectRoot, 'cypher');

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(full, keep);
    return keep(entry.name) ? [full] : [];
  });
}

/** Every statement file, by name: 'queries/search' for cypher/queries/search.cypher. */
const statementFiles = filesUnder(cypherDir, (name) => name.endsWith('.cypher')).map((file) =>
  path.relative(cypherDir, file).split(path.sep).join('/').slice(0, -'.cypher'.length),
);
const folders = [...new Set(statementFiles.map((name) => name.split('/')[0] ?? ''))];

const codeFiles = ['src', 'test', 'bench'].flatMap((dir) => filesUnder(path.join(projectRoot, dir), (name) => /\.(ts|mts)$/.test(name)));
const code = codeFiles.map((file) => ({ file: path.relative(projectRoot, file), text: readFileSync(file, 'utf8') }));

// A quoted name in one of cypher/'s folders: 'queries/search', "admin/graph-contents", `seed/journal-open`.
const quotedName = new RegExp(`(['"\`])((?:${folders.join('|')})(?:/[a-z0-9-]+)+)\\1`, 'g');
// A whole folder run in file order: cypherFolder('schema'), or cypherFolder('schema', dir).
const wholeFolder = /cypherFolder\('([a-z0-9-]+)'[,)]/g;
// A fragment written into a statement when its file is read: {{include:fragments/entity-props(n)}}.
const include = /\{\{include:([a-z0-9-]+(?:\/[a-z0-9-]+)*)/g;

describe('statement names', () => {
  it('finds the statement files and the names the code runs', () => {
    // Guards the checks below against a pattern that silently matches nothing.
    expect(statementFiles).toContain('queries/search');
    expect(folders).toEqual(expect.arrayContaining(['admin', 'curation', 'exchange', 'fragments', 'queries', 'schema', 'seed']));
    expect(code.some(({ text }) => text.includes("'queries/relation-pages'"))).toBe(true);
  });

  it('every name the code spells out is a file in cypher/', () => {
    const missing = code.flatMap(({ file, text }) =>
      [...text.matchAll(quotedName)]
        .map((match) => match[2] ?? '')
        .flatMap((name) => (statementFiles.includes(name) ? [] : [`${file}: ${name}`])),
    );
    expect(missing).toEqual([]);
  });

  it('every file in cypher/ is run by name, with its folder, or included by a statement', () => {
    const used = new Set<string>();
    for (const { text } of code) {
      for (const match of text.matchAll(quotedName)) used.add(match[2] ?? '');
      for (const match of text.matchAll(wholeFolder)) {
        for (const name of statementFiles) if (name.startsWith(`${match[1]}/`)) used.add(name);
      }
    }
    // Only statements that are used themselves count as using their fragments.
    for (const name of statementFiles) {
      if (!used.has(name)) continue;
      for (const match of readFileSync(path.join(cypherDir, `${name}.cypher`), 'utf8').matchAll(include)) used.add(match[1] ?? '');
    }
    expect(statementFiles.filter((name) => !used.has(name))).toEqual([]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';

// The layers of src/, lowest first (docs/architecture.md): a module may import its own folder
// and folders of a lower rank, never a higher one, so every request takes one straight path
// down, HTTP → schema → services → db → domain, and no two folders import each other.
const ranks: Record<string, number> = {
  domain: 0,
  auth: 0,
  'log.ts': 0,
  'tracer.ts': 0,
  'version.ts': 2,
  'config.ts': 1,
  formats: 2,
  embedded: 2,
  db: 3,
  services: 4,
  schema: 5,
  http: 6,
  examples: 2,
  web: 6,
  'yoga.ts': 7,
  cli: 8,
  'server.ts': 9,
};

const srcDir = path.join(projectRoot, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|mts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** The layer a file of src/ belongs to: its top folder, or its own name at the top. */
const layerOf = (file: string): string => path.relative(srcDir, file).split(path.sep)[0] ?? '';

/** Every relative import and re-export of a file, resolved to a path. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/g),
    ...text.matchAll(/import\('(\.[^']+)'\)/g),
  ];
  return specifiers.map((match) => path.resolve(path.dirname(file), match[1] ?? ''));
}

describe('the layers of src/', () => {
  const files = sourceFiles(srcDir);

  it('gives every file a known layer', () => {
    const unknown = [...new Set(files.map(layerOf))].filter((layer) => !(layer in ranks));
    expect(unknown).toEqual([]);
  });

  it('import only their own folder or a lower layer', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      for (const target of importsOf(file)) {
        if (!target.startsWith(srcDir)) continue;
        const to = layerOf(target);
        if (to === from) continue;
        if ((ranks[to] ?? Number.POSITIVE_INFINITY) >= (ranks[from] ?? Number.NEGATIVE_INFINITY)) {
          upward.push(`${path.relative(projectRoot, file)} imports ${path.relative(projectRoot, target)} (${from} → ${to})`);
        }
      }
    }
    expect(upward).toEqual([]);
  });

  it('finds the imports it checks (the check itself works)', () => {
    const yoga = path.join(srcDir, 'yoga.ts');
    expect(importsOf(yoga).map((target) => layerOf(target))).toEqual(expect.arrayContaining(['schema', 'http', 'config.ts']));
  });
});

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { projectRoot } from '../config.ts';

/**
 * `npm run schema:diff`: compares schema.graphql with the last release's, and fails on a
 * breaking change that CHANGELOG.md does not announce. A breaking change is announced by a
 * line of the "Unreleased" section's "### Breaking" list that names its schema coordinate in
 * backquotes (`Query.neighborhood`) and gives a date (when it was deprecated, or takes effect).
 */

const releaseHeading = /^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})/m;

export interface ChangelogSections {
  /** The newest released version, or null before the first release. */
  lastRelease: string | null;
  /** The lines of "### Breaking" under "## [Unreleased]". */
  breaking: string[];
}

export function readChangelog(text: string): ChangelogSections {
  const lastRelease = releaseHeading.exec(text)?.[1] ?? null;
  const unreleasedAt = text.indexOf('## [Unreleased]');
  if (unreleasedAt < 0) return { lastRelease, breaking: [] };
  const rest = text.slice(unreleasedAt + 1);
  const nextRelease = rest.search(/^## \[/m);
  const unreleased = nextRelease < 0 ? rest : rest.slice(0, nextRelease);
  const breakingAt = unreleased.search(/^### Breaking/m);
  if (breakingAt < 0) return { lastRelease, breaking: [] };
  const section = unreleased.slice(breakingAt).split('\n').slice(1);
  const end = section.findIndex((line) => line.startsWith('### '));
  return { lastRelease, breaking: (end < 0 ? section : section.slice(0, end)).filter((line) => line.trim().startsWith('-')) };
}

/** Whether a changelog line announces this coordinate, with a date. */
const announces = (line: string, coordinate: string): boolean => line.includes(`\`${coordinate}\``) && /\d{4}-\d{2}-\d{2}/.test(line);

export interface SchemaComparison {
  changes: Change[];
  /** Breaking changes no changelog line announces. */
  unannounced: Change[];
}

export async function compareSchemas(releasedSdl: string, currentSdl: string, changelog: ChangelogSections): Promise<SchemaComparison> {
  const changes = await diff(buildSchema(releasedSdl), buildSchema(currentSdl));
  const unannounced = changes.filter(
    (change) =>
      change.criticality.level === CriticalityLevel.Breaking &&
      !changelog.breaking.some((line) => announces(line, change.path ?? change.message)),
  );
  return { changes, unannounced };
}

const git = (...args: string[]): string => execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8' });

/** The schema as released: at the tag vX.Y.Z, or, in a clone without tags, at the commit that added the release's heading. */
function releasedSchema(version: string): { sdl: string; at: string } {
  try {
    git('rev-parse', '--verify', '--quiet', `refs/tags/v${version}`);
    return { sdl: git('show', `v${version}:schema.graphql`), at: `tag v${version}` };
  } catch {
    const [commit] = git('log', '--format=%H', '--reverse', `-S## [${version}]`, '--', 'CHANGELOG.md').split('\n');
    if (!commit) throw new Error(`CHANGELOG.md names release ${version}, but neither tag v${version} nor the commit that added it exists`);
    return { sdl: git('show', `${commit}:schema.graphql`), at: `commit ${commit.slice(0, 12)} (no tag v${version} in this clone)` };
  }
}

async function main(): Promise<void> {
  const changelog = readChangelog(readFileSync(path.join(projectRoot, 'CHANGELOG.md'), 'utf8'));
  if (!changelog.lastRelease) {
    console.log('schema:diff: no release in CHANGELOG.md yet; nothing to compare with');
    return;
  }
  const released = releasedSchema(changelog.lastRelease);
  const current = readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8');
  const { changes, unannounced } = await compareSchemas(released.sdl, current, changelog);
  console.log(`schema:diff: schema.graphql against release ${changelog.lastRelease} (${released.at}): ${changes.length} changes`);
  for (const change of changes) console.log(`  ${change.criticality.level.padEnd(13)} ${change.message}`);
  if (unannounced.length > 0) {
    console.error(
      `\nschema:diff: ${unannounced.length} breaking change(s) not announced in CHANGELOG.md. Add a line per change under\n` +
        '"## [Unreleased]" → "### Breaking" naming its coordinate in backquotes and a date, e.g.\n' +
        '  - `Query.neighborhood` becomes nullable (2026-12-01): …\n' +
        unannounced.map((change) => `  missing: ${change.path ?? ''} — ${change.message}`).join('\n'),
    );
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(`schema:diff: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}

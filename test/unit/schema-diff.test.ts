import { describe, expect, it } from 'vitest';
import { compareSchemas, readChangelog } from '../../src/cli/schema-diff.ts';

const released = `type Query { neighborhood(id: ID!): Graph!  stats: Int }\ntype Graph { size: Int! }`;
const changed = `type Query { neighborhood(id: ID!): Graph  stats: Int  search: Int }\ntype Graph { size: Int! }`;

const changelog = (breaking: string) => `# Changelog

## [Unreleased]

### Added
- \`Query.search\`.

### Breaking
${breaking}

## [0.1.0] - 2026-12-01

### Breaking
- \`Query.stats\` was announced long ago (2026-01-01).
`;

describe('schema:diff', () => {
  it('reads the last release and the unreleased breaking lines', () => {
    const sections = readChangelog(changelog('- `Query.neighborhood` becomes nullable (2026-12-01).'));
    expect(sections).toEqual({ lastRelease: '0.1.0', breaking: ['- `Query.neighborhood` becomes nullable (2026-12-01).'] });
  });

  it('refuses a breaking change the changelog does not announce, and lets additions pass', async () => {
    const { changes, unannounced } = await compareSchemas(released, changed, readChangelog(changelog('')));
    expect(changes.map((change) => change.criticality.level).sort()).toEqual(['BREAKING', 'NON_BREAKING']);
    expect(unannounced.map((change) => change.path)).toEqual(['Query.neighborhood']);
  });

  it('accepts it once announced with its coordinate and a date, not without the date', async () => {
    const announced = await compareSchemas(
      released,
      changed,
      readChangelog(changelog('- `Query.neighborhood` becomes nullable (2026-12-01).')),
    );
    expect(announced.unannounced).toEqual([]);
    const undated = await compareSchemas(released, changed, readChangelog(changelog('- `Query.neighborhood` becomes nullable.')));
    expect(undated.unannounced).toHaveLength(1);
    // A line under a released version announces nothing new.
    const removed = await compareSchemas(
      released,
      `type Query { neighborhood(id: ID!): Graph! }\ntype Graph { size: Int! }`,
      readChangelog(changelog('')),
    );
    expect(removed.unannounced.map((change) => change.path)).toEqual(['Query.stats']);
  });
});

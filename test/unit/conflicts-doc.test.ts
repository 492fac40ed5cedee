import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conflictsDocument, conflictsDocumentFile, currentConflictsDocument } from '../../src/formats/conflicts-doc.ts';

describe('seed/CONFLICTS.md', () => {
  it('is what the conflict records give (run npm run conflicts:write after editing seed/data/conflicts.json)', async () => {
    expect(readFileSync(conflictsDocumentFile, 'utf8')).toBe(await currentConflictsDocument());
  });

  it('lists each side with its evidence, articles and basis', () => {
    const page = conflictsDocument(
      {
        conflicts: [
          {
            id: 'conflict-x',
            name: 'X',
            description: 'Two values.',
            subjects: ['a'],
            sides: [
              { value: 'one', sources: ['src-000-a'], evidence: 'STATED' },
              {
                relation: { type: 'MANAGES', from: 'b', to: 'c', role: 'registry' },
                sources: ['src-001-b'],
                evidence: 'INFERRED',
                basis: 'Read so.',
              },
            ],
          },
        ],
      },
      { sources: [{ id: 'src-000-a', title: 'A' }] },
    );
    expect(page).toContain('1. **X** (`conflict-x`)');
    expect(page).toContain('   - "one": STATED in 000');
    expect(page).toContain('   - `MANAGES b → c` (role `registry`): INFERRED in 001: Read so.');
  });
});

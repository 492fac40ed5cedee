import { writeFile } from 'node:fs/promises';
import { conflictsDocumentFile, currentConflictsDocument } from '../formats/conflicts-doc.ts';

/** Writes seed/CONFLICTS.md from seed/data/conflicts.json; a unit test fails when the two drift apart. */
await writeFile(conflictsDocumentFile, await currentConflictsDocument());
console.log(`wrote ${conflictsDocumentFile}`);

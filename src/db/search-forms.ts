import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { isEntityLabel } from '../domain/graph.ts';
import { searchForms, searchFormsVersion } from '../domain/text/search-forms.ts';
import type { Database } from './database.ts';
import { properties } from './rows.ts';

const pageSize = 2000;
const versionRow = z.object({ version: z.number().nullable() });
const formsPageRow = z.object({ id: z.string(), label: z.string(), props: properties });

/**
 * Brings every stored entity's search forms up to the current rules. The loader and the
 * curation mutations write the forms with each entity; this rewrites those of entities written
 * under older rules (a database from before a change to src/domain/text/), once: a marker node
 * records the version the whole database carries, so a database already up to date costs one
 * read. Runs page by page, each page its own transaction, so a million entities fit in memory.
 * Returns how many entities it rewrote.
 */
export async function refreshSearchForms(db: Database, onNotice: (line: string) => void = () => {}): Promise<number> {
  const scope = db.openScope({ timeoutMs: Number.POSITIVE_INFINITY, requestId: 'search-forms' });
  const [marker] = await scope.read('search/forms-version', {}, versionRow);
  if (marker?.version === searchFormsVersion) return 0;
  let after = '';
  let rewritten = 0;
  for (;;) {
    const page = await scope.read('search/forms-page', { after, limit: neo4j.int(pageSize) }, formsPageRow);
    if (page.length === 0) break;
    const rows = page.flatMap(({ id, label, props }) => {
      // Conflicts are not searched (validate.ts entityRow gives them no forms).
      if (!isEntityLabel(label) || label === 'Conflict') return [];
      const forms = searchForms(label, id, props);
      return [
        {
          id,
          nameKey: forms.nameKey,
          searchText: forms.searchText,
          searchVariants: forms.searchVariants || null,
          searchDetails: forms.searchDetails || null,
        },
      ];
    });
    await db.write('search/forms-write', { rows });
    rewritten += page.length;
    after = page[page.length - 1]?.id ?? after;
    if (rewritten % (pageSize * 50) === 0) onNotice(`search forms: ${rewritten} entities rewritten`);
  }
  await db.write('search/forms-mark', { version: neo4j.int(searchFormsVersion) });
  if (rewritten > 0) onNotice(`search forms: rewrote those of ${rewritten} entities (version ${searchFormsVersion})`);
  return rewritten;
}

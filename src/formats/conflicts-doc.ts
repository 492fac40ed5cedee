/**
 * seed/CONFLICTS.md, written from the seed's conflict records (seed/data/conflicts.json) so that
 * the page a reader opens says what the graph holds: `npm run conflicts:write` writes it, and a
 * unit test fails when the committed page is not what the records give.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot, seedDataDir } from '../config.ts';

export const conflictsDocumentFile = path.join(projectRoot, 'seed', 'CONFLICTS.md');

const side = z.object({
  value: z.string().optional(),
  relation: z
    .object({ type: z.string(), from: z.string(), to: z.string(), role: z.string().optional(), title: z.string().optional() })
    .optional(),
  sources: z.array(z.string()),
  evidence: z.string(),
  basis: z.string().optional(),
});
const conflict = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  subjects: z.array(z.string()),
  sides: z.array(side),
});
const source = z.object({ id: z.string(), title: z.string() });

const conflictsFile = z.object({ conflicts: z.array(conflict) });
const sourcesFile = z.object({ sources: z.array(source) });

/** A source as the page names it: the article's number, e.g. "000" for "src-000-…". */
function shortName(id: string): string {
  return /^src-(\d+)-/.exec(id)?.[1] ?? id;
}

function sideLine(entry: z.infer<typeof side>): string {
  const what = entry.relation
    ? `\`${entry.relation.type} ${entry.relation.from} → ${entry.relation.to}\`${entry.relation.role ? ` (role \`${entry.relation.role}\`)` : ''}${entry.relation.title ? ` (title "${entry.relation.title}")` : ''}`
    : `"${entry.value ?? ''}"`;
  const cited = entry.sources.map(shortName).join(', ');
  const basis = entry.basis ? `: ${entry.basis}` : '';
  return `   - ${what}: ${entry.evidence} in ${cited}${basis}`;
}

/** The page for these records: every conflict in slug order, each side with its sources and evidence. */
export function conflictsDocument(conflictsJson: unknown, sourcesJson: unknown): string {
  const conflicts = [...conflictsFile.parse(conflictsJson).conflicts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sources = sourcesFile.parse(sourcesJson).sources;
  const lines = [
    '# Disagreements between the source articles',
    '',
    '<!-- Written by `npm run conflicts:write` from seed/data/conflicts.json; edit the records, not this page. -->',
    '',
    'Where the articles in `shared/seeds/` disagree (or one article disagrees with itself), the graph keeps every',
    'version, each with the article that gives it, and records the disagreement itself as a conflict: the',
    '`conflicts` query lists them (docs/data-model.md, "Conflicts"). Each side below is a competing value or a',
    'competing relationship, with its evidence and its articles. Articles:',
    '',
    ...sources.map((entry) => `- \`${entry.id}\` (${shortName(entry.id)}): ${entry.title}`),
    '',
    `## ${conflicts.length} conflicts`,
    '',
  ];
  conflicts.forEach((entry, index) => {
    lines.push(`${index + 1}. **${entry.name}** (\`${entry.id}\`)`);
    lines.push(`   ${entry.description}`);
    lines.push(`   - About: ${entry.subjects.map((subject) => `\`${subject}\``).join(', ')}`);
    lines.push(...entry.sides.map(sideLine));
    lines.push('');
  });
  lines.push(
    '## Not conflicts',
    '',
    '- Name variants inside one article (the ISPCP is named three ways in 003) are aliases of one record.',
    "- Where an article differs from outside knowledge (the GNSO's and the ITU's official names, the official name of",
    "  Vietnam), the official form is an alias marked EXTERNAL in the record's provenance; seed/AUDIT.md lists the",
    '  claims that are inferred or external rather than stated.',
    '',
  );
  return lines.join('\n');
}

/** The page as the seed folder's records give it now. */
export async function currentConflictsDocument(folder = seedDataDir): Promise<string> {
  const read = async (name: string): Promise<unknown> => JSON.parse(await readFile(path.join(folder, name), 'utf8'));
  return conflictsDocument(await read('conflicts.json'), await read('sources.json'));
}

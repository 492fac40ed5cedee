import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SeedGraph } from '../../domain/graph.ts';
import type { Database } from '../database.ts';

/**
 * Renames: the redirect every slug lookup follows is an entity's `formerSlugs`
 * (cypher/schema/006-former-slugs.cypher, queries/entities-by-id). Seed records list the slugs
 * their entity had before; this brings a database loaded before such a rename up to date.
 */

export interface Rename {
  from: string;
  to: string;
}

/** Every (former slug → slug) pair the records of a graph declare. */
export function renamesIn(graph: SeedGraph): Rename[] {
  return graph.nodes.flatMap((node) => {
    const former = node.props.formerSlugs;
    return Array.isArray(former) ? former.map((from) => ({ from, to: node.id })) : [];
  });
}

const renamedRow = z.object({ from: z.string(), to: z.string(), rekeyed: z.number() });

/**
 * Renames the stored entities whose slug a record now lists as former (and whose new slug is
 * free), in one transaction, keeping the old slug as a redirect. Returns what was renamed:
 * nothing on a database that has no old slugs, so it is safe before every load.
 */
export async function renameStoredEntities(db: Database, renames: readonly Rename[], by: string): Promise<Rename[]> {
  if (renames.length === 0) return [];
  const rows = await db.writeTransaction((tx) =>
    tx.run('curation/rename-entities', { renames: renames.map(({ from, to }) => ({ from, to })), by, operation: randomUUID() }),
  );
  return rows.map((row) => {
    const { from, to } = renamedRow.parse(row);
    return { from, to };
  });
}

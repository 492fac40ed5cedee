/**
 * What this server's API offers beyond what the explorer needs: evidence kinds on edges and
 * conflicts as data are being added to the schema. The explorer asks the server to validate a
 * document that uses them (skipped, so nothing runs) and shows them only where it accepts it.
 */
import type { GraphQLClient } from './client.ts';
import { type Documents, documents, evidenceProbeDocument } from './documents.ts';

export interface Capabilities {
  evidence: boolean;
  conflicts: boolean;
}

export interface Api {
  capabilities: Capabilities;
  documents: Documents;
}

export async function discoverApi(client: GraphQLClient): Promise<Api> {
  const evidence = await client.accepts(evidenceProbeDocument, {});
  const chosen = documents({ evidence });
  const conflicts = await client.accepts(chosen.conflicts, { id: 'probe', run: false });
  return { capabilities: { evidence, conflicts }, documents: chosen };
}

import { z } from 'zod';
import type { ReadScope } from '../read-scope.ts';

const serverInfoRow = z.object({ name: z.string(), version: z.string(), edition: z.string() });
export type ServerInfoRow = z.infer<typeof serverInfoRow>;

export async function readServerInfo(scope: ReadScope): Promise<ServerInfoRow> {
  const [row] = await scope.read('queries/server-info', {}, serverInfoRow);
  if (!row) throw new Error('dbms.components() returned no row');
  return row;
}

import type { Database, RoundTripCounter } from '../database.ts';

export interface ServerInfoRow {
  name: string;
  version: string;
  edition: string;
}

export async function readServerInfo(db: Database, counter?: RoundTripCounter): Promise<ServerInfoRow> {
  const [row] = await db.read<ServerInfoRow>('queries/server-info', {}, counter);
  if (!row) throw new Error('dbms.components() returned no row');
  return row;
}

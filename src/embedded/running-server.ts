import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The embedded store admits one process at a time, so a server that owns it says where its
 * Bolt connector listens, in the data folder; the command-line tools connect there instead of
 * failing on the store's lock.
 */
const fileName = 'govgraph-server.json';

const publishedServer = z.object({ uri: z.string().regex(/^bolt:\/\//), pid: z.number().int().positive() });
export type PublishedServer = z.infer<typeof publishedServer>;

const fileIn = (dataDir: string) => path.join(dataDir, fileName);

export function publishRunningServer(dataDir: string, uri: string): void {
  const file = fileIn(dataDir);
  const draft = `${file}.${process.pid}.tmp`;
  writeFileSync(draft, JSON.stringify({ uri, pid: process.pid } satisfies PublishedServer));
  // A reader sees the old file or the new one, never half of one.
  renameSync(draft, file);
}

/** Removes the file, unless another process has published since (it is theirs then). */
export function withdrawRunningServer(dataDir: string): void {
  if (findRunningServer(dataDir)?.pid === process.pid) rmSync(fileIn(dataDir), { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user, which still holds the store.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/** The server that owns this data folder's store, if one is running; a stale file is ignored. */
export function findRunningServer(dataDir: string): PublishedServer | undefined {
  let text: string;
  try {
    text = readFileSync(fileIn(dataDir), 'utf8');
  } catch {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const found = publishedServer.safeParse(parsed);
  return found.success && isAlive(found.data.pid) ? found.data : undefined;
}

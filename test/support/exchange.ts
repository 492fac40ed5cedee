import { execFile } from 'node:child_process';
import { inject } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { type ExportRequest, exportScope, startExport } from '../../src/services/export/export.ts';

/** The test database's connection, for child processes (the command-line tools, the server). */
export function neo4jEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const settings = inject('neo4j');
  return {
    ...process.env,
    NEO4J_URI: settings.uri,
    NEO4J_USERNAME: settings.username,
    NEO4J_PASSWORD: settings.password,
    NEO4J_DATABASE: settings.database,
    ...extra,
  };
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node <script> …args` from the project root against the test database, to its end. */
export function runScript(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { cwd: projectRoot, env: neo4jEnv(env), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/** An export, in-process, as one string. */
export async function exportText(db: Database, request: ExportRequest): Promise<string> {
  const reads = db.openScope({ timeoutMs: 60_000 });
  const stream = await startExport(reads, request, await exportScope(reads, request));
  let text = '';
  for await (const chunk of stream.chunks) text += chunk;
  return text;
}

async function rows<R>(db: Database, text: string): Promise<R[]> {
  const { records } = await db.driver.executeQuery(text, {}, { database: db.name, routing: 'READ' });
  return records.map((record) => record.toObject() as R);
}

/**
 * Everything the database holds, properties included, and the number of change records: equal
 * before and after shows that something left no trace at all.
 */
export async function snapshot(db: Database): Promise<unknown> {
  return {
    nodes: await rows(
      db,
      'MATCH (n) WHERE NOT n:Change RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id, n._load, n._kind',
    ),
    relations: await rows(
      db,
      'MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to, r.key',
    ),
    changes: await rows(db, 'MATCH (c:Change) RETURN count(c) AS n'),
  };
}

/** What a journaled load leaves while it is open: its :SeedLoad, its undo records, its marks. */
export async function journalLeft(db: Database): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    'RETURN COUNT { (:SeedLoad) } + COUNT { (:SeedUndo) } + COUNT { (n:Entity) WHERE n._seedLoad IS NOT NULL } AS n',
  );
  return Number(row?.n);
}

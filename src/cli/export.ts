import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/open.ts';
import type { CsvPart } from '../services/export/csv-write.ts';
import { ExportNotFoundError, ExportRequestError, exportRequest, exportScope, maxDepth, startExport } from '../services/export/export.ts';
import { failCommand } from './failure.ts';

const usage = `usage: npm run export -- [options]

Writes the graph in one of three formats:
  json      one file of the seed format: every collection, records by slug, relations by
            type, from, to, role and title; "npm run import" reads it back
  csv       two files, nodes.csv (entities) and edges.csv (relations), with the columns
            "npm run import" reads
  graphml   one file for Gephi, Cytoscape, yEd or networkx

Uses NEO4J_URI when set, otherwise the embedded database in GOVGRAPH_DATA_DIR: the one a running
"npm start" serves, or else started here for the command's length.

options:
  --format json|csv|graphml   (default json)
  --out PATH                  the file to write (default: standard output); for csv without
                              --part, the folder for nodes.csv and edges.csv (default: .)
  --part nodes|edges          csv only: write just one of the two files
  --around SLUG               only this entity's neighbourhood: the entities within --depth
                              hops, the relations among them, and the sources they cite
  --depth N                   1 to ${maxDepth} (default 1)`;

const log = (line: string) => process.stderr.write(`export: ${line}\n`);

/** Writes with backpressure: a page at a time reaches the disk, never the whole graph. */
async function writeAll(chunks: AsyncIterable<string>, out: NodeJS.WritableStream): Promise<void> {
  for await (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
}

/** Into `<file>.partial` first: a failed export leaves no file that looks complete. */
async function writeFile(chunks: AsyncIterable<string>, file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  try {
    await writeAll(chunks, out);
    out.end();
    await once(out, 'finish');
    await rename(partial, file);
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      help: { type: 'boolean', short: 'h' },
      format: { type: 'string' },
      out: { type: 'string' },
      part: { type: 'string' },
      around: { type: 'string' },
      depth: { type: 'string' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const request = exportRequest(values, { csvPartRequired: false });
  const config = loadConfig();
  const { db, close } = await openDatabase(config, log, 'tool');
  try {
    const started = performance.now();
    const reads = db.openScope({ timeoutMs: Number.POSITIVE_INFINITY, requestId: 'export' });
    const scope = await exportScope(reads, request);
    const parts: (CsvPart | undefined)[] = request.format === 'csv' && !request.part ? ['nodes', 'edges'] : [request.part];
    const written = { entities: 0, relations: 0 };
    const places: string[] = [];
    for (const part of parts) {
      const stream = await startExport(reads, request, scope, part);
      if (request.format === 'csv' && !request.part) {
        const file = path.join(values.out ?? '.', `${part}.csv`);
        await writeFile(stream.chunks, file);
        places.push(file);
      } else if (values.out !== undefined) {
        await writeFile(stream.chunks, values.out);
        places.push(values.out);
      } else {
        await writeAll(stream.chunks, process.stdout);
        places.push('standard output');
      }
      written.entities += stream.tally.entities;
      written.relations += stream.tally.relations;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(`wrote ${written.entities} entities and ${written.relations} relations to ${places.join(' and ')} in ${seconds} s`);
    if (written.entities === 0 && !request.around) {
      log(
        'the database holds no entity: it is empty or was never seeded (npm start seeds it on first start; npm run seed loads seed/data/)',
      );
    }
  } finally {
    await close();
  }
}

main().catch((error: unknown) => failCommand(log, error, [ExportRequestError, ExportNotFoundError]));

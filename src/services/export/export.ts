/**
 * An export as a stream of text: which format, which part of the graph, under what file name.
 * The command line (cli/export.ts) writes it to files, GET /export (http/exchange/export-route.ts) to the
 * response; both check their parameters with exportRequest.
 */
import type { ReadScope } from '../../db/read-scope.ts';
import { loadEntitiesById } from '../../db/repositories/entities.ts';
import { type ExportScope, findNeighbourhood, wantedFor } from '../../db/repositories/exchange.ts';
import { BadRequestError, NotFoundError } from '../../domain/errors.ts';
import { slugPattern } from '../../domain/rules.ts';
import { type CsvPart, csvChunks } from './csv-write.ts';
import { graphmlChunks } from './graphml.ts';
import { jsonChunks } from './json-write.ts';

export const exportFormats = ['json', 'csv', 'graphml'] as const;
export type ExportFormat = (typeof exportFormats)[number];
export const csvParts = ['nodes', 'edges'] as const;

/** How many records an export wrote so far. */
export interface ExportTally {
  entities: number;
  relations: number;
}

export interface ExportRequest {
  format: ExportFormat;
  /** Which of the two CSV files; only with format csv. */
  part?: CsvPart;
  /** Only this actor's neighbourhood, `depth` hops deep. */
  around?: { slug: string; depth: number };
}

/** A parameter that cannot be used, in words for the user. */
export class ExportRequestError extends BadRequestError {}

/** No entity has the slug an export was asked to start from. */
export class ExportNotFoundError extends NotFoundError {}

export const maxDepth = 3;

/** Checks raw parameters (command-line options or a query string); `csvPartRequired` for HTTP, where one answer is one file. */
export function exportRequest(
  given: { format?: string | undefined; part?: string | undefined; around?: string | undefined; depth?: string | undefined },
  options: { csvPartRequired: boolean },
): ExportRequest {
  const format = given.format ?? 'json';
  if (!(exportFormats as readonly string[]).includes(format)) {
    throw new ExportRequestError(`unknown format "${format}"; the formats are ${exportFormats.join(', ')}`);
  }
  const request: ExportRequest = { format: format as ExportFormat };
  if (given.part !== undefined) {
    if (format !== 'csv') throw new ExportRequestError('part applies to the csv format only');
    if (!(csvParts as readonly string[]).includes(given.part))
      throw new ExportRequestError(`unknown part "${given.part}"; the parts are nodes and edges`);
    request.part = given.part as CsvPart;
  } else if (format === 'csv' && options.csvPartRequired) {
    throw new ExportRequestError('the csv format is two files: ask for part=nodes (the entities) or part=edges (the relations)');
  }
  if (given.around === undefined) {
    if (given.depth !== undefined) throw new ExportRequestError('depth applies only with around (the slug of the entity to start from)');
    return request;
  }
  if (!slugPattern.test(given.around))
    throw new ExportRequestError(`around must be an entity's slug, e.g. "msk-ix"; got "${given.around}"`);
  const depth = given.depth === undefined ? 1 : Number(given.depth);
  if (!Number.isInteger(depth) || depth < 1 || depth > maxDepth) {
    throw new ExportRequestError(`depth must be a whole number from 1 to ${maxDepth}; got "${given.depth}"`);
  }
  request.around = { slug: given.around, depth };
  return request;
}

export interface ExportStream {
  chunks: AsyncGenerator<string>;
  tally: ExportTally;
  contentType: string;
  fileName: string;
}

const contentTypes: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  graphml: 'application/graphml+xml; charset=utf-8',
};

export function exportFileName(request: ExportRequest, part = request.part): string {
  const around = request.around ? `-${request.around.slug}-depth-${request.around.depth}` : '';
  const extension = request.format === 'csv' ? `${part === 'edges' ? '-edges' : '-nodes'}.csv` : `.${request.format}`;
  return `govgraph${around}${extension}`;
}

/**
 * The part of the graph a request asks for: null for the whole graph. Found before anything
 * is written, so an unknown slug fails here (ExportNotFoundError), not halfway through a stream.
 */
export async function exportScope(reads: ReadScope, request: ExportRequest, maxEntities?: number): Promise<ExportScope> {
  if (!request.around) return null;
  // Through the API's one resolution of a slug (queries/entities-by-id): a former slug of a
  // renamed or merged entity names the entity it redirects to, here as in every reference.
  const [entity] = await loadEntitiesById(reads, [request.around.slug]);
  const scope = entity ? await findNeighbourhood(reads, entity.id, request.around.depth, undefined, maxEntities) : null;
  if (!scope) throw new ExportNotFoundError(`no entity has the slug "${request.around.slug}"`);
  return scope;
}

/** The export of `scope` (see exportScope) as text chunks; `part` picks one of the CSV files. */
export async function startExport(
  reads: ReadScope,
  request: ExportRequest,
  scope: ExportScope,
  part = request.part,
): Promise<ExportStream> {
  const wanted = await wantedFor(reads, scope);
  const tally: ExportTally = { entities: 0, relations: 0 };
  const chunks =
    request.format === 'json'
      ? jsonChunks(reads, scope, wanted, tally)
      : request.format === 'graphml'
        ? graphmlChunks(reads, scope, wanted, tally)
        : csvChunks(reads, scope, wanted, part ?? 'nodes', tally);
  return { chunks, tally, contentType: contentTypes[request.format], fileName: exportFileName(request, part) };
}

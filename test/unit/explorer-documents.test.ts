import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schemaFile } from '../../src/cli/print-schema.ts';
import { defaultQueryLimits, projectRoot } from '../../src/config.ts';
import { operationCost } from '../../src/schema/cost.ts';
import { schema } from '../../src/schema/index.ts';

// The explorer's reading documents, joined with their fragments as api/documents.ts joins them
// (the browser bundles them as text), with the largest variables the explorer sends
// (explorer-api.ts). A document over the cost limit is refused whole, and the explorer then
// shows nothing where it should show something: its conflicts asked for 50 a page and were
// refused on every entity (69,751 against 50,000) until this test.

const folder = path.join(projectRoot, 'src/web/browser/explorer/api/documents');
const read = (name: string) => readFileSync(path.join(folder, `${name}.graphql`), 'utf8');
const id = Buffer.from('Tld:tld-su').toString('base64');

const reads = (edgeFields: string) => ({
  search: { text: [read('search'), read('entity-summary')], variables: { query: 'icann', first: 10 } },
  neighborhood: {
    text: [read('neighborhood'), read('entity-summary'), edgeFields, read('source-summary')],
    variables: { id, depth: 3, first: 200 },
  },
  entities: { text: [read('entities'), read('entity-summary')], variables: { ids: Array.from({ length: 200 }, () => id) } },
  paths: {
    text: [read('paths'), read('entity-summary'), edgeFields, read('source-summary')],
    // Six when the reader asks to look farther (model/view.ts, pathHops); countries left out.
    variables: { from: id, to: id, maxHops: 6, excludeTypes: ['COUNTRY'] },
  },
  entity: { text: [read('entity'), read('entity-summary'), read('source-summary')], variables: { id } },
  conflicts: { text: [read('conflicts'), read('source-summary'), edgeFields], variables: { id, run: true } },
  sourceSupports: { text: [read('source-supports'), read('entity-summary')], variables: { id } },
  // A source's neighbours: the first 100 records it is cited for, relationships with both ends.
  sourceNeighbourhood: {
    text: [read('source-neighbourhood'), read('entity-summary'), edgeFields, read('source-summary')],
    variables: { id },
  },
  // The ingestion page's reads (ingest-api.ts): a stored source, and its proposals 100 a page.
  ingestedSource: { text: [read('ingested-source'), read('ingest-mention'), read('entity-summary')], variables: { slug: 'src-x' } },
  proposals: {
    text: [read('ingest-proposals'), read('ingest-proposal'), read('entity-summary')],
    variables: { source: 'src-x', first: 100, after: null },
  },
});

describe("the explorer's documents", () => {
  const printed = buildSchema(readFileSync(schemaFile, 'utf8'));
  for (const [variant, edgeFields] of [
    ['with evidence', read('edge-with-evidence')],
    ['without evidence', read('edge')],
  ] as const) {
    it.each(Object.entries(reads(edgeFields)))(`%s (${variant}) is valid and costs less than the limit`, (_name, { text, variables }) => {
      const document = parse(text.join('\n'));
      expect(validate(printed, document).map((error) => error.message)).toEqual([]);
      const cost = operationCost(schema, document, variables, null, {});
      expect(cost).not.toBeNull();
      expect(cost ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(defaultQueryLimits.cost);
    });
  }
});

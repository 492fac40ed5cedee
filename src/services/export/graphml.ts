/**
 * The GraphML export, for Gephi, Cytoscape, yEd and networkx: every entity a node (its slug is
 * the node id), every relationship a directed edge, each field a declared attribute. GraphML
 * has no lists: list fields are written as in CSV (`|`-separated), claims as JSON.
 */
import type { ReadScope } from '../../db/read-scope.ts';
import { type ExportScope, entityPages, relationPages, type Wanted } from '../../db/repositories/exchange.ts';
import { encodeCell } from '../../formats/csv-cells.ts';
import { edgeColumns, entityCollectionFields, type FieldKind, fieldKind, nodeColumns } from '../../formats/fields.ts';
import { type EntityProperties, entityRecord, relationRecord, type SeedRecord } from '../../formats/records.ts';
import type { ExportTally } from './export.ts';

interface Key {
  id: string;
  name: string;
}

const attributeTypes: Record<FieldKind, string> = { text: 'string', list: 'string', json: 'string', boolean: 'boolean', number: 'int' };

// Key ids are prefixed: nodes and edges share some attribute names (sources, date …), and a
// GraphML key id must be unique in the document.
const nodeKeys: Key[] = nodeColumns.filter((column) => column !== 'id').map((name) => ({ id: `n_${name}`, name }));
const edgeKeys: Key[] = ['type', ...edgeColumns.filter((column) => !['type', 'from', 'to'].includes(column))].map((name) => ({
  id: `e_${name}`,
  name,
}));

// XML 1.0 cannot carry most control characters even as references, nor half a surrogate pair.
const notInXml =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding the control characters XML cannot carry is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(notInXml, '\uFFFD')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll('\r', '&#13;');
}

function data(keys: readonly Key[], record: SeedRecord): string {
  let text = '';
  for (const key of keys) {
    const value = encodeCell(key.name, record[key.name]);
    if (value !== '') text += `\n      <data key="${key.id}">${escapeXml(value)}</data>`;
  }
  return text;
}

function keyDeclarations(kind: 'node' | 'edge', keys: readonly Key[]): string {
  return keys
    .map((key) => `  <key id="${key.id}" for="${kind}" attr.name="${key.name}" attr.type="${attributeTypes[fieldKind(key.name)]}"/>\n`)
    .join('');
}

/** A source's title is its display name: stored as `name`, though not a field of its record. */
function nodeRecord(entity: EntityProperties): SeedRecord {
  const record = entityRecord(entity);
  return { label: entity.label, ...record, name: record.name ?? entity.props.name };
}

export async function* graphmlChunks(reads: ReadScope, scope: ExportScope, wanted: Wanted, tally: ExportTally): AsyncGenerator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
    keyDeclarations('node', nodeKeys) +
    keyDeclarations('edge', edgeKeys) +
    '  <graph id="govgraph" edgedefault="directed">\n';
  for (const { label } of entityCollectionFields) {
    if (!wanted.labels.includes(label)) continue;
    for await (const page of entityPages(reads, scope, label)) {
      tally.entities += page.length;
      yield page
        .map((entity) => {
          const record = nodeRecord(entity);
          return `    <node id="${escapeXml(String(record.id))}">${data(nodeKeys, record)}\n    </node>\n`;
        })
        .join('');
    }
  }
  for (const type of wanted.types) {
    for await (const page of relationPages(reads, scope, type)) {
      tally.relations += page.length;
      yield page
        .map((relation) => {
          const record = relationRecord(relation);
          return `    <edge source="${escapeXml(relation.from)}" target="${escapeXml(relation.to)}">${data(edgeKeys, record)}\n    </edge>\n`;
        })
        .join('');
    }
  }
  yield '  </graph>\n</graphml>\n';
}

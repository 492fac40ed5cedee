/**
 * The view in the three exchange formats, laid out as /export lays out the whole graph: JSON
 * collections, two CSV files (entities, relations) with lists `|`-separated, and GraphML with
 * slugs as node ids and every field a declared attribute.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { Visible } from '../model/view.ts';
import { collections, type ExchangeRecord, viewRecords } from './view-records.ts';

export function viewJson(visible: Visible): string {
  const { entities, sources, relations } = viewRecords(visible);
  const document: Record<string, ExchangeRecord[]> = {};
  for (const [label, collection] of collections) {
    document[collection] =
      label === 'Source' ? sources : entities.filter((entity) => entity.label === label).map((entity) => entity.record);
  }
  for (const entity of entities) {
    if (collections.some(([label]) => label === entity.label)) continue;
    // A kind this explorer does not know yet gets a collection of its own name.
    document[entity.label] = [...(document[entity.label] ?? []), entity.record];
  }
  document.relations = relations;
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** A cell as the CSV export writes it: lists `|`-separated (escaped with `\`), objects as JSON. */
function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((item) => String(item).replaceAll('\\', '\\\\').replaceAll('|', '\\|')).join('|');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function columnsOf(records: readonly ExchangeRecord[], head: readonly string[]): string[] {
  const columns = [...head];
  for (const record of records) for (const field of Object.keys(record)) if (!columns.includes(field)) columns.push(field);
  return columns;
}

function csv(columns: readonly string[], records: readonly ExchangeRecord[]): string {
  return stringify([[...columns], ...records.map((record) => columns.map((column) => cell(record[column])))], { record_delimiter: 'unix' });
}

export function viewCsvEntities(visible: Visible): string {
  const rows = viewRecords(visible).entities.map((entity) => ({ label: entity.label, ...entity.record }));
  return csv(['label', 'id', 'name'], rows);
}

export function viewCsvRelations(visible: Visible): string {
  const { relations } = viewRecords(visible);
  return csv(columnsOf(relations, ['type', 'from', 'to']), relations);
}

// XML 1.0 cannot carry most control characters, even as references.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the characters XML cannot carry is the point.
const notInXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const xml = (text: string) =>
  text.replace(notInXml, '\uFFFD').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export function viewGraphml(visible: Visible): string {
  const { entities, relations } = viewRecords(visible);
  const nodeKeys = ['label', 'name'];
  const edgeKeys = columnsOf(relations, ['type']).filter((column) => column !== 'from' && column !== 'to');
  const data = (prefix: string, keys: readonly string[], record: ExchangeRecord) =>
    keys
      .map((key) => [key, cell(record[key])] as const)
      .filter(([, value]) => value !== '')
      .map(([key, value]) => `\n      <data key="${prefix}_${xml(key)}">${xml(value)}</data>`)
      .join('');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...nodeKeys.map((key) => `  <key id="n_${key}" for="node" attr.name="${key}" attr.type="string"/>`),
    ...edgeKeys.map((key) => `  <key id="e_${xml(key)}" for="edge" attr.name="${xml(key)}" attr.type="string"/>`),
    '  <graph id="govgraph-view" edgedefault="directed">',
    ...entities.map(
      (entity) =>
        `    <node id="${xml(String(entity.record.id))}">${data('n', nodeKeys, { label: entity.label, ...entity.record })}\n    </node>`,
    ),
    ...relations.map(
      (relation) =>
        `    <edge source="${xml(String(relation.from))}" target="${xml(String(relation.to))}">${data('e', edgeKeys, relation)}\n    </edge>`,
    ),
    '  </graph>',
    '</graphml>',
  ];
  return `${lines.join('\n')}\n`;
}

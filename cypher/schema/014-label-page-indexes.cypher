// Root lists read their page through an index of the entity's own label, not through one on
// :Entity whose keys begin with the label (002, 012). The same rows in the same order, from an
// index that holds only that label's entities and keys without the label's name in front of each:
// Q2's statement at 1M entities (events of a kind in a date range, with totalCount) cost Neo4j
// 7.13 CPU-ms per request through (label, kind, dateFrom, id, dateTo) and 5.63 through
// :Event(kind, dateFrom, id, dateTo), the statement otherwise unchanged (medians of 5 rounds of a
// replay, bench/results/2026-12-04-label-indexes.md). Reading by slug uses each label's
// uniqueness constraint (001). A label without kinds leaves its kind indexes empty: the kind
// filter is accepted on every list, so every label has them.
//
// (label, dateFrom, id) and (label, id) stay: the timeline reads several labels by date through
// the first, the export and the conflicts list read by slug through the second.
CREATE INDEX source_page_name IF NOT EXISTS FOR (n:Source) ON (n.nameKey, n.id);
CREATE INDEX source_page_date IF NOT EXISTS FOR (n:Source) ON (n.dateFrom, n.id);
CREATE INDEX source_page_kind_name IF NOT EXISTS FOR (n:Source) ON (n.kind, n.nameKey, n.id);
CREATE INDEX source_page_kind_id IF NOT EXISTS FOR (n:Source) ON (n.kind, n.id);
CREATE INDEX source_page_kind_date IF NOT EXISTS FOR (n:Source) ON (n.kind, n.dateFrom, n.id, n.dateTo);
CREATE INDEX organization_page_name IF NOT EXISTS FOR (n:Organization) ON (n.nameKey, n.id);
CREATE INDEX organization_page_date IF NOT EXISTS FOR (n:Organization) ON (n.dateFrom, n.id);
CREATE INDEX organization_page_kind_name IF NOT EXISTS FOR (n:Organization) ON (n.kind, n.nameKey, n.id);
CREATE INDEX organization_page_kind_id IF NOT EXISTS FOR (n:Organization) ON (n.kind, n.id);
CREATE INDEX organization_page_kind_date IF NOT EXISTS FOR (n:Organization) ON (n.kind, n.dateFrom, n.id, n.dateTo);
CREATE INDEX person_page_name IF NOT EXISTS FOR (n:Person) ON (n.nameKey, n.id);
CREATE INDEX person_page_date IF NOT EXISTS FOR (n:Person) ON (n.dateFrom, n.id);
CREATE INDEX person_page_kind_name IF NOT EXISTS FOR (n:Person) ON (n.kind, n.nameKey, n.id);
CREATE INDEX person_page_kind_id IF NOT EXISTS FOR (n:Person) ON (n.kind, n.id);
CREATE INDEX person_page_kind_date IF NOT EXISTS FOR (n:Person) ON (n.kind, n.dateFrom, n.id, n.dateTo);
CREATE INDEX tld_page_name IF NOT EXISTS FOR (n:Tld) ON (n.nameKey, n.id);
CREATE INDEX tld_page_date IF NOT EXISTS FOR (n:Tld) ON (n.dateFrom, n.id);
CREATE INDEX tld_page_kind_name IF NOT EXISTS FOR (n:Tld) ON (n.kind, n.nameKey, n.id);
CREATE INDEX tld_page_kind_id IF NOT EXISTS FOR (n:Tld) ON (n.kind, n.id);
CREATE INDEX tld_page_kind_date IF NOT EXISTS FOR (n:Tld) ON (n.kind, n.dateFrom, n.id, n.dateTo);
CREATE INDEX memorandum_page_name IF NOT EXISTS FOR (n:Memorandum) ON (n.nameKey, n.id);
CREATE INDEX memorandum_page_date IF NOT EXISTS FOR (n:Memorandum) ON (n.dateFrom, n.id);
CREATE INDEX memorandum_page_kind_name IF NOT EXISTS FOR (n:Memorandum) ON (n.kind, n.nameKey, n.id);
CREATE INDEX memorandum_page_kind_id IF NOT EXISTS FOR (n:Memorandum) ON (n.kind, n.id);
CREATE INDEX memorandum_page_kind_date IF NOT EXISTS FOR (n:Memorandum) ON (n.kind, n.dateFrom, n.id, n.dateTo);
CREATE INDEX event_page_name IF NOT EXISTS FOR (n:Event) ON (n.nameKey, n.id);
CREATE INDEX event_page_date IF NOT EXISTS FOR (n:Event) ON (n.dateFrom, n.id);
CREATE INDEX event_page_kind_name IF NOT EXISTS FOR (n:Event) ON (n.kind, n.nameKey, n.id);
CREATE INDEX event_page_kind_id IF NOT EXISTS FOR (n:Event) ON (n.kind, n.id);
CREATE INDEX event_page_kind_date IF NOT EXISTS FOR (n:Event) ON (n.kind, n.dateFrom, n.id, n.dateTo);
CREATE INDEX body_page_name IF NOT EXISTS FOR (n:Body) ON (n.nameKey, n.id);
CREATE INDEX body_page_date IF NOT EXISTS FOR (n:Body) ON (n.dateFrom, n.id);
CREATE INDEX body_page_kind_name IF NOT EXISTS FOR (n:Body) ON (n.kind, n.nameKey, n.id);
CREATE INDEX body_page_kind_id IF NOT EXISTS FOR (n:Body) ON (n.kind, n.id);
CREATE INDEX body_page_kind_date IF NOT EXISTS FOR (n:Body) ON (n.kind, n.dateFrom, n.id, n.dateTo);
CREATE INDEX document_page_name IF NOT EXISTS FOR (n:Document) ON (n.nameKey, n.id);
CREATE INDEX document_page_date IF NOT EXISTS FOR (n:Document) ON (n.dateFrom, n.id);
CREATE INDEX document_page_kind_name IF NOT EXISTS FOR (n:Document) ON (n.kind, n.nameKey, n.id);
CREATE INDEX document_page_kind_id IF NOT EXISTS FOR (n:Document) ON (n.kind, n.id);
CREATE INDEX document_page_kind_date IF NOT EXISTS FOR (n:Document) ON (n.kind, n.dateFrom, n.id, n.dateTo);
CREATE INDEX topic_page_name IF NOT EXISTS FOR (n:Topic) ON (n.nameKey, n.id);
CREATE INDEX topic_page_date IF NOT EXISTS FOR (n:Topic) ON (n.dateFrom, n.id);
CREATE INDEX topic_page_kind_name IF NOT EXISTS FOR (n:Topic) ON (n.kind, n.nameKey, n.id);
CREATE INDEX topic_page_kind_id IF NOT EXISTS FOR (n:Topic) ON (n.kind, n.id);
CREATE INDEX topic_page_kind_date IF NOT EXISTS FOR (n:Topic) ON (n.kind, n.dateFrom, n.id, n.dateTo);
CREATE INDEX country_page_name IF NOT EXISTS FOR (n:Country) ON (n.nameKey, n.id);
CREATE INDEX country_page_date IF NOT EXISTS FOR (n:Country) ON (n.dateFrom, n.id);
CREATE INDEX country_page_kind_name IF NOT EXISTS FOR (n:Country) ON (n.kind, n.nameKey, n.id);
CREATE INDEX country_page_kind_id IF NOT EXISTS FOR (n:Country) ON (n.kind, n.id);
CREATE INDEX country_page_kind_date IF NOT EXISTS FOR (n:Country) ON (n.kind, n.dateFrom, n.id, n.dateTo);
CREATE INDEX statement_page_name IF NOT EXISTS FOR (n:Statement) ON (n.nameKey, n.id);
CREATE INDEX statement_page_date IF NOT EXISTS FOR (n:Statement) ON (n.dateFrom, n.id);
CREATE INDEX statement_page_kind_name IF NOT EXISTS FOR (n:Statement) ON (n.kind, n.nameKey, n.id);
CREATE INDEX statement_page_kind_id IF NOT EXISTS FOR (n:Statement) ON (n.kind, n.id);
CREATE INDEX statement_page_kind_date IF NOT EXISTS FOR (n:Statement) ON (n.kind, n.dateFrom, n.id, n.dateTo);
CREATE INDEX conflict_page_name IF NOT EXISTS FOR (n:Conflict) ON (n.nameKey, n.id);
CREATE INDEX conflict_page_date IF NOT EXISTS FOR (n:Conflict) ON (n.dateFrom, n.id);
CREATE INDEX conflict_page_kind_name IF NOT EXISTS FOR (n:Conflict) ON (n.kind, n.nameKey, n.id);
CREATE INDEX conflict_page_kind_id IF NOT EXISTS FOR (n:Conflict) ON (n.kind, n.id);
CREATE INDEX conflict_page_kind_date IF NOT EXISTS FOR (n:Conflict) ON (n.kind, n.dateFrom, n.id, n.dateTo);
// What the indexes above replace. A store that has not applied 002 and 012 yet never builds them.
DROP INDEX entity_label_name IF EXISTS;
DROP INDEX entity_label_kind_date IF EXISTS;
DROP INDEX entity_label_kind_name IF EXISTS;
DROP INDEX entity_label_kind_id IF EXISTS;

// Range indexes on what researchers filter and order by. Dates are stored twice: the partial
// date as written ("2021-02") and its first and last possible days (dateFrom, dateTo) for ranges.
// Every entity also stores its label as a property: these three composite indexes then serve
// the list pages of every type ordered by name, by date within a date range, or by slug, read
// in index order from the keyset cursor (queries/entity-page, src/db/entity-page-slots.ts).
CREATE INDEX entity_label_name IF NOT EXISTS FOR (n:Entity) ON (n.label, n.nameKey, n.id);
CREATE INDEX entity_label_date IF NOT EXISTS FOR (n:Entity) ON (n.label, n.dateFrom, n.id);
CREATE INDEX entity_label_id IF NOT EXISTS FOR (n:Entity) ON (n.label, n.id);
// Lists of one kind by date (events of a kind in a date range): the rows of that kind in date
// order, and dateTo at the end so that a date range is counted from the index alone
// (queries/entity-page, read 'kind-date').
CREATE INDEX entity_label_kind_date IF NOT EXISTS FOR (n:Entity) ON (n.label, n.kind, n.dateFrom, n.id, n.dateTo);
CREATE TEXT INDEX entity_name_key_text IF NOT EXISTS FOR (n:Entity) ON (n.nameKey);
CREATE INDEX organization_kind IF NOT EXISTS FOR (n:Organization) ON (n.kind);
CREATE INDEX organization_country IF NOT EXISTS FOR (n:Organization) ON (n.country);
CREATE INDEX organization_kind_name IF NOT EXISTS FOR (n:Organization) ON (n.kind, n.nameKey);
CREATE INDEX tld_type IF NOT EXISTS FOR (n:Tld) ON (n.type);
CREATE INDEX tld_country IF NOT EXISTS FOR (n:Tld) ON (n.country);
CREATE INDEX tld_ascii IF NOT EXISTS FOR (n:Tld) ON (n.ascii);
CREATE INDEX memorandum_date_from IF NOT EXISTS FOR (n:Memorandum) ON (n.dateFrom);
CREATE INDEX event_kind IF NOT EXISTS FOR (n:Event) ON (n.kind);
CREATE INDEX event_date_from IF NOT EXISTS FOR (n:Event) ON (n.dateFrom);
CREATE INDEX body_kind IF NOT EXISTS FOR (n:Body) ON (n.kind);
CREATE INDEX document_date_from IF NOT EXISTS FOR (n:Document) ON (n.dateFrom);
CREATE INDEX country_code IF NOT EXISTS FOR (n:Country) ON (n.code);
CREATE INDEX source_date_from IF NOT EXISTS FOR (n:Source) ON (n.dateFrom);

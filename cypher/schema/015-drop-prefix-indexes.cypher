// Eight indexes of 002 whose properties begin every entry of an index of 014 on the same label:
// Organization(kind) and Organization(kind, nameKey), Event(kind), Body(kind) begin
// (kind, id) or (kind, nameKey, id); the dateFrom indexes of Memorandum, Event, Document and
// Source begin (dateFrom, id). A range index answers predicates on the first properties of its
// key alone, and every entity has an id, so the index of 014 holds every node these held and
// serves the same seeks and orders (no statement names them in a hint). They only cost: every
// load builds them and every write of those labels keeps them. A store that has not applied
// 002 yet never builds them (src/db/migrations.ts skips what a later file of the same run drops).
DROP INDEX organization_kind IF EXISTS;
DROP INDEX organization_kind_name IF EXISTS;
DROP INDEX event_kind IF EXISTS;
DROP INDEX body_kind IF EXISTS;
DROP INDEX memorandum_date_from IF EXISTS;
DROP INDEX event_date_from IF EXISTS;
DROP INDEX document_date_from IF EXISTS;
DROP INDEX source_date_from IF EXISTS;

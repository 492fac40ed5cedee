// An entity's history, Query.changes(entity:): its own changes (entityId) and those of the
// relations that start or end at it (from, to), each read from an index in log order (at, id)
// as curation/entity-changes-page seeks them. Without them a page walks the whole log: 268,101
// changes at 100k entities.
CREATE INDEX change_entity IF NOT EXISTS FOR (c:Change) ON (c.entityId, c.at, c.id);
CREATE INDEX change_from IF NOT EXISTS FOR (c:Change) ON (c.from, c.at, c.id);
CREATE INDEX change_to IF NOT EXISTS FOR (c:Change) ON (c.to, c.at, c.id);

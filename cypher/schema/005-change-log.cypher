// Every real change to an entity or relation leaves a :Change (who, when, what, which
// operation). The changes(since:) query reads them newest-last by time; a journaled load that
// fails removes its own by operation.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE;
CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at, c.id);
CREATE INDEX change_operation IF NOT EXISTS FOR (c:Change) ON (c.operation);

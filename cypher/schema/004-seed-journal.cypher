// A load too large for one transaction is journaled (src/seed/load.ts): a :SeedLoad node while
// it runs, and :SeedUndo nodes with what each batch created (ids and keys, one node per batch)
// and what it overwrote (one node per entity or relationship). These indexes let it find them
// again to finish or undo the load; entity_seed_load finds the _seedLoad marks that loads
// journaled by earlier versions left on what they created.
CREATE CONSTRAINT seed_load_id IF NOT EXISTS FOR (l:SeedLoad) REQUIRE l.id IS UNIQUE;
CREATE INDEX entity_seed_load IF NOT EXISTS FOR (n:Entity) ON (n._seedLoad);
CREATE INDEX seed_undo_load IF NOT EXISTS FOR (u:SeedUndo) ON (u._load, u._kind);

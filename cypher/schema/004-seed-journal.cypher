// A load too large for one transaction is journaled (src/seed/load.ts): a :SeedLoad node while
// it runs, a _seedLoad mark on what it created, and :SeedUndo nodes with what it overwrote.
// These indexes let it find them again to finish or undo the load.
CREATE CONSTRAINT seed_load_id IF NOT EXISTS FOR (l:SeedLoad) REQUIRE l.id IS UNIQUE;
CREATE INDEX entity_seed_load IF NOT EXISTS FOR (n:Entity) ON (n._seedLoad);
CREATE INDEX seed_undo_load IF NOT EXISTS FOR (u:SeedUndo) ON (u._load, u._kind);

// Blocks until every index is online, so the first query after a migration can use it.
CALL db.awaitIndexes(300)

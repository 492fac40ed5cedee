// Every batch of the load is written: from here on the load is kept, even if clearing the
// journal is interrupted.
MATCH (l:SeedLoad {id: $load})
SET l.committed = true

// Closes the journal once its marks and undo records are gone.
MATCH (l:SeedLoad {id: $load})
DELETE l

// Writes computed search forms back: $rows [{id, nameKey, searchText, searchVariants,
// searchDetails}], null for an empty form (which removes the property). Derived data only: no
// audit field changes and no :Change record, as the entity itself has not changed.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.nameKey = row.nameKey, n.searchText = row.searchText, n.searchVariants = row.searchVariants,
    n.searchDetails = row.searchDetails

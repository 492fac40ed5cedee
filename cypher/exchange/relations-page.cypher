// One page of one relationship type for an export: the relationships of type $type that start
// at the first $limit entities (an integer) whose slug comes after $after and that have one,
// in (from, to, key) order. Reading the entity id index in order and stopping after $limit
// entities keeps every page cheap however large the graph; an entity with many relationships
// of the type comes whole in one page, so a page never splits one entity's relationships.
MATCH (a:Entity)
WHERE a.id > $after AND EXISTS { (a)-[:$($type)]->(:Entity) }
WITH a
ORDER BY a.id
LIMIT $limit
MATCH (a)-[r:$($type)]->(b:Entity)
WITH a.id AS from, b.id AS to, r
ORDER BY from, to, r.key
// The audit times are no part of a record, and the driver is slow to decode a DATETIME.
RETURN from, to, r {.*, createdAt: null, updatedAt: null} AS props

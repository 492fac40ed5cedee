// The relationships of type $type that start at the entities $ids, in (from, to, key) order:
// a page of a neighbourhood export (the caller keeps those whose other end is in it too).
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r:$($type)]->(b:Entity)
WITH a.id AS from, b.id AS to, r
ORDER BY from, to, r.key
// The audit times are no part of a record, and the driver is slow to decode a DATETIME.
RETURN from, to, r {.*, createdAt: null, updatedAt: null} AS props

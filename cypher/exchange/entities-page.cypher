// One page of one label's entities for an export, in slug order: the first $limit (an integer)
// whose id comes after $after ('' for the first page). Every entity stores its label as a
// property, so the (label, id) index hands them over in order and the read stops after $limit
// entries, however large the graph. Without the hint, or with the range open above, the
// planner prefers the unique id index, which reads every entity after $after and sorts them.
MATCH (n:Entity)
USING INDEX SEEK n:Entity(label, id)
WHERE n.label = $label AND n.id > $after AND n.id <= '\uffff'
WITH n
ORDER BY n.label, n.id
LIMIT $limit
// The audit times are no part of a record, and the driver is slow to decode a DATETIME.
RETURN n {.*, createdAt: null, updatedAt: null} AS props

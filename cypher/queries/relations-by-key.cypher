// Relationships by their identity, for the sides of conflicts. $keys: [{key, type, from}], the
// key being type|from|to|role|title: the start is a unique-index seek, its relationships of any
// type are then compared by key (a type cannot be a parameter without expanding them all anyway).
// Missing keys return no row.
UNWIND $keys AS wanted
MATCH (a:Entity {id: wanted.from})-[r]->(b:Entity)
WHERE type(r) = wanted.type AND r.key = wanted.key
RETURN wanted.key AS key, elementId(r) AS id, type(r) AS type, a.id AS from, b.id AS to, {{include:fragments/relation-props(r)}} AS props

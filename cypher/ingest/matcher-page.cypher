// One page of entities in slug order after $after, with the properties their names come from and
// the slugs they point to: what the ingestion's alias matcher is built from. Seeks the Entity.id
// uniqueness index.
MATCH (n:Entity)
WHERE n.id > $after
WITH n ORDER BY n.id ASC LIMIT $limit
RETURN n.id AS id, n.label AS label, properties(n) AS props,
       COLLECT { MATCH (n)-->(m:Entity) RETURN m.id } AS neighbours

// One page of entities in slug order, after $after, with the fields their search forms come
// from, to compute those forms again. Seeks the uniqueness constraint's index on Entity.id.
MATCH (n:Entity)
WHERE n.id > $after
WITH n ORDER BY n.id ASC LIMIT $limit
RETURN n.id AS id, n.label AS label, properties(n) AS props

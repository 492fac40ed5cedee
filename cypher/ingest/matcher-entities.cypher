// The entities the change log named since the matcher was built, as matcher-page reads them.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.label AS label, properties(n) AS props,
       COLLECT { MATCH (n)-->(m:Entity) RETURN m.id } AS neighbours

// Whether the database holds any govgraph entity (decides the seeding on first start).
MATCH (n:Entity)
RETURN n.id AS id
LIMIT 1

// Entities by slug id, for the per-request entity loader. Missing ids return no row.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, {{include:fragments/props(n)}} AS props

// Entities by slug id, for the per-request entity loader. Missing ids return no row.
// Properties come with their audit times (createdAt, updatedAt) as epoch milliseconds: the
// driver decodes a DATETIME slowly, and every entity and relationship carries two (src/db/values.ts).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n {.*, createdAt: toFloat(n.createdAt.epochMillis), updatedAt: toFloat(n.updatedAt.epochMillis)} AS props

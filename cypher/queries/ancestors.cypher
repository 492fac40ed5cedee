// The chain of PART_OF parents of each entity, nearest first (ISPCP → GNSO → ICANN).
// The depth bound only guards against a malformed cycle; real chains are short.
// Properties come with their audit times (createdAt, updatedAt) as epoch milliseconds: the
// driver decodes a DATETIME slowly, and every entity and relationship carries two (src/db/values.ts).
UNWIND $ids AS id
MATCH (b:Entity {id: id})
OPTIONAL MATCH path = (b)-[:PART_OF*1..10]->(ancestor:Entity)
WITH id, ancestor, min(length(path)) AS distance
ORDER BY id, distance
RETURN id, [a IN collect(ancestor) WHERE a IS NOT NULL | a {.*, createdAt: toFloat(a.createdAt.epochMillis), updatedAt: toFloat(a.updatedAt.epochMillis)}] AS ancestors

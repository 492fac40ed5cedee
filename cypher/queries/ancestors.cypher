// The chain of PART_OF parents of each entity, nearest first (ISPCP → GNSO → ICANN).
// The depth bound only guards against a malformed cycle; real chains are short.
UNWIND $ids AS id
MATCH (b:Entity {id: id})
OPTIONAL MATCH path = (b)-[:PART_OF*1..10]->(ancestor:Entity)
WITH id, ancestor, min(length(path)) AS distance
ORDER BY id, distance
RETURN id, [a IN collect(ancestor) WHERE a IS NOT NULL | {{include:fragments/entity-props(a)}}] AS ancestors

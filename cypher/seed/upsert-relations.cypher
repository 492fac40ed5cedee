// Upserts one batch of relationships. $rows: [{key, type, from, to, props}], type already
// checked against the allowed types. A relationship is identified by its type, its ends and
// its key (type|from|to|role|title), so two conflicting claims stay two relationships.
// Properties are replaced only when they differ. Rows whose ends are missing produce no
// output row; the caller compares counts and rolls back.
UNWIND $rows AS row
WITH row, row.props AS given
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
OPTIONAL MATCH (a)-[existing:$(row.type) {key: row.key}]->(b)
WITH row, given, a, b, existing,
     CASE WHEN existing IS NULL THEN null ELSE properties(existing) END AS before,
     given {.*, key: row.key} AS after
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
FOREACH (_ IN CASE WHEN before IS NULL OR before <> after THEN [1] ELSE [] END | SET r = after)
WITH row.type AS type,
     CASE
       WHEN existing IS NULL THEN 'created'
       WHEN before <> after THEN 'updated'
       ELSE 'unchanged'
     END AS outcome
RETURN type,
       sum(CASE outcome WHEN 'created' THEN 1 ELSE 0 END) AS created,
       sum(CASE outcome WHEN 'updated' THEN 1 ELSE 0 END) AS updated,
       sum(CASE outcome WHEN 'unchanged' THEN 1 ELSE 0 END) AS unchanged

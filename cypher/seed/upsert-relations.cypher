// Upserts one batch of relationships of one type. {{type}} is written into the text from
// parameter `type` (src/db/cypher-files.ts, a closed list): given as a parameter ($(row.type)),
// Neo4j 5 could use no index for it and scanned every relationship of the graph for every row.
// $rows: [{key, from, to, props}]. A relationship is identified by its type, its ends and its
// key (type|from|to|role|title), so two conflicting claims stay two relationships; the key is
// unique per type (cypher/schema/007-relation-keys.cypher), and its index finds the one to update.
// Properties are replaced only when they differ. Rows whose ends are missing produce nothing;
// the caller compares counts and rolls back.
// Audit as in upsert-nodes.cypher: created*/updated* properties and a :Change per real change.
// $load (null for a single-transaction load): a journaled load lists the keys it creates in one
// :SeedUndo node per batch, and records the old properties of those it updates.
WITH datetime.transaction() AS now,
     ['createdAt', 'createdBy', 'updatedAt', 'updatedBy', '_locked', '_created'] AS bookkeeping,
     ['dateFrom', 'dateTo'] AS derived
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
// The key's uniqueness constraint makes MERGE take the key's index lock: two writers of one new
// relationship queue there and the second finds the first's, without locking the ends (which
// made every writer of a hub's relationships wait for the others). One that exists gets a
// property write, its write lock, before it is read, so that concurrent updates of it queue too.
MERGE (a)-[r:{{type}} {key: row.key}]->(b)
  ON CREATE SET r._created = true
  ON MATCH SET r._locked = true
WITH row, row.props AS given, r, now, bookkeeping, derived
WITH row, r, now, bookkeeping, derived,
     CASE WHEN r._created THEN null ELSE properties(r) END AS before,
     given {.*, key: row.key} AS after
WITH row, r, now, derived, before, after,
     CASE WHEN before IS NULL THEN [] ELSE
       [k IN keys(after) WHERE before[k] IS NULL OR before[k] <> after[k]] +
       [k IN keys(before) WHERE after[k] IS NULL AND NOT k IN bookkeeping AND before[k] <> []]
     END AS differing
WITH row, r, now, before, after, differing,
     CASE WHEN before IS NULL THEN 'created' WHEN size(differing) > 0 THEN 'updated' ELSE 'unchanged' END AS outcome,
     [k IN differing WHERE NOT k IN derived] AS fields
FOREACH (_ IN CASE WHEN $load IS NOT NULL AND outcome = 'updated' THEN [1] ELSE [] END |
  CREATE (undo:SeedUndo) SET undo = before, undo._locked = null, undo._load = $load, undo._kind = 'relation',
         undo._type = '{{type}}', undo._from = row.from, undo._to = row.to, undo._key = row.key)
FOREACH (_ IN CASE WHEN outcome <> 'unchanged' THEN [1] ELSE [] END |
  SET r = after,
      r.createdAt = CASE WHEN before IS NULL THEN now ELSE before.createdAt END,
      r.createdBy = CASE WHEN before IS NULL THEN $by ELSE before.createdBy END,
      r.updatedAt = now,
      r.updatedBy = $by
  CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $operation, action: outcome,
                   kind: 'relation', type: '{{type}}', from: row.from, to: row.to, key: row.key,
                   fields: CASE WHEN outcome = 'updated' THEN fields END}))
// SET r = after has already removed both from what it wrote; this is for the unchanged.
REMOVE r._locked, r._created
WITH row.key AS key, outcome
WITH sum(CASE outcome WHEN 'created' THEN 1 ELSE 0 END) AS created,
     sum(CASE outcome WHEN 'updated' THEN 1 ELSE 0 END) AS updated,
     sum(CASE outcome WHEN 'unchanged' THEN 1 ELSE 0 END) AS unchanged,
     collect(CASE WHEN outcome = 'created' THEN key END) AS createdKeys
FOREACH (_ IN CASE WHEN $load IS NOT NULL AND size(createdKeys) > 0 THEN [1] ELSE [] END |
  CREATE (:SeedUndo {_load: $load, _kind: 'created-relations', _type: '{{type}}', _keys: createdKeys}))
RETURN '{{type}}' AS type, created, updated, unchanged

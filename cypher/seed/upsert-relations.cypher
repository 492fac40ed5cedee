// Upserts one batch of relationships. $rows: [{key, type, from, to, props}], type already
// checked against the allowed types. A relationship is identified by its type, its ends and
// its key (type|from|to|role|title), so two conflicting claims stay two relationships.
// Properties are replaced only when they differ. Rows whose ends are missing produce no
// output row; the caller compares counts and rolls back.
// Audit as in upsert-nodes.cypher: created*/updated* properties and a :Change per real change.
// $load (null for a single-transaction load): a journaled load records in :SeedUndo nodes
// the relationships it creates between entities it did not create (the others go with
// their ends) and the old properties of those it updates.
WITH datetime.transaction() AS now,
     ['createdAt', 'createdBy', 'updatedAt', 'updatedBy'] AS bookkeeping,
     ['dateFrom', 'dateTo'] AS derived
UNWIND $rows AS row
WITH row, row.props AS given, now, bookkeeping, derived
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
// Both ends' write locks before the relationship is looked up: concurrent writers of one
// relationship queue here instead of both creating it (Community edition has no relationship
// key constraint to stop a duplicate).
SET a._locked = true, b._locked = true
WITH row, given, now, bookkeeping, derived, a, b
OPTIONAL MATCH (a)-[existing:$(row.type) {key: row.key}]->(b)
WITH row, a, b, existing, now, bookkeeping, derived,
     CASE WHEN existing IS NULL THEN null ELSE properties(existing) END AS before,
     given {.*, key: row.key} AS after
WITH row, a, b, existing, now, derived, before, after,
     CASE WHEN before IS NULL THEN [] ELSE
       [k IN keys(after) WHERE before[k] IS NULL OR before[k] <> after[k]] +
       [k IN keys(before) WHERE after[k] IS NULL AND NOT k IN bookkeeping]
     END AS differing
WITH row, a, b, now, before, after, differing,
     CASE WHEN before IS NULL THEN 'created' WHEN size(differing) > 0 THEN 'updated' ELSE 'unchanged' END AS outcome,
     [k IN differing WHERE NOT k IN derived] AS fields
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
FOREACH (_ IN CASE WHEN $load IS NOT NULL AND outcome = 'updated' THEN [1] ELSE [] END |
  CREATE (undo:SeedUndo) SET undo = before, undo._load = $load, undo._kind = 'relation',
         undo._type = row.type, undo._from = row.from, undo._to = row.to, undo._key = row.key)
FOREACH (_ IN CASE WHEN $load IS NOT NULL AND before IS NULL
                    AND coalesce(a._seedLoad, '') <> $load AND coalesce(b._seedLoad, '') <> $load
               THEN [1] ELSE [] END |
  CREATE (:SeedUndo {_load: $load, _kind: 'created-relation', _type: row.type, _from: row.from, _to: row.to, _key: row.key}))
FOREACH (_ IN CASE WHEN outcome <> 'unchanged' THEN [1] ELSE [] END |
  SET r = after,
      r.createdAt = CASE WHEN before IS NULL THEN now ELSE before.createdAt END,
      r.createdBy = CASE WHEN before IS NULL THEN $by ELSE before.createdBy END,
      r.updatedAt = now,
      r.updatedBy = $by
  CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $operation, action: outcome,
                   kind: 'relation', type: row.type, from: row.from, to: row.to, key: row.key,
                   fields: CASE WHEN outcome = 'updated' THEN fields ELSE [] END}))
REMOVE a._locked, b._locked
WITH row.type AS type, outcome
RETURN type,
       sum(CASE outcome WHEN 'created' THEN 1 ELSE 0 END) AS created,
       sum(CASE outcome WHEN 'updated' THEN 1 ELSE 0 END) AS updated,
       sum(CASE outcome WHEN 'unchanged' THEN 1 ELSE 0 END) AS unchanged

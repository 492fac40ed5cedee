// The entity a delete is about, write-locked for the rest of the transaction (see labels-of),
// so that no write can attach a relation to it or cite it between the check for dependents
// and the delete. No row when there is no such entity.
MATCH (n:Entity {id: $id})
SET n._locked = true
REMOVE n._locked
RETURN n.label AS label

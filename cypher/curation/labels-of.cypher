// The kinds of the entities a write mentions (its own id, the sources it cites, a relation's
// ends, the party a signatory signed for), read inside the write's own transaction so that the
// validator checks against what this transaction will commit on. Each one found is
// write-locked as it is read (SET then REMOVE leaves no trace but holds the lock until commit):
// a concurrent delete of a cited source or of a relation's end then waits for this write, or
// this write waits for it and sees the entity gone. $ids come sorted, so that two writes lock
// the entities they share in the same order and do not deadlock.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n._locked = true
REMOVE n._locked
RETURN n.id AS id, n.label AS label

// The entities one relationship away from any of $ids, either direction, with their labels:
// one hop of a neighbourhood export's breadth-first walk (the caller drops those already seen).
UNWIND $ids AS id
MATCH (:Entity {id: id})--(b:Entity)
RETURN DISTINCT b.id AS id, b.label AS label

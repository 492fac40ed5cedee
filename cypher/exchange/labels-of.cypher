// The label of each of the entities $ids that the database holds (missing ids give no row):
// what an import's records may refer to, and where a neighbourhood export starts.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.label AS label

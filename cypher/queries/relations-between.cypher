// The relationships, of any type, going from each $ends.from to its $ends.to ($ends: [{from, to}]):
// what a conflict's side may name (src/domain/validate.ts), and, where it names none, what is
// stored between its two ends for the message. Each start is a unique-index seek; its
// relationships are then compared by their other end. Ends with nothing between them give no row.
UNWIND $ends AS wanted
MATCH (a:Entity {id: wanted.from})-[r]->(b:Entity {id: wanted.to})
WHERE r.key IS NOT NULL
RETURN a.id AS from, b.id AS to, r.key AS key

// The actors (Organization, Person, Body) with the most relationships, for stats.mostConnected.
// COUNT { (n)--() } reads each node's degree from the store without following its
// relationships; only the $first kept rows load their properties. Ties are broken by slug;
// actors with no relationship at all are left out.
// Properties come with their audit times (createdAt, updatedAt) as epoch milliseconds: the
// driver decodes a DATETIME slowly, and every entity and relationship carries two (src/db/values.ts).
MATCH (n:Organization|Person|Body)
WITH n, COUNT { (n)--() } AS degree
WHERE degree > 0
ORDER BY degree DESC, n.id ASC
LIMIT $first
RETURN n {.*, createdAt: toFloat(n.createdAt.epochMillis), updatedAt: toFloat(n.updatedAt.epochMillis)} AS props, degree AS count

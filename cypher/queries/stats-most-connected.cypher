// The actors (Organization, Person, Body) with the most relationships, for stats.mostConnected.
// COUNT { (n)--() } reads each node's degree from the store without following its
// relationships; only the $first kept rows load their properties. Ties are broken by slug;
// actors with no relationship at all are left out.
MATCH (n:Organization|Person|Body)
WITH n, COUNT { (n)--() } AS degree
WHERE degree > 0
ORDER BY degree DESC, n.id ASC
LIMIT $first
RETURN {{include:fragments/entity-props(n)}} AS props, degree AS count

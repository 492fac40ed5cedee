// The parents of a planned level right below a root page (planned/relation-level's {{parents}}):
// the entities of the page, found by their slugs. The last row, read only to learn whether more
// exist ($limit is the page's, one more than its size), is cut off by the resolver, which asks
// nothing below it, so nothing is read for it. {{rowId}}: the slug in a whole record or in a
// view's values.
UNWIND {{level}}[0..$limit - 1] AS row
WITH DISTINCT {{rowId}} AS id
MATCH (a:Entity {id: id})

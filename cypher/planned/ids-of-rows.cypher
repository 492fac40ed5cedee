// The parents of a planned level right below a root page (planned/relation-level's {{ids}}):
// the slugs of the page's entities. The last row, read only to learn whether more exist ($limit
// is the page's, one more than its size), is cut off by the resolver, which asks nothing below
// it, so nothing is read for it. {{rowId}}: the slug in a whole record or in a view's values.
UNWIND {{level}}[0..$limit - 1] AS row
WITH DISTINCT {{rowId}} AS id

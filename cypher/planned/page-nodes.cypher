// The parents of a planned level right below a root page (planned/relation-level's {{parents}}):
// the page's nodes, as queries/entity-page matched them and hands them down (`pageNodes`), so
// they are not looked up again by slug (an index seek per row). The last one, read only to
// learn whether more exist ($limit is the page's, one more than its size), is cut off by the
// resolver, which asks nothing below it, so nothing is read for it.
UNWIND {{level}}[0..$limit - 1] AS a
WITH a, a.id AS id

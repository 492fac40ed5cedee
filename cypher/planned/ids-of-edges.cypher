// The parents of a planned level below another (planned/relation-level's {{ids}}): the other
// ends of the pages of the level above, {{level}}, each once. As for a root page, the last edge
// of a page that has one more than its size (its $limit, renamed as the level above's) is cut
// off by the resolver, which asks nothing below it, so nothing is read for it. {{otherId}} reads
// the other end's id from a whole record or from a record view's values, where it comes first.
UNWIND {{level}} AS parentPage
UNWIND parentPage.edges[0..$limit - 1] AS edge
WITH DISTINCT {{otherId}} AS id

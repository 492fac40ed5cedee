// The parents of a planned level below another (planned/relation-level's {{parents}}): the other
// ends of the pages of the level above, each once. {{level}} is the level above's `…Ends`: the
// nodes themselves, as that level matched them, so they are not looked up again by slug (an
// index seek per parent, up to 500 at Q3's last level). A page's last edge, when the page holds
// one more than its size, is not among them (relation-level cuts it off): the resolver asks
// nothing below it.
UNWIND {{level}} AS ends
UNWIND ends AS a
WITH DISTINCT a
WITH a, a.id AS id

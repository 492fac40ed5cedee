// A root list's page (queries/entity-page, written in whole where {{page}} stands, its slots
// filled) and the pages of the relation connections the request selects below it, level by
// level (planned/relation-level blocks, written where {{levels}} stands, each after the level
// it reads below): a nested read such as organizations → memoranda → signatories → positions in
// one statement, one Bolt exchange, instead of one per level. The page's own parameters keep
// their names; each level's are renamed by the builder ($p1_limit, …). `levels` holds each
// level's answer in the plan's order ({{names}}): a list of [id, total, edges], one per parent.
CALL () {
{{page}}
}
{{levels}}
RETURN total, rows, [{{names}}] AS levels

// A root list's page (queries/entity-page, written in whole where {{page}} stands, its slots
// filled) and, for every entity on it, the pages of the relation connections the request
// selects below it, levels nested in levels (planned/relation-level, where {{children}}
// stands): a nested read such as organizations → memoranda → signatories → positions in one
// statement, one Bolt exchange, instead of one per level. The page's own parameters keep their
// names; each level's are renamed by the builder ($p1_limit, …). {{pages}} lists the answers
// of the levels directly below the page. Each row of `tree` is one entity of the page (by id)
// with those answers, in the order the plan lists the levels; the extra row read to learn
// whether more exist ($limit is one more than the page) is left out, as the resolver cuts it.
CALL () {
{{page}}
}
CALL (rows) {
UNWIND rows[0..$limit - 1] AS row
MATCH (b:Entity {id: row.props.id})
WITH b, true AS kept
{{children}}
RETURN collect({id: b.id, pages: [{{pages}}]}) AS tree
}
RETURN total, rows, tree

// One level of a planned nested read (src/db/planned-read.ts): for the entity bound to `b` in
// the enclosing scope, one page of one relationship type, exactly as queries/relation-pages
// reads it (same filters, keyset, order, count and edge shape), with the pages of the levels
// below it for every edge. The builder writes this block once per relation connection of the
// request's selection and nests the blocks inside each other, so one statement reads the tree.
// Each block is a scoped subquery: it sees only `b` (and `kept`), `b` renamed `a` here, so every level can use
// the same names (r, b, k) without clashing with the levels around it.
// {{type}}, {{left}}, {{right}} and {{order}} are relation-pages' closed-list slots. Every
// $parameter is renamed per level by the builder ($limit becomes $p1_limit for the first
// level), so sibling and nested levels never share a value. {{children}} is where the blocks
// of the levels below go (nothing for a leaf), {{pages}} the list of their answers, and
// {{as}} the name this level's answer takes (page0, page1, … among siblings). The rows are
// put in order again after the levels below have been read, so the edges' order never rests
// on how the runtime happens to keep the rows of a subquery call in order.
// The last row read is the extra one that only tells whether more exist ($limit is one more
// than the page): the resolver cuts it off and never asks for what lies below it, so the levels
// below read nothing for it (`kept` is false, the block yields no row, and its answer is null).
OPTIONAL CALL (b, kept) {
WITH b AS a, kept
WHERE kept
CALL (a) {
UNWIND CASE WHEN $withTotal THEN [1] ELSE [] END AS counting
MATCH (a){{left}}[r:{{type}}]{{right}}(b:Entity)
WHERE ($labels IS NULL OR b.label IN $labels) AND ($roles IS NULL OR r.role IN $roles)
AND {{include:fragments/evidence-filter(r)}}
RETURN count(r) AS total
}
CALL (a) {
MATCH (a){{left}}[r:{{type}}]{{right}}(b:Entity)
WHERE ($labels IS NULL OR b.label IN $labels) AND ($roles IS NULL OR r.role IN $roles)
AND {{include:fragments/evidence-filter(r)}}
WITH a, r, b, coalesce(b.nameKey, '') AS k
WHERE ($afterKey IS NULL OR k > $afterKey OR (k = $afterKey AND r.key > $afterId))
AND ($beforeKey IS NULL OR k < $beforeKey OR (k = $beforeKey AND r.key < $beforeId))
WITH a, r, b, k ORDER BY k {{order}}, r.key {{order}} LIMIT $limit
WITH a, collect({r: r, b: b, k: k}) AS found
UNWIND range(0, size(found) - 1) AS at
WITH a, found[at].r AS r, found[at].b AS b, found[at].k AS k, at < $limit - 1 AS kept
{{children}}
WITH * ORDER BY k {{order}}, r.key {{order}}
RETURN collect({forward: startNode(r) = a,
props: {{include:fragments/props(r)}},
other: {{include:fragments/props(b)}},
onBehalfOf: head(COLLECT { MATCH (o:Entity {id: r.onBehalfOf})
RETURN {{include:fragments/props(o)}} }),
pages: [{{pages}}]}) AS edges
}
RETURN {total: total, edges: edges} AS {{as}}
}

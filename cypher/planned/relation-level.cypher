// One level of a planned nested read (src/db/planned-read.ts): one page of one relationship type
// for each parent the level above reached, read exactly as queries/relation-pages reads it (same
// filters, keyset, order and count). The builder writes one such block per relation connection
// of the request's selection, after the block of the level above, so one statement reads the
// tree breadth-first, as the per-level loaders would, in one Bolt exchange. The level answers a
// list of [id, total, edges] per parent, each edge [forward, relationship, other end,
// onBehalfOf]: relation-pages' edges as lists, not maps. A nested read returns hundreds of them,
// and a map sends its keys with every one, which Neo4j writes and the driver decodes (Q3 at 10k
// took 10.1 KB per request where the limit's statement takes 5.4).
// {{parents}} gives the parents, each once, as `a` with its slug `id`: planned/page-nodes takes
// the root page's nodes, planned/ends-of-edges the other ends the level above matched. An
// entity reached through several parents (a memorandum of two parties) is read once, as the
// loader's batch reads it once. {{level}} names what the level above hands down (`pageNodes`
// for the root page, `level1Ends`, … below), {{as}} this level's answer (level1, level2, …);
// `{{as}}Ends` holds the other ends of each of its pages, without a page's extra last edge (read
// when $limit is one more than the page's $size, for pageInfo), for the levels below it, and is
// not returned.
// {{total}} is planned/level-total when the selection asks for the pages' totalCount, else
// planned/level-no-total: the statement is composed per selection anyway, so a level that counts
// nothing carries no counting subquery, which Neo4j would still plan and enter once per parent.
// The other end b has no label test: relationships of these types join entities only (the
// writes match both ends as :Entity, src/domain/rules.ts says which labels each type joins, and
// a merge re-points every relationship of the entities it retires), as queries/relation-pages.
// {{type}}, {{left}}, {{right}}, {{order}}, {{edgeSortKey}}, {{relationFilters}} and {{edgeBounds}} are
// relation-pages' closed-list slots; {{relationRecord}}, {{entityRecord}} and
// {{onBehalfOfRecord}} read whole records or only the properties of a record view
// (src/db/record-view.ts), and the last nothing when the selection does not ask for it. Every
// $parameter is renamed per level by the builder ($limit becomes $p1_limit for level 1), so
// levels never share a value.
CALL ({{level}}) {
{{parents}}
{{total}}
CALL (a) {
MATCH (a){{left}}[r:{{type}}]{{right}}(b)
WHERE true {{relationFilters}}
WITH r, b, {{edgeSortKey}} AS k
WHERE true {{edgeBounds}}
WITH r, b, k ORDER BY k {{order}}, r.key {{order}} LIMIT $limit
RETURN collect([startNode(r) = a, {{relationRecord}}, {{entityRecord}}, {{onBehalfOfRecord}}]) AS edges,
  collect(b)[0..$size] AS ends
}
RETURN collect([id, total, edges]) AS {{as}}, collect(ends) AS {{as}}Ends
}

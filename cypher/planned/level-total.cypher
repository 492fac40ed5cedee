// A planned level's totalCount for one parent `a` (planned/relation-level's {{total}}, when the
// selection asks for it): every relationship of the page's type and filters, as
// queries/relation-pages counts them. Its slots are relation-level's, filled alike.
CALL (a) {
MATCH (a){{left}}[r:{{type}}]{{right}}(b)
WHERE true {{relationFilters}}
RETURN count(r) AS total
}

// {{include:fragments/former-slug(slug)}}: the body of a subquery that finds the entity whose
// former slugs (renamed, later merged entities, cypher/schema/006-former-slugs.cypher) hold the
// slug in `slug`, as `former`; no row when none does. One term seek in the keyword full-text
// index. Only slugs may reach it (the caller tests the pattern first), so nothing can be read as
// Lucene syntax; `IN node.formerSlugs` keeps the match exact. Written once for every statement
// that resolves a slug (queries/entities-by-id, the paths query's two ends), so all follow the
// same redirects.
CALL db.index.fulltext.queryNodes('entity_former_slugs', '"' + {{var}} + '"') YIELD node
WHERE {{var}} IN node.formerSlugs
RETURN node AS former
ORDER BY node.id
LIMIT 1

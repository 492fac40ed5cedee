// Entities by slug, for the per-request entity loader: the one place where a slug is resolved,
// so every lookup and reference argument of the API follows the same redirects. A current slug
// is a unique-index seek. A slug that no entity has now is looked up among former slugs (renamed,
// later merged entities, cypher/schema/006-former-slugs.cypher): one term seek in the keyword
// full-text index, and only for ids that missed, so the common case pays nothing for it. Only
// slugs reach that index (the pattern test), so nothing in $ids can be read as Lucene syntax;
// `id IN node.formerSlugs` keeps the match exact. A current slug wins over a former one.
// Each row is (the id asked for, the entity): `id` differs from props.id for a former slug.
// Missing ids return no row.
UNWIND $ids AS id
OPTIONAL MATCH (current:Entity {id: id})
OPTIONAL CALL (id, current) {
  WITH id
  WHERE current IS NULL AND id =~ '[a-z0-9]+(-[a-z0-9]+)*'
  CALL db.index.fulltext.queryNodes('entity_former_slugs', '"' + id + '"') YIELD node
  WHERE id IN node.formerSlugs
  RETURN node AS former
  ORDER BY node.id
  LIMIT 1
}
WITH id, coalesce(current, former) AS n
WHERE n IS NOT NULL
RETURN id, {{include:fragments/props(n)}} AS props

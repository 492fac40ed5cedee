// Entities by slug, for the per-request entity loader: the one place where a slug is resolved,
// so every lookup and reference argument of the API follows the same redirects. A current slug
// is a unique-index seek. A slug that no entity has now is looked up among former slugs (renamed,
// later merged entities, fragments/former-slug), and only for ids that missed, so the common
// case pays nothing for it. Only slugs reach that lookup (the pattern test). A current slug wins
// over a former one. The paths query resolves its two ends the same way, in its own statement.
// Each row is (the id asked for, the entity): `id` differs from props.id for a former slug.
// Missing ids return no row. {{rowRecord}} is each entity's whole record, or the values of the
// properties a lookup's selection reads, listed by name (src/db/record-view.ts).
UNWIND $ids AS id
OPTIONAL MATCH (current:Entity {id: id})
OPTIONAL CALL (id, current) {
  WITH id
  WHERE current IS NULL AND id =~ '[a-z0-9]+(-[a-z0-9]+)*'
  {{include:fragments/former-slug(id)}}
}
WITH id, coalesce(current, former) AS n
WHERE n IS NOT NULL
RETURN id, {{rowRecord}} AS props

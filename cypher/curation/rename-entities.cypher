// Renames stored entities to the slugs that seed records now give them, where a record lists the
// stored slug among its formerSlugs: `npm run seed` on a database loaded before the rename then
// updates the entity in place instead of adding a second one beside it. $renames: [{from, to}].
// A rename happens only when `from` is stored and `to` is not (a second run does nothing).
// The entity keeps `from` in formerSlugs, the redirect every slug lookup follows
// (queries/entities-by-id). Relationship keys (type|from|to|role|title) are written again with
// the new slug, so that the load that follows finds each relationship by its key rather than
// adding a copy. Other properties (searchText, onBehalfOf, sources lists) are the load's to
// rewrite; until then the old slugs in them still resolve through the redirect.
// Each rename is an update in the change log (fields id and formerSlugs), under $operation, by $by.
WITH datetime.transaction() AS now
UNWIND $renames AS rename
MATCH (n:Entity {id: rename.from})
WHERE NOT EXISTS { MATCH (:Entity {id: rename.to}) }
SET n.id = rename.to,
    n.formerSlugs = [slug IN coalesce(n.formerSlugs, []) WHERE slug <> rename.from] + rename.from,
    n.updatedAt = now,
    n.updatedBy = $by
WITH n, rename, now
CALL (n) {
  MATCH (n)-[r]-()
  WITH DISTINCT r
  SET r.key = type(r) + '|' + startNode(r).id + '|' + endNode(r).id + '|' + coalesce(r.role, '') + '|' + coalesce(r.title, '')
  RETURN count(r) AS rekeyed
}
CREATE (:Change {id: randomUUID(), at: now, by: $by, operation: $operation, action: 'updated',
                 kind: 'entity', entityId: rename.to, label: n.label, fields: ['id', 'formerSlugs']})
RETURN rename.from AS from, rename.to AS to, rekeyed

// What points at an entity through relationships: every relationship in either direction, and
// the SIGNED relationships that name it (its slug or a former slug) in onBehalfOf. Returns how many there are in all and
// the first $limit of them (by key), for a refusal that says what is in the way.
MATCH (n:Entity {id: $id})
CALL (n) {
  CALL (n) {
    MATCH (n)-[r]-(:Entity)
    RETURN r, 'relation' AS via
    UNION
    MATCH (:Entity)-[r:SIGNED]->(:Entity)
    WHERE r.onBehalfOf = n.id OR r.onBehalfOf IN coalesce(n.formerSlugs, [])
    RETURN r, 'onBehalfOf' AS via
  }
  RETURN count(*) AS total
}
CALL (n) {
  CALL (n) {
    MATCH (n)-[r]-(:Entity)
    RETURN r, 'relation' AS via
    UNION
    MATCH (:Entity)-[r:SIGNED]->(:Entity)
    WHERE r.onBehalfOf = n.id OR r.onBehalfOf IN coalesce(n.formerSlugs, [])
    RETURN r, 'onBehalfOf' AS via
  }
  WITH r, via
  ORDER BY r.key, via
  LIMIT $limit
  RETURN collect({type: type(r), from: startNode(r).id, to: endNode(r).id, key: r.key, via: via}) AS sample
}
RETURN total, sample

// Every dated fact of the graph in a window, for timeline without an actor: the dates of
// entities (a memorandum's date, an event's startDate to endDate, a document's or a source's
// date) and the relationships dated themselves (a signing's date, a membership or a mandate from
// its startDate). A fact is dated when it has a first day (dateFrom); its dateTo is its last day,
// null while it goes on (src/domain/validate.ts, spanOf).
// The window is an as-of over a range: $asOfFrom and $asOfTo are its first and last days (the
// caller sends '0000-01-01' and '9999-12-31' for an open end, never null here) and a fact is kept
// when its days overlap it, as cypher/fragments/as-of says. Each branch's seek already keeps a
// first day up to $asOfTo, so of that fragment only its last test is left to write: the last day
// (none while it goes on) from $asOfFrom on. The whole fragment, twenty times, made the planner
// take twice as long over each new combination of parameter types (2.0 against 1.0 s at EXPLAIN
// on the seed, each the first request's wait). $labels: the entity types whose dates are
// wanted; $types: the relationship types (either may be empty). $evidence: only dates backed by
// a citation of these kinds (fragments/date-evidence), null for any.
// Order: the first day, then the key (an entity's slug, a relationship's key; the two never
// look alike, a key holds '|'), paged by the keyset ($afterDate, $afterKey), null for the start.
// Nothing sorts the whole graph: each entity type is read from the (label, dateFrom, id) index
// and each relationship type from its own (dateFrom, key) index (cypher/schema/008), from the
// cursor's date ($seekFrom: $afterDate, or '' from the start) on, in order, at most $limit rows
// each; only those few rows are merged and sorted. The hints, and a predicate on every property
// of each index (a composite index serves only those), keep the plan so on any graph: on the
// small seed the planner otherwise preferred scanning each relationship type (PROFILE,
// test/integration/timeline.test.ts). The entities' order names the label first, as the index
// does (label is one value per branch): so the planner reads the index in order and stops after
// $limit rows, where it sorted every dated entity of the label. One branch per relationship
// type, since Neo4j indexes a relationship property for one type at a time
// (test/unit/timeline-statement.test.ts checks that every type has its branch).
// {{timelineAnswer}} (src/db/timeline-slots.ts) ends it: the page, or the count of every fact
// (totalCount; the caller leaves the keyset open and sends the largest $limit, so no branch stops early).
CALL () {
  UNWIND $labels AS label
  CALL (label) {
    MATCH (n:Entity)
    USING INDEX SEEK n:Entity(label, dateFrom, id)
    WHERE n.label = label AND n.dateFrom >= $seekFrom AND n.dateFrom <= $asOfTo AND n.id IS NOT NULL
      AND ($afterDate IS NULL OR n.dateFrom > $afterDate OR n.id > $afterKey)
      AND coalesce(n.dateTo >= $asOfFrom, true) AND {{include:fragments/date-evidence(n)}}
    WITH n ORDER BY n.label, n.dateFrom, n.id LIMIT $limit
    RETURN n
  }
  RETURN n AS node, null AS relation, n.dateFrom AS dateFrom, n.id AS key
  UNION ALL
  MATCH ()-[r:MANAGES]->()
  USING INDEX SEEK r:MANAGES(dateFrom, key)
  WHERE 'MANAGES' IN $types AND r.dateFrom >= $seekFrom AND r.dateFrom <= $asOfTo AND r.key IS NOT NULL
    AND ($afterDate IS NULL OR r.dateFrom > $afterDate OR r.key > $afterKey)
    AND coalesce(r.dateTo >= $asOfFrom, true) AND {{include:fragments/date-evidence(r)}}
  WITH r ORDER BY r.dateFrom, r.key LIMIT $limit
  RETURN null AS node, r AS relation, r.dateFrom AS dateFrom, r.key AS key
  UNION ALL
  MATCH ()-[r:PARTY_TO]->()
  USING INDEX SEEK r:PARTY_TO(dateFrom, key)
  WHERE 'PARTY_TO' IN $types AND r.dateFrom >= $seekFrom AND r.dateFrom <= $asOfTo AND r.key IS NOT NULL
    AND ($afterDate IS NULL OR r.dateFrom > $afterDate OR r.key > $afterKey)
    AND coalesce(r.dateTo >= $asOfFrom, true) AND {{include:fragments/date-evidence(r)}}
  WITH r ORDER BY r.dateFrom, r.key LIMIT $limit
  RETURN null AS node, r AS relation, r.dateFrom AS dateFrom, r.key AS key
  UNION ALL
  MATCH ()-[r:SIGNED]->()
  USING INDEX SEEK r:SIGNED(dateFrom, key)
  WHERE 'SIGNED' IN $types AND r.dateFrom >= $seekFrom AND r.dateFrom <= $asOfTo AND r.key IS NOT NULL
    AND ($afterDate IS NULL OR r.dateFrom > $afterDate OR r.key > $afterKey)
    AND coalesce(r.dateTo >= $asOfFrom, true) AND {{include:fragments/date-evidence(r)}}
  WITH r ORDER BY r.dateFrom, r.key LIMIT $limit
  RETURN null AS node, r AS relation, r.dateFrom AS dateFrom, r.key AS key
  UNION ALL
  MATCH ()-[r:HOLDS_POSITION]->()
  USING INDEX SEEK r:HOLDS_POSITION(dateFrom, key)
  WHERE 'HOLDS_POSITION' IN $types AND r.dateFrom >= $seekFrom AND r.dateFrom <= $asOfTo AND r.key IS NOT NULL
    AND ($afterDate IS NULL OR r.dateFrom > $afterDate OR r.key > $afterKey)
    AND coalesce(r.dateTo >= $asOfFrom, true) AND {{include:fragments/date-evidence(r)}}
  WITH r ORDER BY r.dateFrom, r.key LIMIT $limit
  RETURN null AS node, r AS relation, r.dateFrom AS dateFrom, r.key AS key
  UNION ALL
  MATCH ()-[r:MEMBER_OF]->()
  USING INDEX SEEK r:MEMBER_OF(dateFrom, key)
  WHERE 'MEMBER_OF' IN $types AND r.dateFrom >= $seekFrom AND r.dateFrom <= $asOfTo AND r.key IS NOT NULL
    AND ($afterDate IS NULL OR r.dateFrom > $afterDate OR r.key > $afterKey)
    AND coalesce(r.dateTo >= $asOfFrom, true) AND {{include:fragments/date-evidence(r)}}
  WITH r ORDER BY r.dateFrom, r.key LIMIT $limit
  RETURN null AS node, r AS relation, r.dateFrom AS dateFrom, r.key AS key
  UNION ALL
  MATCH ()-[r:PART_OF]->()
  USING INDEX SEEK r:PART_OF(dateFrom, key)
  WHERE 'PART_OF' IN $types AND r.dateFrom >= $seekFrom AND r.dateFrom <= $asOfTo AND r.key IS NOT NULL
    AND ($afterDate IS NULL OR r.dateFrom > $afterDate OR r.key > $afterKey)
    AND coalesce(r.dateTo >= $asOfFrom, true) AND {{include:fragments/date-evidence(r)}}
  WITH r ORDER BY r.dateFrom, r.key LIMIT $limit
  RETURN null AS node, r AS relation, r.dateFrom AS dateFrom, r.key AS key
  UNION ALL
  MATCH ()-[r:PARTICIPATED_IN]->()
  USING INDEX SEEK r:PARTICIPATED_IN(dateFrom, key)
  WHERE 'PARTICIPATED_IN' IN $types AND r.dateFrom >= $seekFrom AND r.dateFrom <= $asOfTo AND r.key IS NOT NULL
    AND ($afterDate IS NULL OR r.dateFrom > $afterDate OR r.key > $afterKey)
    AND coalesce(r.dateTo >= $asOfFrom, true) AND {{include:fragments/date-evidence(r)}}
  WITH r ORDER BY r.dateFrom, r.key LIMIT $limit
  RETURN null AS node, r AS relation, r.dateFrom AS dateFrom, r.key AS key
  UNION ALL
  MATCH ()-[r:COVERS]->()
  USING INDEX SEEK r:COVERS(dateFrom, key)
  WHERE 'COVERS' IN $types AND r.dateFrom >= $seekFrom AND r.dateFrom <= $asOfTo AND r.key IS NOT NULL
    AND ($afterDate IS NULL OR r.dateFrom > $afterDate OR r.key > $afterKey)
    AND coalesce(r.dateTo >= $asOfFrom, true) AND {{include:fragments/date-evidence(r)}}
  WITH r ORDER BY r.dateFrom, r.key LIMIT $limit
  RETURN null AS node, r AS relation, r.dateFrom AS dateFrom, r.key AS key
  UNION ALL
  MATCH ()-[r:DISCUSSED]->()
  USING INDEX SEEK r:DISCUSSED(dateFrom, key)
  WHERE 'DISCUSSED' IN $types AND r.dateFrom >= $seekFrom AND r.dateFrom <= $asOfTo AND r.key IS NOT NULL
    AND ($afterDate IS NULL OR r.dateFrom > $afterDate OR r.key > $afterKey)
    AND coalesce(r.dateTo >= $asOfFrom, true) AND {{include:fragments/date-evidence(r)}}
  WITH r ORDER BY r.dateFrom, r.key LIMIT $limit
  RETURN null AS node, r AS relation, r.dateFrom AS dateFrom, r.key AS key
  UNION ALL
  MATCH ()-[r:ESTABLISHED_BY]->()
  USING INDEX SEEK r:ESTABLISHED_BY(dateFrom, key)
  WHERE 'ESTABLISHED_BY' IN $types AND r.dateFrom >= $seekFrom AND r.dateFrom <= $asOfTo AND r.key IS NOT NULL
    AND ($afterDate IS NULL OR r.dateFrom > $afterDate OR r.key > $afterKey)
    AND coalesce(r.dateTo >= $asOfFrom, true) AND {{include:fragments/date-evidence(r)}}
  WITH r ORDER BY r.dateFrom, r.key LIMIT $limit
  RETURN null AS node, r AS relation, r.dateFrom AS dateFrom, r.key AS key
  UNION ALL
  MATCH ()-[r:ISSUED]->()
  USING INDEX SEEK r:ISSUED(dateFrom, key)
  WHERE 'ISSUED' IN $types AND r.dateFrom >= $seekFrom AND r.dateFrom <= $asOfTo AND r.key IS NOT NULL
    AND ($afterDate IS NULL OR r.dateFrom > $afterDate OR r.key > $afterKey)
    AND coalesce(r.dateTo >= $asOfFrom, true) AND {{include:fragments/date-evidence(r)}}
  WITH r ORDER BY r.dateFrom, r.key LIMIT $limit
  RETURN null AS node, r AS relation, r.dateFrom AS dateFrom, r.key AS key
  UNION ALL
  MATCH ()-[r:PRESENTED_AT]->()
  USING INDEX SEEK r:PRESENTED_AT(dateFrom, key)
  WHERE 'PRESENTED_AT' IN $types AND r.dateFrom >= $seekFrom AND r.dateFrom <= $asOfTo AND r.key IS NOT NULL
    AND ($afterDate IS NULL OR r.dateFrom > $afterDate OR r.key > $afterKey)
    AND coalesce(r.dateTo >= $asOfFrom, true) AND {{include:fragments/date-evidence(r)}}
  WITH r ORDER BY r.dateFrom, r.key LIMIT $limit
  RETURN null AS node, r AS relation, r.dateFrom AS dateFrom, r.key AS key
  UNION ALL
  MATCH ()-[r:LOCATED_IN]->()
  USING INDEX SEEK r:LOCATED_IN(dateFrom, key)
  WHERE 'LOCATED_IN' IN $types AND r.dateFrom >= $seekFrom AND r.dateFrom <= $asOfTo AND r.key IS NOT NULL
    AND ($afterDate IS NULL OR r.dateFrom > $afterDate OR r.key > $afterKey)
    AND coalesce(r.dateTo >= $asOfFrom, true) AND {{include:fragments/date-evidence(r)}}
  WITH r ORDER BY r.dateFrom, r.key LIMIT $limit
  RETURN null AS node, r AS relation, r.dateFrom AS dateFrom, r.key AS key
  UNION ALL
  MATCH ()-[r:SERVES_COUNTRY]->()
  USING INDEX SEEK r:SERVES_COUNTRY(dateFrom, key)
  WHERE 'SERVES_COUNTRY' IN $types AND r.dateFrom >= $seekFrom AND r.dateFrom <= $asOfTo AND r.key IS NOT NULL
    AND ($afterDate IS NULL OR r.dateFrom > $afterDate OR r.key > $afterKey)
    AND coalesce(r.dateTo >= $asOfFrom, true) AND {{include:fragments/date-evidence(r)}}
  WITH r ORDER BY r.dateFrom, r.key LIMIT $limit
  RETURN null AS node, r AS relation, r.dateFrom AS dateFrom, r.key AS key
  UNION ALL
  MATCH ()-[r:IDN_COUNTERPART]->()
  USING INDEX SEEK r:IDN_COUNTERPART(dateFrom, key)
  WHERE 'IDN_COUNTERPART' IN $types AND r.dateFrom >= $seekFrom AND r.dateFrom <= $asOfTo AND r.key IS NOT NULL
    AND ($afterDate IS NULL OR r.dateFrom > $afterDate OR r.key > $afterKey)
    AND coalesce(r.dateTo >= $asOfFrom, true) AND {{include:fragments/date-evidence(r)}}
  WITH r ORDER BY r.dateFrom, r.key LIMIT $limit
  RETURN null AS node, r AS relation, r.dateFrom AS dateFrom, r.key AS key
  UNION ALL
  MATCH ()-[r:COOPERATES_WITH]->()
  USING INDEX SEEK r:COOPERATES_WITH(dateFrom, key)
  WHERE 'COOPERATES_WITH' IN $types AND r.dateFrom >= $seekFrom AND r.dateFrom <= $asOfTo AND r.key IS NOT NULL
    AND ($afterDate IS NULL OR r.dateFrom > $afterDate OR r.key > $afterKey)
    AND coalesce(r.dateTo >= $asOfFrom, true) AND {{include:fragments/date-evidence(r)}}
  WITH r ORDER BY r.dateFrom, r.key LIMIT $limit
  RETURN null AS node, r AS relation, r.dateFrom AS dateFrom, r.key AS key
  UNION ALL
  MATCH ()-[r:SAID_BY]->()
  USING INDEX SEEK r:SAID_BY(dateFrom, key)
  WHERE 'SAID_BY' IN $types AND r.dateFrom >= $seekFrom AND r.dateFrom <= $asOfTo AND r.key IS NOT NULL
    AND ($afterDate IS NULL OR r.dateFrom > $afterDate OR r.key > $afterKey)
    AND coalesce(r.dateTo >= $asOfFrom, true) AND {{include:fragments/date-evidence(r)}}
  WITH r ORDER BY r.dateFrom, r.key LIMIT $limit
  RETURN null AS node, r AS relation, r.dateFrom AS dateFrom, r.key AS key
  UNION ALL
  MATCH ()-[r:SAID_AT]->()
  USING INDEX SEEK r:SAID_AT(dateFrom, key)
  WHERE 'SAID_AT' IN $types AND r.dateFrom >= $seekFrom AND r.dateFrom <= $asOfTo AND r.key IS NOT NULL
    AND ($afterDate IS NULL OR r.dateFrom > $afterDate OR r.key > $afterKey)
    AND coalesce(r.dateTo >= $asOfFrom, true) AND {{include:fragments/date-evidence(r)}}
  WITH r ORDER BY r.dateFrom, r.key LIMIT $limit
  RETURN null AS node, r AS relation, r.dateFrom AS dateFrom, r.key AS key
  UNION ALL
  MATCH ()-[r:ABOUT]->()
  USING INDEX SEEK r:ABOUT(dateFrom, key)
  WHERE 'ABOUT' IN $types AND r.dateFrom >= $seekFrom AND r.dateFrom <= $asOfTo AND r.key IS NOT NULL
    AND ($afterDate IS NULL OR r.dateFrom > $afterDate OR r.key > $afterKey)
    AND coalesce(r.dateTo >= $asOfFrom, true) AND {{include:fragments/date-evidence(r)}}
  WITH r ORDER BY r.dateFrom, r.key LIMIT $limit
  RETURN null AS node, r AS relation, r.dateFrom AS dateFrom, r.key AS key
}
WITH node, relation, null AS other, coalesce(node, relation) AS fact, dateFrom, key
{{timelineAnswer}}

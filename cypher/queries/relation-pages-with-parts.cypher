// relation-pages (see there for the parameters, slots, keyset and totals), rolled up over the
// entity's parts: its own relationships and those of everything inside it by PART_OF,
// transitively, whose label is in $partLabels (a ministry's departments, ICANN's GNSO and the
// GNSO's ISPCP, for Organization.people and Body.people; a conference's sections and round
// tables, for an Event's participants, statements, documents and topics), with includeParts. The
// labels keep an organization's roll-up out of the events that are part of it. One statement for
// all the entities and all their parts: the parts are found by a variable-length PART_OF walk
// from each entity, never a statement per part. The bound of 10 guards against a malformed
// cycle; real nesting is two or three deep, and DISTINCT keeps a part reached twice (or a cycle)
// from counting twice.
// Each edge also names the part it belongs to (null for the entity itself), with its
// properties, so that the caller can say where a position is held without another read.
// $evidence filters the listed relationships as in relation-pages; the PART_OF walk that finds
// the parts is structure, not a listed claim, so it is not filtered.
UNWIND $ids AS id
MATCH (a:Entity {id: id})
CALL (a) {
UNWIND CASE WHEN $withTotal THEN [1] ELSE [] END AS counting
MATCH (a)<-[:PART_OF*0..10]-(part:Entity)
WHERE part.label IN $partLabels
WITH DISTINCT part
MATCH (part){{left}}[r:{{type}}]{{right}}(b:Entity)
WHERE true {{relationFilters}}
RETURN count(DISTINCT r) AS total
}
CALL (a) {
MATCH (a)<-[:PART_OF*0..10]-(part:Entity)
WHERE part.label IN $partLabels
WITH DISTINCT part
MATCH (part){{left}}[r:{{type}}]{{right}}(b:Entity)
WHERE true {{relationFilters}}
WITH r, b, part, {{edgeSortKey}} AS k
WHERE true {{edgeBounds}}
WITH r, b, part, k ORDER BY k {{order}}, r.key {{order}} LIMIT $limit
RETURN collect({forward: startNode(r) = part,
props: {{include:fragments/relation-props(r)}},
other: {{include:fragments/entity-props(b)}},
part: CASE WHEN part = a THEN null ELSE {{include:fragments/entity-props(part)}} END,
onBehalfOf: head(COLLECT { MATCH (o:Entity {id: r.onBehalfOf})
RETURN {{include:fragments/entity-props(o)}} })}) AS edges
}
RETURN id, total, edges

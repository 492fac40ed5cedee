// One page of one label's entities for an export, in slug order: the first $limit (an integer)
// whose id comes after $after ('' for the first page). $label picks the branch.
// One branch per label because a label given as a parameter (n:$($label)) scans every node,
// while a literal label reads its id index in order and stops after $limit entries. The
// UNWIND yields no row for the other labels, so their branches read nothing. The list must
// name every label of src/seed/graph.ts (entityLabels); a unit test checks that it does.
CALL () {
  UNWIND CASE WHEN $label = 'Source' THEN [true] ELSE [] END AS wanted
  CALL () { MATCH (n:Source) WHERE n.id > $after RETURN n ORDER BY n.id LIMIT $limit }
  RETURN n
  UNION ALL
  UNWIND CASE WHEN $label = 'Organization' THEN [true] ELSE [] END AS wanted
  CALL () { MATCH (n:Organization) WHERE n.id > $after RETURN n ORDER BY n.id LIMIT $limit }
  RETURN n
  UNION ALL
  UNWIND CASE WHEN $label = 'Person' THEN [true] ELSE [] END AS wanted
  CALL () { MATCH (n:Person) WHERE n.id > $after RETURN n ORDER BY n.id LIMIT $limit }
  RETURN n
  UNION ALL
  UNWIND CASE WHEN $label = 'Tld' THEN [true] ELSE [] END AS wanted
  CALL () { MATCH (n:Tld) WHERE n.id > $after RETURN n ORDER BY n.id LIMIT $limit }
  RETURN n
  UNION ALL
  UNWIND CASE WHEN $label = 'Memorandum' THEN [true] ELSE [] END AS wanted
  CALL () { MATCH (n:Memorandum) WHERE n.id > $after RETURN n ORDER BY n.id LIMIT $limit }
  RETURN n
  UNION ALL
  UNWIND CASE WHEN $label = 'Event' THEN [true] ELSE [] END AS wanted
  CALL () { MATCH (n:Event) WHERE n.id > $after RETURN n ORDER BY n.id LIMIT $limit }
  RETURN n
  UNION ALL
  UNWIND CASE WHEN $label = 'Body' THEN [true] ELSE [] END AS wanted
  CALL () { MATCH (n:Body) WHERE n.id > $after RETURN n ORDER BY n.id LIMIT $limit }
  RETURN n
  UNION ALL
  UNWIND CASE WHEN $label = 'Document' THEN [true] ELSE [] END AS wanted
  CALL () { MATCH (n:Document) WHERE n.id > $after RETURN n ORDER BY n.id LIMIT $limit }
  RETURN n
  UNION ALL
  UNWIND CASE WHEN $label = 'Topic' THEN [true] ELSE [] END AS wanted
  CALL () { MATCH (n:Topic) WHERE n.id > $after RETURN n ORDER BY n.id LIMIT $limit }
  RETURN n
  UNION ALL
  UNWIND CASE WHEN $label = 'Country' THEN [true] ELSE [] END AS wanted
  CALL () { MATCH (n:Country) WHERE n.id > $after RETURN n ORDER BY n.id LIMIT $limit }
  RETURN n
}
WITH n
ORDER BY n.id
// The audit times are no part of a record, and the driver is slow to decode a DATETIME.
RETURN n {.*, createdAt: null, updatedAt: null} AS props

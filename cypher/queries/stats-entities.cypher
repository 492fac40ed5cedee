// How many entities of each label, for stats.entities. One literal count per label: each
// COUNT { (:Label) } is answered from Neo4j's count store in constant time, whereas a dynamic
// label ($(label)) or grouping by n.label would scan every node. The list must name every label
// of src/seed/graph.ts (entityLabels); the repository adds 0 for any label missing here, and
// the integration test checks that none is.
UNWIND [
  {type: 'Source', count: COUNT { (:Source) }},
  {type: 'Organization', count: COUNT { (:Organization) }},
  {type: 'Person', count: COUNT { (:Person) }},
  {type: 'Tld', count: COUNT { (:Tld) }},
  {type: 'Memorandum', count: COUNT { (:Memorandum) }},
  {type: 'Event', count: COUNT { (:Event) }},
  {type: 'Body', count: COUNT { (:Body) }},
  {type: 'Document', count: COUNT { (:Document) }},
  {type: 'Topic', count: COUNT { (:Topic) }},
  {type: 'Country', count: COUNT { (:Country) }},
  {type: 'Conflict', count: COUNT { (:Conflict) }},
  {type: 'Statement', count: COUNT { (:Statement) }}
] AS row
RETURN row.type AS type, row.count AS count

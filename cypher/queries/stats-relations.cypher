// How many relationships of each type, for stats.relations. One literal count per type: each
// COUNT { ()-[:TYPE]->() } is answered from Neo4j's count store in constant time, whereas a
// dynamic type or grouping by type(r) would scan every relationship. The list must name every
// type of src/seed/graph.ts (relationTypes); the repository adds 0 for any type missing here,
// and the integration test checks that none is.
UNWIND [
  {type: 'MANAGES', count: COUNT { ()-[:MANAGES]->() }},
  {type: 'PARTY_TO', count: COUNT { ()-[:PARTY_TO]->() }},
  {type: 'SIGNED', count: COUNT { ()-[:SIGNED]->() }},
  {type: 'HOLDS_POSITION', count: COUNT { ()-[:HOLDS_POSITION]->() }},
  {type: 'MEMBER_OF', count: COUNT { ()-[:MEMBER_OF]->() }},
  {type: 'PART_OF', count: COUNT { ()-[:PART_OF]->() }},
  {type: 'PARTICIPATED_IN', count: COUNT { ()-[:PARTICIPATED_IN]->() }},
  {type: 'COVERS', count: COUNT { ()-[:COVERS]->() }},
  {type: 'DISCUSSED', count: COUNT { ()-[:DISCUSSED]->() }},
  {type: 'ESTABLISHED_BY', count: COUNT { ()-[:ESTABLISHED_BY]->() }},
  {type: 'ISSUED', count: COUNT { ()-[:ISSUED]->() }},
  {type: 'PRESENTED_AT', count: COUNT { ()-[:PRESENTED_AT]->() }},
  {type: 'LOCATED_IN', count: COUNT { ()-[:LOCATED_IN]->() }},
  {type: 'SERVES_COUNTRY', count: COUNT { ()-[:SERVES_COUNTRY]->() }},
  {type: 'IDN_COUNTERPART', count: COUNT { ()-[:IDN_COUNTERPART]->() }},
  {type: 'COOPERATES_WITH', count: COUNT { ()-[:COOPERATES_WITH]->() }},
  {type: 'SAID_BY', count: COUNT { ()-[:SAID_BY]->() }},
  {type: 'SAID_AT', count: COUNT { ()-[:SAID_AT]->() }},
  {type: 'ABOUT', count: COUNT { ()-[:ABOUT]->() }}
] AS row
RETURN row.type AS type, row.count AS count

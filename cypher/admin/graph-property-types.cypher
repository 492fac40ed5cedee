// The Neo4j type of every property of every node and relationship (valueType: "FLOAT NOT NULL",
// "LIST<STRING NOT NULL> NOT NULL", …), which properties() hides once the driver has decoded
// them. Owners as in admin/graph-contents: a node by elementId, a relationship by its ends'
// elementIds, its type and its key. The bulk loader's test compares two stores with it.
CALL () {
  MATCH (n)
  UNWIND keys(n) AS key
  RETURN elementId(n) AS owner, key, valueType(n[key]) AS type
  UNION ALL
  MATCH (a)-[r]->(b)
  UNWIND keys(r) AS key
  RETURN elementId(a) + '>' + elementId(b) + ':' + type(r) + ':' + toString(r.key) AS owner, key, valueType(r[key]) AS type
}
RETURN owner, key, type

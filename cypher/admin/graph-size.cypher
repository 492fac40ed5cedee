// The size of the whole database, whatever the labels: nodes, relationships, and their
// properties. Tests take it before and after hostile requests to show they changed nothing.
CALL () { MATCH (n) RETURN count(n) AS nodes, sum(size(keys(n))) AS nodeProperties }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships, sum(size(keys(r))) AS relationshipProperties }
RETURN nodes, nodeProperties, relationships, relationshipProperties

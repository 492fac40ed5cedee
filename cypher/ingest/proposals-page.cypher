// One page of proposals in id order after $after, filtered by status and source when given.
// Seeks the (status, id) or (source, id) index.
MATCH (p:Proposal)
WHERE p.id > $after
  AND ($status IS NULL OR p.status = $status)
  AND ($source IS NULL OR p.source = $source)
WITH p ORDER BY p.id ASC LIMIT $limit
OPTIONAL MATCH (t:SourceText {source: p.source})
RETURN properties(p) AS props, substring(t.text, p.start, p.end - p.start) AS evidenceText

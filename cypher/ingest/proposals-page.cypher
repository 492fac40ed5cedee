// One page of proposals in id order after $after, filtered by status and source when given;
// and with $withTotal, how many there are in all with the same filters, in the same round trip.
// The page reads the proposal_id index in id order from $after and stops after $limit matches;
// the count reads every proposal, testing the filters (a review queue holds thousands, not
// millions: the filters' optional form keeps one plan where a seek by status or source would
// need a statement for each combination). Without $withTotal the UNWIND yields no row, so
// nothing is counted; count() still yields its single row (0), which the caller ignores. The
// page is collected so that an empty page still comes with its count.
CALL () {
  UNWIND CASE WHEN $withTotal THEN [true] ELSE [] END AS counting
  MATCH (p:Proposal)
  WHERE ($status IS NULL OR p.status = $status)
    AND ($source IS NULL OR p.source = $source)
  RETURN count(p) AS total
}
CALL () {
  MATCH (p:Proposal)
  WHERE p.id > $after
    AND ($status IS NULL OR p.status = $status)
    AND ($source IS NULL OR p.source = $source)
  WITH p ORDER BY p.id ASC LIMIT $limit
  OPTIONAL MATCH (t:SourceText {source: p.source})
  RETURN collect({props: properties(p), evidenceText: substring(t.text, p.start, p.end - p.start)}) AS rows
}
RETURN total, rows

// {{include:fragments/citing-relations}}: each relationship whose `sources` list the source
// $source, as `r`: one exact term of the keyword full-text index relation_sources (`IN` keeps the
// match exact). Only relationships between entities carry `sources`. See
// cypher/schema/015-source-citations.
CALL db.index.fulltext.queryRelationships('relation_sources', '"' + $source + '"') YIELD relationship
WITH relationship AS r WHERE $source IN r.sources

// A source's mentions in text order, with the stored text they point into; at most $limit.
MATCH (m:Mention {source: $source})
OPTIONAL MATCH (t:SourceText {source: m.source})
RETURN m.id AS id, m.source AS source, m.start AS start, m.end AS end, m.entity AS entity, m.candidates AS candidates,
       substring(t.text, m.start, m.end - m.start) AS text
ORDER BY m.start
LIMIT $limit

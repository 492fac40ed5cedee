// A curator links (or re-links) a mention to an entity.
MATCH (m:Mention {id: $id})
MATCH (n:Entity {id: $entity})
SET m.entity = n.id, m.linkedBy = $by, m.linkedAt = datetime()
WITH m
OPTIONAL MATCH (t:SourceText {source: m.source})
RETURN m.id AS id, m.source AS source, m.start AS start, m.end AS end, m.entity AS entity, m.candidates AS candidates,
       substring(t.text, m.start, m.end - m.start) AS text

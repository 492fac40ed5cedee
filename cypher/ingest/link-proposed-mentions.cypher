// Accepting an entity proposal links the mentions of its source that stand for it (the new name,
// and its surname written alone), unless a curator linked one by hand already.
OPTIONAL MATCH (m:Mention {source: $source})
WHERE m.proposal = $proposal AND m.entity IS NULL
SET m.entity = $entity, m.linkedBy = $by, m.linkedAt = datetime()
RETURN count(m) AS linked

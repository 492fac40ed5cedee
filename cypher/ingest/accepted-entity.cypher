// The entity a source's accepted entity proposal of this name and type became: a relation
// proposed between new names can then be accepted once its ends are.
MATCH (p:Proposal {source: $source})
WHERE p.kind = 'entity' AND p.status = 'ACCEPTED' AND p.fromName = $name AND p.fromType = $type
RETURN p.acceptedAs AS slug
LIMIT 1

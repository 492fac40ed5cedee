// The topics most often covered (COVERS, by memoranda and documents) or discussed (DISCUSSED,
// at events), for stats.topTopics. Counted per topic from its degree by type; only the $first
// kept rows load their properties. Ties are broken by slug; topics never covered are left out.
MATCH (t:Topic)
WITH t, COUNT { (t)<-[:COVERS|DISCUSSED]-() } AS mentions
WHERE mentions > 0
ORDER BY mentions DESC, t.id ASC
LIMIT $first
RETURN {{include:fragments/entity-props(t)}} AS props, mentions AS count

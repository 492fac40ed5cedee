// The newest change-log position: where a matcher built now starts following the log.
MATCH (c:Change)
USING INDEX c:Change(at, id)
WHERE c.at IS NOT NULL AND c.id IS NOT NULL
RETURN toString(c.at) AS atText, c.id AS id
ORDER BY c.at DESC, c.id DESC
LIMIT 1

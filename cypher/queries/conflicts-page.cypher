// One page of conflicts in slug order: the first $limit (an integer) after $after ('' for the
// first page), only those whose subjects include $about when it is not null. The (label, id)
// index hands them over in order, as for an export page; a conflict names its subjects by slug
// in a list, which no index can seek, but conflicts are few.
MATCH (c:Entity)
USING INDEX c:Entity(label, id)
WHERE c.label = 'Conflict' AND c.id > $after AND c.id <= '\uffff' AND ($about IS NULL OR $about IN c.subjects)
WITH c
ORDER BY c.label, c.id
LIMIT $limit
RETURN {{include:fragments/entity-props(c)}} AS props

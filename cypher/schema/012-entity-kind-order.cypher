// Lists of one kind by name or by slug (organizations of a kind, the root of a nested read such
// as the benchmark's Q3): the rows of that kind in index order, so the page stops after its
// $limit rows (queries/entity-page, reads 'kind-name' and 'kind-id'). Through (label, id) or
// (label, nameKey, id) the kind was a filter: at 10k entities a page of 10 organizations of one
// kind read 171 db hits to return 10 rows, and rare kinds read further.
CREATE INDEX entity_label_kind_name IF NOT EXISTS FOR (n:Entity) ON (n.label, n.kind, n.nameKey, n.id);
CREATE INDEX entity_label_kind_id IF NOT EXISTS FOR (n:Entity) ON (n.label, n.kind, n.id);

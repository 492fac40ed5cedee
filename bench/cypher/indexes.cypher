// Indexes for systems B and C, created by the bench after loading (bench/lib/dataset.ts).
// govgraph's composite indexes are all on :Entity(label, …) and only A's statements filter on
// n.label; B (@neo4j/graphql, MATCH (n:Event&Entity)) and C (hand-written, MATCH (n:Event))
// match on the domain label. These give them the same help on their own labels.
//
// Q2 (events of a kind in a date range, by date, with totalCount). A's index is
// (label, kind, dateFrom, id, dateTo): the count reads index entries only, the page is read in
// index order from the cursor. Its equivalent on :Event, for C:
CREATE INDEX bench_event_kind_date IF NOT EXISTS FOR (n:Event) ON (n.kind, n.dateFrom, n.id, n.dateTo);
// A composite index serves a statement only when every one of its properties has a predicate.
// B's generated WHERE tests kind, dateFrom and dateTo, never id, so it cannot use the one above;
// this is the same index without id, which it does use (PROFILE: 1,183 → 282 db hits at 10k).
CREATE INDEX bench_event_kind_date_range IF NOT EXISTS FOR (n:Event) ON (n.kind, n.dateFrom, n.dateTo);
// Q3's root (organizations of a kind, by slug, first 10). A's statement reads (label, id) in
// slug order and filters the kind; :Organization(id) (the organization_id constraint) is the
// equivalent, already there. This one is tighter: C reads the 10 rows it returns. B's generated
// WHERE has no predicate on id, so no composite index can serve it: it seeks
// :Organization(kind) and sorts every organization of the kind (a known limit of the library).
CREATE INDEX bench_organization_kind_id IF NOT EXISTS FOR (n:Organization) ON (n.kind, n.id);

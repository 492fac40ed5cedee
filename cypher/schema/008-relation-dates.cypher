// The graph-wide timeline (queries/timeline-graph) reads the dated relationships of every type in
// date order. Neo4j indexes a relationship property for one type at a time, so each type has its
// own range index on (dateFrom, key): the statement seeks each from the cursor's date, already in
// (date, key) order, and stops after a page, rather than reading and sorting every relationship of
// the graph. Most relationships have no dateFrom and are not in these indexes at all.
// test/unit/timeline-statement.test.ts checks that every relation type has its index here.
CREATE INDEX relation_date_manages IF NOT EXISTS FOR ()-[r:MANAGES]-() ON (r.dateFrom, r.key);
CREATE INDEX relation_date_party_to IF NOT EXISTS FOR ()-[r:PARTY_TO]-() ON (r.dateFrom, r.key);
CREATE INDEX relation_date_signed IF NOT EXISTS FOR ()-[r:SIGNED]-() ON (r.dateFrom, r.key);
CREATE INDEX relation_date_holds_position IF NOT EXISTS FOR ()-[r:HOLDS_POSITION]-() ON (r.dateFrom, r.key);
CREATE INDEX relation_date_member_of IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.dateFrom, r.key);
CREATE INDEX relation_date_part_of IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.dateFrom, r.key);
CREATE INDEX relation_date_participated_in IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() ON (r.dateFrom, r.key);
CREATE INDEX relation_date_covers IF NOT EXISTS FOR ()-[r:COVERS]-() ON (r.dateFrom, r.key);
CREATE INDEX relation_date_discussed IF NOT EXISTS FOR ()-[r:DISCUSSED]-() ON (r.dateFrom, r.key);
CREATE INDEX relation_date_established_by IF NOT EXISTS FOR ()-[r:ESTABLISHED_BY]-() ON (r.dateFrom, r.key);
CREATE INDEX relation_date_issued IF NOT EXISTS FOR ()-[r:ISSUED]-() ON (r.dateFrom, r.key);
CREATE INDEX relation_date_presented_at IF NOT EXISTS FOR ()-[r:PRESENTED_AT]-() ON (r.dateFrom, r.key);
CREATE INDEX relation_date_located_in IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() ON (r.dateFrom, r.key);
CREATE INDEX relation_date_serves_country IF NOT EXISTS FOR ()-[r:SERVES_COUNTRY]-() ON (r.dateFrom, r.key);
CREATE INDEX relation_date_idn_counterpart IF NOT EXISTS FOR ()-[r:IDN_COUNTERPART]-() ON (r.dateFrom, r.key);
CREATE INDEX relation_date_cooperates_with IF NOT EXISTS FOR ()-[r:COOPERATES_WITH]-() ON (r.dateFrom, r.key);
CREATE INDEX relation_date_said_by IF NOT EXISTS FOR ()-[r:SAID_BY]-() ON (r.dateFrom, r.key);
CREATE INDEX relation_date_said_at IF NOT EXISTS FOR ()-[r:SAID_AT]-() ON (r.dateFrom, r.key);
CREATE INDEX relation_date_about IF NOT EXISTS FOR ()-[r:ABOUT]-() ON (r.dateFrom, r.key);

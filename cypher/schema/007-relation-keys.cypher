// A relationship's key (type|from|to|role|title) is its identity: unique per type, which
// Community edition enforces with an index-backed uniqueness constraint. The upsert finds the
// relationship to update through it (cypher/seed/upsert-relations.cypher), and MERGE takes its
// index lock, so two writers of one new relationship cannot both create it.
CREATE CONSTRAINT manages_key IF NOT EXISTS FOR ()-[r:MANAGES]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT party_to_key IF NOT EXISTS FOR ()-[r:PARTY_TO]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT signed_key IF NOT EXISTS FOR ()-[r:SIGNED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT holds_position_key IF NOT EXISTS FOR ()-[r:HOLDS_POSITION]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT member_of_key IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT part_of_key IF NOT EXISTS FOR ()-[r:PART_OF]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT participated_in_key IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT covers_key IF NOT EXISTS FOR ()-[r:COVERS]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT discussed_key IF NOT EXISTS FOR ()-[r:DISCUSSED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT established_by_key IF NOT EXISTS FOR ()-[r:ESTABLISHED_BY]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT issued_key IF NOT EXISTS FOR ()-[r:ISSUED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT presented_at_key IF NOT EXISTS FOR ()-[r:PRESENTED_AT]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT located_in_key IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT serves_country_key IF NOT EXISTS FOR ()-[r:SERVES_COUNTRY]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT idn_counterpart_key IF NOT EXISTS FOR ()-[r:IDN_COUNTERPART]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT cooperates_with_key IF NOT EXISTS FOR ()-[r:COOPERATES_WITH]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT said_by_key IF NOT EXISTS FOR ()-[r:SAID_BY]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT said_at_key IF NOT EXISTS FOR ()-[r:SAID_AT]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT about_key IF NOT EXISTS FOR ()-[r:ABOUT]-() REQUIRE r.key IS UNIQUE;

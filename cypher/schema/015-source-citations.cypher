// What a source supports (queries/source-support-page; curation/citing-source when a source is
// deleted): the entities and relationships whose `sources` list its slug, and the entities one
// of whose claims cites it. Range and text indexes index a list as one value, so `$source IN
// n.sources` read every entity and every relationship (2.7 million on the benchmark's 1M graph)
// for each page; a full-text index with the keyword analyzer indexes each slug of the list as one
// exact term, as entity_former_slugs does for former slugs, so the page reads only what cites the
// source. Claims are JSON text: a text index answers `claims CONTAINS $quoted` from the few
// entities that have claims. A relationship index names its types: every type of
// src/domain/graph.ts (relationTypes), which test/integration/source-support.test.ts checks.
// Not eventually consistent: a citation is listed as soon as its write commits.
CREATE FULLTEXT INDEX entity_sources IF NOT EXISTS
FOR (n:Entity)
ON EACH [n.sources]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false } };
CREATE FULLTEXT INDEX relation_sources IF NOT EXISTS
FOR ()-[r:MANAGES|PARTY_TO|SIGNED|HOLDS_POSITION|MEMBER_OF|PART_OF|PARTICIPATED_IN|COVERS|DISCUSSED|ESTABLISHED_BY|ISSUED|PRESENTED_AT|LOCATED_IN|SERVES_COUNTRY|IDN_COUNTERPART|COOPERATES_WITH|SAID_BY|SAID_AT|ABOUT]-()
ON EACH [r.sources]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false } };
CREATE TEXT INDEX entity_claims IF NOT EXISTS FOR (n:Entity) ON (n.claims);

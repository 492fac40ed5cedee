// The text index on nameKey (002) serves no statement: every root list reads its page through a
// composite range index it names in a hint (queries/entity-page), nameStartsWith included, and
// nameContains tests searchText. A text index is a Lucene index of every name's trigrams: at 1M
// entities it took 16.6 s of Neo4j's CPU to build, 9 % of all the indexes
// (bench/results/2026-12-04-readme-section.md, "The loader"), and every entity write updates
// it. A store that has not applied 002 yet never builds it (src/db/migrations.ts skips what a
// later file of the same run drops).
DROP INDEX entity_name_key_text IF EXISTS;

// One full-text index over every entity's search forms, written by the application when an
// entity is written (src/domain/text/search-forms.ts), so that search works on any Neo4j 5
// without a custom analyzer:
//   searchText      names, aliases, slug and domain forms, normalized (lower case, no accents,
//                   apostrophes and dashes folded), one per line;
//   searchVariants  the same as match keys (transliteration, British/American spelling and
//                   English endings folded), plus short names written as one word;
//   searchDetails   description, kind, place, publisher … as match keys.
// A query weighs a match in each differently (cypher/queries/search.cypher). The analyzer keeps
// stop words, so ".BY" and ".SU" stay findable. The index covers the Entity label, so an entity
// type added later is searched without a new index.
// entity_search (searchText alone, one label per type) was the index before; a full-text
// index cannot change its properties, so it is dropped and this one built under a new name.
DROP INDEX entity_search IF EXISTS;
CREATE FULLTEXT INDEX entity_search_v2 IF NOT EXISTS
FOR (n:Entity)
ON EACH [n.searchText, n.searchVariants, n.searchDetails]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };

// One full-text index over every entity's names. searchText holds the name, aliases, slug and
// (for TLDs) both the Unicode and punycode forms, already lower-cased and stripped of accents
// (ё → е) by the loader. The analyzer keeps stop words, so ".BY" and ".SU" stay findable.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Organization|Person|Tld|Memorandum|Event|Body|Document|Topic|Country|Source)
ON EACH [n.searchText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };

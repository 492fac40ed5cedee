// The slugs near one that names nothing, for a reference's didYouMean (src/services/candidates.ts,
// the near-slug stage of queries/search): "tld-rux" is one edit from "tld-ru", "ripm" from "ripn".
// Search reads a slug as words ("tld", "rux"), each too short for a typo, so it listed whatever
// shares "tld". With the keyword analyzer each slug, current or former, is one term, and a fuzzy
// term query (at most two edits) walks the index's term dictionary with a Levenshtein automaton:
// bounded by the index, not by the number of entities, and no node is read but the hits. Not
// eventually consistent: a slug written is a candidate as soon as it commits.
CREATE FULLTEXT INDEX entity_slugs IF NOT EXISTS
FOR (n:Entity)
ON EACH [n.id, n.formerSlugs]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false } };

// The redirect behind renames (and, later, merges): an entity keeps the slugs it had before in
// formerSlugs, a list, and every lookup by slug falls back to it (queries/entities-by-id).
// Range and text indexes index a list property as one value, so `$slug IN n.formerSlugs` would
// scan every entity; a full-text index indexes each element of a string list, and with the
// keyword analyzer each element is one exact term. A lookup is then one term seek in that
// index, whatever the size of the graph. Not eventually consistent: a renamed slug resolves as
// soon as the rename commits.
CREATE FULLTEXT INDEX entity_former_slugs IF NOT EXISTS
FOR (n:Entity)
ON EACH [n.formerSlugs]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false } };

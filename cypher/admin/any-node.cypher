// Whether the store holds any node besides the search forms' marker, which migrations write on
// an empty store: the offline importer replaces the whole store (src/db/bulk-load.ts), so it
// may only run where there is nothing to lose, not even a change record or a journal.
MATCH (n)
WHERE NOT n:SearchForms
RETURN 1 AS found
LIMIT 1

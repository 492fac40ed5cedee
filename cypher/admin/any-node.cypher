// Whether the store holds any node besides what migrations write on an empty store (the search
// forms' marker, the :Migration records): the offline importer replaces the whole store
// (src/db/bulk-load.ts), so it may only run where there is nothing to lose, not even a change
// record or a journal. The records go with the store; the migrations run again after the import.
MATCH (n)
WHERE NOT n:SearchForms AND NOT n:Migration
RETURN 1 AS found
LIMIT 1

// {{include:fragments/citation-kind(x)}}: how record x (an entity or a relationship) cites the
// source $source, as its `citationEvidence` holds it beside `sources` (one kind per source, by
// position; a store loaded before that list reads the record's own `evidence`); null when only
// claims of x cite it.
[i IN range(0, size(coalesce({{var}}.sources, [])) - 1) WHERE {{var}}.sources[i] = $source | coalesce({{var}}.citationEvidence[i], {{var}}.evidence)][0]

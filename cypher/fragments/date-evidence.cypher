// {{include:fragments/date-evidence(x)}}: whether the date of x, an entity or a relationship,
// passes the timeline's `evidence` argument. $evidence lists the kinds asked for, null for any.
// dateEvidence holds the kinds behind the date itself (src/domain/validate.ts, setDateEvidence):
// an event's record may be STATED while its year is INFERRED. Stores written before it existed
// fall back to the record's citations (citationEvidence), as fragments/evidence-filter reads them.
($evidence IS NULL OR any(kind IN coalesce({{var}}.dateEvidence, {{var}}.citationEvidence) WHERE kind IN $evidence))

// {{include:fragments/evidence-filter(r)}}: whether relationship r passes the `evidence`
// argument of a relation connection, neighborhood, paths or timeline. $evidence lists the kinds
// asked for (STATED, INFERRED, EXTERNAL), null for any; r passes when one of its citations has a
// listed kind (citationEvidence holds each citation's kind, in the order of r.sources). Written
// once here so that every statement walking relations reads "only what the articles say" alike.
($evidence IS NULL OR any(kind IN {{var}}.citationEvidence WHERE kind IN $evidence))

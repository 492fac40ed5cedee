// {{include:fragments/as-of(r)}}: whether relationship r holds on the `asOf` date of a relation
// connection, neighborhood, paths or timeline. $asOfFrom and $asOfTo are the first and the last
// day the partial date can mean ('YYYY-MM-DD'; both null when no asOf is asked, and then every
// relationship passes). r's own span is dateFrom..dateTo (src/domain/validate.ts, spanOf): it
// passes when the two spans overlap, a missing end counting as still going on (a membership
// with no endDate) and a missing start as since ever. A relationship with no date at all holds
// on no known date: it passes only with $includeUndated. Written once here so that every
// statement walking relations reads "as of" alike; Cypher has no AS OF of its own.
($asOfFrom IS NULL
  OR ({{var}}.dateFrom IS NULL AND {{var}}.dateTo IS NULL AND $includeUndated)
  OR (({{var}}.dateFrom IS NOT NULL OR {{var}}.dateTo IS NOT NULL)
    AND coalesce({{var}}.dateFrom <= $asOfTo, true) AND coalesce({{var}}.dateTo >= $asOfFrom, true)))

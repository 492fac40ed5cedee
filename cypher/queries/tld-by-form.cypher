// A top-level domain by any of its written forms: $forms holds the Unicode and ASCII
// (punycode) spellings, lower case with a leading dot.
MATCH (t:Tld)
WHERE t.name IN $forms OR t.ascii IN $forms
RETURN {{include:fragments/entity-props(t)}} AS props
ORDER BY t.id
LIMIT 1

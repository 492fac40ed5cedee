// A top-level domain by any of its written forms: $forms holds the Unicode and ASCII
// (punycode) spellings, lower case with a leading dot.
// Properties come with their audit times (createdAt, updatedAt) as epoch milliseconds: the
// driver decodes a DATETIME slowly, and every entity and relationship carries two (src/db/values.ts).
MATCH (t:Tld)
WHERE t.name IN $forms OR t.ascii IN $forms
RETURN t {.*, createdAt: toFloat(t.createdAt.epochMillis), updatedAt: toFloat(t.updatedAt.epochMillis)} AS props
ORDER BY t.id
LIMIT 1

// A top-level domain by any of its written forms: $forms holds the Unicode and ASCII
// (punycode) spellings, lower case with a leading dot. Its name and ASCII form first (indexed);
// only when neither matches, its aliases: the articles write the Belarusian IDN ".BEL", in Latin
// letters, an alias of ".бел" that is neither. The aliases are read from every TLD, so only a form
// that names none by its name pays for it.
OPTIONAL MATCH (named:Tld)
WHERE named.name IN $forms OR named.ascii IN $forms
WITH named
ORDER BY named.id
LIMIT 1
CALL (named) {
  WITH named WHERE named IS NOT NULL
  RETURN named AS t
  UNION
  WITH named WHERE named IS NULL
  MATCH (aliased:Tld)
  WHERE any(alias IN coalesce(aliased.aliases, []) WHERE toLower(alias) IN $forms)
  RETURN aliased AS t
  ORDER BY aliased.id
  LIMIT 1
}
RETURN {{include:fragments/entity-props(t)}} AS props

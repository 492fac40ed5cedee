// The version of the search forms every stored entity carries (src/domain/text/search-forms.ts,
// searchFormsVersion), kept on one bookkeeping node; none when the forms were never rewritten.
OPTIONAL MATCH (m:SearchForms)
RETURN max(m.version) AS version

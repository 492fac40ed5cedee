// {{include:fragments/entity-props(n)}}: the stored properties of entity n as every read needs
// them, audit times as in fragments/relation-props. The search forms (searchText, searchVariants,
// searchDetails: src/domain/text/search-forms.ts) are for the full-text index alone and are more
// than half of an entity's bytes; a map projection cannot leave a key out of .*, so they go as
// nulls. The statements that need them read properties(n) (cypher/search/forms-page).
{{var}} {.*, searchText: null, searchVariants: null, searchDetails: null,
 createdAt: toFloat({{var}}.createdAt.epochMillis), updatedAt: toFloat({{var}}.updatedAt.epochMillis)}

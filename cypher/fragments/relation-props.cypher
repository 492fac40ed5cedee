// {{include:fragments/relation-props(r)}}: the stored properties of relationship r, with its audit
// times (createdAt, updatedAt) as epoch milliseconds rather than DATETIME values: every entity
// and relationship carries two, and the driver decodes a DATETIME slowly (it cost about a
// quarter of a nested query's CPU). src/db/values.ts turns the numbers into Dates. The export
// statements (cypher/exchange) leave the times out altogether.
{{var}} {.*, createdAt: toFloat({{var}}.createdAt.epochMillis), updatedAt: toFloat({{var}}.updatedAt.epochMillis)}

// Every country of the graph with its ISO code and names, for the country filter: a name or an
// alias ("Russia", "Russian Federation") becomes the code the lists filter on, and a name that is
// none of them is refused listing these. A few hundred at most; read through the code index.
MATCH (c:Country)
WHERE c.code IS NOT NULL
RETURN c.id AS slug, c.code AS code, c.name AS name, coalesce(c.aliases, []) AS aliases, coalesce(c.formerSlugs, []) AS formerSlugs
ORDER BY c.name, c.id

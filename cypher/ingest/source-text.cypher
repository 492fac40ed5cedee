// The stored text of an ingested source, and what its sender said of it.
MATCH (t:SourceText {source: $source})
RETURN t.text AS text, t.lang AS lang, t.title AS title, t.url AS url, t.published AS published, t.publisher AS publisher

// The schema files this database has applied, with the checksum of each as it was applied.
MATCH (m:Migration)
RETURN m.name AS name, m.checksum AS checksum, toString(m.appliedAt) AS appliedAt

// Records a schema file as applied. A process that applied it at the same moment may have
// recorded it first: then its record stays, and the checksum returned is the one it recorded.
MERGE (m:Migration {name: $name})
  ON CREATE SET m.checksum = $checksum, m.appliedAt = datetime()
RETURN m.checksum AS checksum

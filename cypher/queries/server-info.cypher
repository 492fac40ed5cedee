// The database's product name, version and edition, for the API's serverInfo query.
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition
LIMIT 1

// Records that every entity now carries search forms of version $version.
MERGE (m:SearchForms)
SET m.version = $version

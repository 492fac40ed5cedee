// One :Migration record per schema file applied (src/db/migrations.ts): unique by file name, so
// that two processes starting at once record each file once.
CREATE CONSTRAINT migration_name IF NOT EXISTS FOR (m:Migration) REQUIRE m.name IS UNIQUE

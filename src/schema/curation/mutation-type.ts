import { builder } from '../builder.ts';

builder.mutationType({
  description:
    'Curation: create, update and delete entities and relations. Every write cites its sources, runs in one transaction ' +
    '(all of it happens or none of it does) and needs an API key: "curate" to create and update, "admin" to delete and to merge entities. ' +
    'Upserts replace the whole record, so sending the same input twice leaves the same state; every real change is recorded ' +
    'in the change log (Query.changes).',
});

/** The write side: the mutation type, its upserts and deletes, and the change log they leave. */
import './mutation-type.ts';
import './entity-upserts.ts';
import './entity-deletes.ts';
import './relation-mutations.ts';
import './changes.ts';
import './conflict-mutations.ts';
import './merges.ts';
import './merge-jobs.ts';
import './ingest.ts';

import { builder } from './builder.ts';
import { withClosedListErrors } from './closed-lists.ts';
import './entity.ts';
import './actor.ts';
import './organization.ts';
import './person.ts';
import './tld.ts';
import './memorandum.ts';
import './event.ts';
import './body.ts';
import './document.ts';
import './topic.ts';
import './country.ts';
import './source.ts';
import './conflict.ts';
import './statement.ts';
import './lists.ts';
import './lookups.ts';
import './search.ts';
import './server-info.ts';
import './neighborhood.ts';
import './paths.ts';
import './timeline.ts';
import './stats.ts';
import './query-cost.ts';
import './audit.ts';
import './curation/index.ts';

/**
 * Imports every domain file (each registers its types on the builder), then builds. toSchema
 * already sorts types and fields by name, as schema.graphql lists them; sorting again kept a
 * second copy of the whole schema alive (about 6 MB of the server's RSS).
 */
export const schema = withClosedListErrors(builder.toSchema());

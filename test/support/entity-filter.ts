/** A root list's filter with nothing set, as the tests name it. */
export { noEntityFilter as noFilter } from '../../src/db/repositories/lists.ts';

import type { EntityFilter } from '../../src/db/repositories/lists.ts';

/** A root list's filter with nothing set: what a request without `filter` asks for. */
export const noFilter: EntityFilter = {
  kind: null,
  type: null,
  idn: null,
  country: null,
  manages: null,
  nameContains: null,
  nameStartsWith: null,
  dateFrom: null,
  dateTo: null,
  topic: null,
  party: null,
  signatory: null,
  participant: null,
  speaker: null,
  about: null,
  saidAt: null,
  evidence: null,
};

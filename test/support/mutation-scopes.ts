/**
 * The scope each mutation needs, written by hand from the policy in docs/curation.md ("curate:
 * create and update; admin: everything curate may, delete, merge and unmerge"), one line per Mutation field of
 * schema.graphql. It is the oracle for the auth tests, so it is not read from the schema: a
 * mutation added without a line here fails test/unit/mutation-scopes.test.ts and
 * test/integration/curation-auth.test.ts until someone decides, and writes down, who may call it.
 */
export const mutationScopes = {
  upsertBody: 'curate',
  deleteBody: 'admin',
  upsertConflict: 'curate',
  deleteConflict: 'admin',
  upsertCountry: 'curate',
  deleteCountry: 'admin',
  upsertDocument: 'curate',
  deleteDocument: 'admin',
  upsertEvent: 'curate',
  deleteEvent: 'admin',
  upsertMemorandum: 'curate',
  deleteMemorandum: 'admin',
  upsertOrganization: 'curate',
  deleteOrganization: 'admin',
  upsertPerson: 'curate',
  deletePerson: 'admin',
  upsertSource: 'curate',
  deleteSource: 'admin',
  upsertTld: 'curate',
  deleteTld: 'admin',
  upsertTopic: 'curate',
  deleteTopic: 'admin',
  upsertStatement: 'curate',
  deleteStatement: 'admin',

  upsertAboutRelation: 'curate',
  deleteAboutRelation: 'admin',
  upsertSaidAtRelation: 'curate',
  deleteSaidAtRelation: 'admin',
  upsertSaidByRelation: 'curate',
  deleteSaidByRelation: 'admin',
  upsertCooperatesWithRelation: 'curate',
  deleteCooperatesWithRelation: 'admin',
  upsertCoversRelation: 'curate',
  deleteCoversRelation: 'admin',
  upsertDiscussedRelation: 'curate',
  deleteDiscussedRelation: 'admin',
  upsertEstablishedByRelation: 'curate',
  deleteEstablishedByRelation: 'admin',
  upsertHoldsPositionRelation: 'curate',
  deleteHoldsPositionRelation: 'admin',
  upsertIdnCounterpartRelation: 'curate',
  deleteIdnCounterpartRelation: 'admin',
  upsertIssuedRelation: 'curate',
  deleteIssuedRelation: 'admin',
  upsertLocatedInRelation: 'curate',
  deleteLocatedInRelation: 'admin',
  upsertManagesRelation: 'curate',
  deleteManagesRelation: 'admin',
  upsertMemberOfRelation: 'curate',
  deleteMemberOfRelation: 'admin',
  upsertPartOfRelation: 'curate',
  deletePartOfRelation: 'admin',
  upsertParticipatedInRelation: 'curate',
  deleteParticipatedInRelation: 'admin',
  upsertPartyToRelation: 'curate',
  deletePartyToRelation: 'admin',
  upsertPresentedAtRelation: 'curate',
  deletePresentedAtRelation: 'admin',
  upsertServesCountryRelation: 'curate',
  deleteServesCountryRelation: 'admin',
  upsertSignedRelation: 'curate',
  deleteSignedRelation: 'admin',

  // Merging rewrites two entities' identity and every relation of one of them: an admin's call.
  mergeEntities: 'admin',
  unmergeEntities: 'admin',
  startMergeJob: 'admin',
  startUnmergeJob: 'admin',
  // The review queue of ingested sources (docs/ingestion.md): reading an article into it and
  // deciding on what it proposes are curation, as writing the claims by hand is.
  ingestSource: 'curate',
  acceptProposal: 'curate',
  rejectProposal: 'curate',
  linkMention: 'curate',
} as const satisfies Record<string, Scope>;

export type Scope = 'curate' | 'admin';

/** The pinned scope of a mutation, or undefined for one the table does not list. */
export function pinnedScope(name: string): Scope | undefined {
  const table: Readonly<Record<string, Scope>> = mutationScopes;
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

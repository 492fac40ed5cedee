import type { GraphQLField, GraphQLSchema } from 'graphql';
import { afterAll, beforeAll } from 'vitest';
import { type ApiKeyEntry, newApiKey, parseApiKeys } from '../../src/auth/api-keys.ts';
import type { Database } from '../../src/db/database.ts';
import { type EntityLabel, entityLabels, type RelationType, relationTypes, type SeedGraph } from '../../src/domain/graph.ts';
import { relationRules } from '../../src/domain/rules.ts';
import type { YogaOptions } from '../../src/yoga.ts';
import { graphState, openTestDatabase } from './database.ts';
import type { GraphState } from './graph-state.ts';
import { GraphQLClient, loadRealSeed, type RequestOptions } from './graphql.ts';

/** API keys for tests: one per scope, a revoked one, and one the server was never given. */
export interface TestKeys {
  /** Entries to hand createGovgraphYoga (apiKeys). */
  entries: ApiKeyEntry[];
  curator: RequestOptions;
  admin: RequestOptions;
  revoked: RequestOptions;
  unknown: RequestOptions;
}

export function testKeys(): TestKeys {
  const curator = newApiKey('curator', ['curate']);
  const admin = newApiKey('admin', ['admin']);
  const revoked = newApiKey('retired', ['admin']);
  const unknown = newApiKey('stranger', ['admin']);
  const entries = parseApiKeys([curator.entry, admin.entry, `${revoked.entry}:revoked`].join('\n'), 'test');
  const bearer = (key: string): RequestOptions => ({ authorization: `Bearer ${key}` });
  return { entries, curator: bearer(curator.key), admin: bearer(admin.key), revoked: bearer(revoked.key), unknown: bearer(unknown.key) };
}

/** What a curation test file works with; its fields are set once its beforeAll has run. */
export interface CurationSuite {
  db: Database;
  api: GraphQLClient;
  /** The real seed, as loaded. */
  graph: SeedGraph;
  keys: TestKeys;
  /** Just after the seed was loaded: changes since then are the file's own. */
  seededAt: string;
}

/**
 * Registers the file's beforeAll and afterAll: the real seed in the test database, and a client
 * whose server knows testKeys(). Read the fields inside tests, not at the top level.
 */
export function seededCurationSuite(options: Omit<YogaOptions, 'db' | 'apiKeys'> = {}): CurationSuite {
  const suite = { keys: testKeys() } as CurationSuite;
  beforeAll(async () => {
    suite.db = await openTestDatabase();
    suite.graph = await loadRealSeed(suite.db);
    suite.api = new GraphQLClient(suite.db, { ...options, apiKeys: suite.keys.entries });
    suite.seededAt = new Date().toISOString();
  });
  afterAll(async () => {
    await suite.db?.close();
  });
  return suite;
}

/** Every node, relationship and property, the change log included, to show a refused write left no trace. */
export function footprint(db: Database): Promise<GraphState> {
  return graphState(db);
}

/** The seed's first source: every fixture cites it. */
export const seedSource = 'src-000-cctld-msk-ix-memorandum';

/** Every mutation field of the schema, by name: tests enumerate these, so a new one cannot escape them. */
export function mutationFields(schema: GraphQLSchema): GraphQLField<unknown, unknown>[] {
  return Object.values(schema.getMutationType()?.getFields() ?? {});
}

/** A document that calls one mutation field with every argument as a variable. */
export function mutationDocument(field: GraphQLField<unknown, unknown>, selection = '__typename'): string {
  const definitions = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `mutation${definitions ? ` (${definitions})` : ''} { ${field.name}${args ? `(${args})` : ''} { ${selection} } }`;
}

/** A valid input of each entity kind, with slug `id`, citing the seed's first source. */
export function entityInput(label: EntityLabel, id: string): Record<string, unknown> {
  const cited = { id, name: `Test ${label} ${id}`, sources: [{ id: seedSource }], evidence: 'STATED' };
  switch (label) {
    case 'Source':
      return { id, title: `Test source ${id}` };
    case 'Organization':
      return { ...cited, kind: 'COMPANY' };
    case 'Tld':
      return { ...cited, name: `.${id}`, ascii: `.${id}` };
    case 'Country':
      return { ...cited, code: 'FR' };
    case 'Statement':
      return { ...cited, summary: `What a test said, ${id}.` };
    case 'Conflict':
      return {
        slug: id,
        name: `Test conflict ${id}`,
        description: 'Written by a test.',
        subjects: ['msk-ix'],
        claims: [
          { value: 'one', sources: [seedSource], evidence: 'STATED' },
          { value: 'two', sources: [seedSource], evidence: 'STATED' },
        ],
      };
    default:
      return cited;
  }
}

/** Two different entities of the seed for each label, to serve as relation ends. */
function seedEnds(graph: SeedGraph, label: EntityLabel): [string, string] {
  const ids = graph.nodes.filter((node) => node.label === label).map((node) => node.id);
  if (ids.length < 2) throw new Error(`the seed holds fewer than two ${label} entities`);
  return [ids[0] as string, ids[1] as string];
}

/** A valid relation input of each type between seed entities (the role an enum name where the type has a closed list). */
export function relationInput(type: RelationType, graph: SeedGraph): Record<string, unknown> {
  const rule = relationRules[type];
  const [from] = seedEnds(graph, rule.from[0] as EntityLabel);
  const to = seedEnds(graph, rule.to[0] as EntityLabel).find((id) => id !== from) as string;
  const input: Record<string, unknown> = { from, to, sources: [{ id: seedSource }], evidence: 'STATED', note: 'written by a test' };
  if (rule.roles) input.role = (rule.roles[0] as string).toUpperCase().replaceAll('-', '_');
  if (rule.fields.includes('title')) input.title = 'Test title';
  if (rule.fields.includes('onBehalfOf')) input.onBehalfOf = seedEnds(graph, 'Organization')[0];
  return input;
}

/** The relation type a generated mutation field is about: upsertPartyToRelation → PARTY_TO. */
export function relationTypeOf(fieldName: string): RelationType | null {
  const match = /^(?:upsert|delete)(\w+)Relation$/.exec(fieldName);
  if (!match) return null;
  const type = (match[1] as string).replace(/(?<=.)([A-Z])/g, '_$1').toUpperCase();
  return (relationTypes as readonly string[]).includes(type) ? (type as RelationType) : null;
}

/** The entity label a generated entity mutation is about: upsertOrganization → Organization. */
export function entityLabelOf(fieldName: string): EntityLabel | null {
  const match = /^(?:upsert|delete)(\w+)$/.exec(fieldName);
  const label = match?.[1];
  return label && (entityLabels as readonly string[]).includes(label) ? (label as EntityLabel) : null;
}

/** Every change since a time, page by page through the changes query. */
export async function changesSince<T>(api: GraphQLClient, since: string, selection: string): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { changes: { edges: { node: T }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await api.data(
      `query ($since: DateTime!, $after: ChangeCursor) {
        changes(since: $since, first: 100, after: $after) { edges { node { ${selection} } } pageInfo { hasNextPage endCursor } }
      }`,
      { since, after },
    );
    nodes.push(...page.changes.edges.map((edge) => edge.node));
    if (!page.changes.pageInfo.hasNextPage) return nodes;
    after = page.changes.pageInfo.endCursor;
  }
}

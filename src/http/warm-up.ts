import { z } from 'zod';
import type { ServerContext } from './server-context.ts';

/**
 * Requests the server answers itself before it says it is ready, through its own request path
 * (yoga's fetch, no socket). A cold JVM plans search.cypher in 8–10 s on a 2-core machine, and
 * each other kind of query (one word or several, with a type word or not, another selection)
 * in a second or two more while the JVM warms. These requests take that cost before any client
 * does: after them a first search of any kind took 0.06–0.4 s
 * (bench/results/2026-12-08-first-requests-plans.md). Each runs one of the heavy statement
 * families (search of one word and of several, with the whole record and with a few
 * properties; a root list with its count; a nested read; a neighbourhood and a timeline) on
 * whatever the database holds; none needs a known slug.
 */

/** What the warm-up needs of the server: its fetch, as yoga has it, with a server context. */
export interface Answering {
  fetch(
    url: string,
    init: { method: string; headers: Record<string, string>; body: string },
    serverContext: ServerContext,
  ): Promise<Response> | Response;
}

/**
 * The warm-up's own time budget per request. A cold JVM on a busy 2-core machine took over 10
 * s (a client's budget) to plan the first search, which then ended in a TIMEOUT and warmed
 * nothing. Neo4j's transaction timeout (NEO4J_TX_TIMEOUT_MS) still bounds each statement.
 */
export const warmUpRequestTimeoutMs = 60_000;

/** How long the warm-up took, and how many of its requests failed (each reported as it fails). */
export interface WarmUpResult {
  ms: number;
  requests: number;
  failed: number;
}

const answer = z.object({ data: z.unknown().optional(), errors: z.array(z.object({ message: z.string() })).optional() });
const firstHit = z.object({ search: z.array(z.object({ node: z.object({ slug: z.string() }) })) });

const searchTexts = [
  'registry',
  'head of the registry',
  'internet',
  'who signed the memorandum',
  'ICANN',
  'members',
  'security conference',
  'domain',
];
// A selection that reads only some properties sends its own statement (record-view.ts), planned
// apart from the whole record's: the searches alternate between the two.
const searchSelections = ['node { __typename slug name } matchedField allWords', 'node { __typename slug name }'];

// Named WarmUp…: the request log and the metrics count them as what they are.
const documents = {
  search: (selection: string) => `query WarmUpSearch($query: String!) { search(query: $query, first: 10) { ${selection} } }`,
  list: 'query WarmUpList { organizations(first: 10) { totalCount nodes { slug name kind } } }',
  nested: 'query WarmUpNested { memoranda(first: 5) { nodes { slug parties { nodes { slug } } signatories { nodes { slug } } } } }',
  around: 'query WarmUpAround($ref: ID!) { neighborhood(id: $ref) { nodes { slug } } timeline(actor: $ref, first: 20) { totalCount } }',
};

/**
 * Sends the warm-up requests one after another. A request that fails is reported and the next
 * one sent: a warm-up never keeps the server from starting.
 */
export async function warmUp(server: Answering, onNotice: (line: string) => void): Promise<WarmUpResult> {
  const started = Date.now();
  let requests = 0;
  let failed = 0;
  const ask = async (query: string, variables: Record<string, unknown> = {}): Promise<unknown> => {
    requests += 1;
    try {
      const response = await server.fetch(
        'http://warm-up/graphql',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        },
        { requestTimeoutMs: warmUpRequestTimeoutMs },
      );
      const parsed = answer.parse(await response.json());
      const error = parsed.errors?.[0]?.message;
      if (response.status !== 200 || error !== undefined) throw new Error(error ?? `HTTP ${response.status}`);
      return parsed.data;
    } catch (error) {
      failed += 1;
      onNotice(`warm-up request failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };
  let slug: string | undefined;
  for (const [index, query] of searchTexts.entries()) {
    const found = firstHit.safeParse(await ask(documents.search(searchSelections[index % searchSelections.length] ?? ''), { query }));
    slug ??= found.success ? found.data.search[0]?.node.slug : undefined;
  }
  await ask(documents.list);
  await ask(documents.nested);
  if (slug !== undefined) await ask(documents.around, { ref: slug });
  return { ms: Date.now() - started, requests, failed };
}

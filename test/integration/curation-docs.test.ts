import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import { entityInput, seededCurationSuite } from '../support/curation.ts';
import type { RequestOptions } from '../support/graphql.ts';

// The examples of docs/curation.md, run in the page's order against the real seed, as a reader
// would paste them: each GraphQL block with the JSON variables right below it, and the query of
// the curl example. Upserts go with a curate key (what the page says they need), the rest with an
// admin key. An example answers without errors, or with the error the page shows for it; a
// sketch with a placeholder ("…") is left out. Three of them once lacked the required `evidence`.

const page = readFileSync(path.join(projectRoot, 'docs', 'curation.md'), 'utf8');

interface DocExample {
  line: number;
  query: string;
  variables: Record<string, unknown>;
}

/** Each ```graphql block, with the ```json block that follows it with nothing between as its variables. */
function graphqlExamples(text: string): DocExample[] {
  const blocks = [...text.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((match) => ({
    language: match[1],
    body: match[2] ?? '',
    start: match.index,
    end: match.index + match[0].length,
  }));
  const examples: DocExample[] = [];
  for (const [index, block] of blocks.entries()) {
    if (block.language !== 'graphql') continue;
    const next = blocks[index + 1];
    const variables = next?.language === 'json' && text.slice(block.end, next.start).trim() === '' ? JSON.parse(next.body) : {};
    examples.push({ line: text.slice(0, block.start).split('\n').length, query: block.body, variables });
  }
  return examples;
}

/** The query the curl example sends (its -d body). */
function curlQuery(text: string): string {
  const body = /curl -s localhost:4000\/graphql[\s\S]*?-d '(\{[\s\S]*?\})'/.exec(text)?.[1];
  if (!body) throw new Error('docs/curation.md has no curl example with a -d body');
  return (JSON.parse(body) as { query: string }).query;
}

/** What the page shows an example answering when it is not data: the delete refused while MANAGES points at the registry. */
const documentedErrors: Record<string, string> = {
  'deleteOrganization(slug: "example-registry")': 'CONFLICT',
};

const suite = seededCurationSuite();

describe('the examples of docs/curation.md', () => {
  it('finds the examples it runs', () => {
    const queries = graphqlExamples(page).map((example) => example.query);
    for (const field of ['upsertOrganization', 'upsertManagesRelation', 'upsertConflict', 'deleteOrganization', 'mergeEntities']) {
      expect(queries.some((query) => query.includes(field))).toBe(true);
    }
    expect(curlQuery(page)).toContain('upsertTopic');
  });

  it('run as written, in order, against the seed', async () => {
    const { api, keys } = suite;
    const keyFor = (query: string): RequestOptions => (/^\s*mutation\b[^{]*\{\s*upsert/.test(query) ? keys.curator : keys.admin);

    // Sending a key: the curl example, with a curate key.
    const curl = await api.send(curlQuery(page), {}, keys.curator);
    expect(curl.result.errors, 'the curl example').toBeUndefined();

    // The merge example merges a second spelling of the registry, which the page supposes exists.
    await api.data(
      'mutation ($input: OrganizationInput!) { upsertOrganization(input: $input) { outcome } }',
      {
        input: { ...entityInput('Organization', 'example-registry-llc'), id: undefined, slug: 'example-registry-llc' },
      },
      keys.curator,
    );

    for (const example of graphqlExamples(page)) {
      // A sketch with placeholders ("…", "survivor-slug") names nothing to run.
      if (example.query.includes('…')) continue;
      const where = `docs/curation.md:${example.line}`;
      const { result } = await api.send(example.query, example.variables, keyFor(example.query));
      const codes = (result.errors ?? []).map((error) => error.extensions?.code);
      expect(codes, where).not.toContain('GRAPHQL_VALIDATION_FAILED');
      expect(codes, where).not.toContain('BAD_USER_INPUT');
      const documented = Object.entries(documentedErrors).find(([field]) => example.query.includes(field))?.[1];
      if (documented) expect(codes, where).toEqual([documented]);
      else expect(result.errors, `${where}: ${JSON.stringify(result.errors)}`).toBeUndefined();
    }
  });
});

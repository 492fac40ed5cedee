import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import { readManifest } from '../../src/formats/trusted-documents.ts';
import { FeedSubscriber } from '../support/change-feed.ts';
import { entityInput } from '../support/curation.ts';
import type { TestServer } from '../support/http-server.ts';
import { OtherProcessSuite } from '../support/other-process.ts';
import { scannedFetch } from '../support/scanned-fetch.ts';

// The response cache for anonymous reads: never a stale answer after a write, whether this
// server process made it (dropped when the mutation commits) or another one did (dropped when
// this process's change-feed poller sees it); requests with a key bypass it; a GET of a trusted
// document answers 304 to its own ETag while nothing changed.

const topicQuery = 'query ($slug: String!) { topic(slug: $slug) { name } }';
const upsertTopic = 'mutation ($input: TopicInput!) { upsertTopic(input: $input) { operation } }';

describe('the response cache', () => {
  const suite = new OtherProcessSuite({ responseCache: { ttlMs: 300_000, maxEntries: 1000 } });
  const keys = suite.keys;

  const post = (target: TestServer, query: string, variables: Record<string, unknown>, authorization?: string) =>
    target.send({
      body: JSON.stringify({ query, variables }),
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    });
  const nameOn = async (target: TestServer, slug: string) => {
    const answer = await post(target, topicQuery, { slug });
    expect(answer.status).toBe(200);
    return (JSON.parse(answer.text) as { data: { topic: { name: string } | null } }).data.topic?.name;
  };

  it("serves a repeated anonymous read from the cache, and never after this process's own write", async () => {
    const server = suite.server;
    const store = server.responseStore;
    if (!store) throw new Error('the test server has no response cache');
    const created = await post(server, upsertTopic, { input: entityInput('Topic', 'cache-t1') }, keys.curator.authorization);
    expect(created.status).toBe(200);
    expect(await nameOn(server, 'cache-t1')).toBe('Test Topic cache-t1');
    const hits = store.counts.hits;
    expect(await nameOn(server, 'cache-t1')).toBe('Test Topic cache-t1');
    expect(store.counts.hits).toBe(hits + 1);
    const metrics = await server.send({ method: 'GET', path: '/metrics' });
    expect(metrics.text).toMatch(new RegExp(`^govgraph_response_cache_hits_total ${store.counts.hits}$`, 'm'));

    const renamed = await post(
      server,
      upsertTopic,
      { input: { ...entityInput('Topic', 'cache-t1'), name: 'Renamed here' } },
      keys.curator.authorization,
    );
    expect(JSON.parse(renamed.text)).not.toHaveProperty('errors');
    // At once: the mutation dropped the cache when it committed.
    expect(await nameOn(server, 'cache-t1')).toBe('Renamed here');

    // A request with a key is never answered from the cache, nor stored in it.
    const before = { ...store.counts };
    for (let i = 0; i < 2; i += 1) await post(server, topicQuery, { slug: 'cache-t1' }, keys.curator.authorization);
    expect(store.counts.hits).toBe(before.hits);
    expect(store.counts.misses).toBe(before.misses);
  });

  it("answers a GET of a trusted document with an ETag, 304 to it while nothing changed, and a new answer after another process's write once the feed has seen it", async () => {
    // The real server, as a child process on the same Neo4j, with its cache on as configured by default.
    const graphqlUrl = (await suite.startChild()).url;
    // The cheapest trusted document: the server's own description.
    const documentId = [...readManifest(projectRoot)].find(([, text]) => text.includes('serverInfo'))?.[0];
    if (!documentId) throw new Error('the manifest holds no serverInfo document');
    const documentUrl = `${graphqlUrl}?documentId=${encodeURIComponent(documentId)}`;
    const accept = { accept: 'application/graphql-response+json', 'x-graphql-yoga-csrf': '1' };

    const first = await scannedFetch(documentUrl, { headers: accept });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await scannedFetch(documentUrl, { headers: { ...accept, 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    // Follow the child's feed about one topic from the newest change, then write it from this process.
    const newest: { changes: { pageInfo: { endCursor: string | null } } } = await suite.writer.data(
      'query ($since: DateTime) { changes(since: $since, first: 100) { pageInfo { endCursor } } }',
      { since: new Date(Date.now() - 600_000).toISOString() },
    );
    const subscriber = new FeedSubscriber(graphqlUrl, { after: newest.changes.pageInfo.endCursor, entity: 'cache-t2' });
    const read = () =>
      scannedFetch(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...accept },
        body: JSON.stringify({ query: topicQuery, variables: { slug: 'cache-t2' } }),
      }).then(async (answer) => ({
        etag: answer.headers.get('etag'),
        body: (await answer.json()) as { data: { topic: { name: string } } },
      }));
    let cached: Awaited<ReturnType<typeof read>>;
    try {
      await suite.writer.data(upsertTopic, { input: entityInput('Topic', 'cache-t2') }, keys.curator);
      // Once the child has seen the new topic, nothing else changes: two reads are one cached answer.
      await subscriber.until((changes) => changes.some((change) => change.action === 'CREATED'));
      cached = await read();
      expect(cached.body.data.topic.name).toBe('Test Topic cache-t2');
      expect((await read()).etag).toBe(cached.etag);

      await suite.writer.data(upsertTopic, { input: { ...entityInput('Topic', 'cache-t2'), name: 'Renamed elsewhere' } }, keys.curator);
      // The feed's own signal: the child's poller drops its cache before it tells any subscriber.
      await subscriber.until((changes) => changes.some((change) => change.action === 'UPDATED'));
    } finally {
      await subscriber.close();
    }
    const fresh = await read();
    expect(fresh.body.data.topic.name).toBe('Renamed elsewhere');
    expect(fresh.etag).not.toBe(cached.etag);
    const afterWrite = await scannedFetch(documentUrl, { headers: { ...accept, 'if-none-match': etag ?? '' } });
    expect(afterWrite.status).toBe(200);
    expect(afterWrite.headers.get('etag')).not.toBe(etag);
  });
});

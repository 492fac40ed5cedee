import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { upsertEntityRow } from '../../src/db/repositories/curation.ts';
import { type FedChange, FeedSubscriber } from '../support/change-feed.ts';
import { entityInput } from '../support/curation.ts';
import { startTestServer } from '../support/http-server.ts';
import { OtherProcessSuite } from '../support/other-process.ts';

// Subscription.changes over SSE, on the real Neo4j: writes by another process reach the
// subscribers of a server, a subscriber that reconnects with its last cursor goes on exactly
// there (even past a long write that started before, and committed after, other writes), and a
// hundred subscribers at once all hear every change.

describe('the change feed', () => {
  const suite = new OtherProcessSuite();
  const keys = suite.keys;

  const upsertTopic = (id: string, name?: string) =>
    suite.writer.data<{ upsertTopic: { operation: string } }>(
      'mutation ($input: TopicInput!) { upsertTopic(input: $input) { operation } }',
      { input: { ...entityInput('Topic', id), ...(name ? { name } : {}) } },
      keys.curator,
    );

  /** The cursor of the newest change in the log (written by the writes so far). */
  async function newestCursor(): Promise<string> {
    let after: string | null = null;
    let since: string | null = new Date(Date.now() - 3_600_000).toISOString();
    for (;;) {
      const page: { changes: { edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
        await suite.writer.data(
          'query ($since: DateTime, $after: ChangeCursor) { changes(since: $since, after: $after, first: 100) { edges { cursor } pageInfo { hasNextPage endCursor } } }',
          {
            since,
            after,
          },
        );
      after = page.changes.pageInfo.endCursor ?? after;
      since = null;
      if (!page.changes.pageInfo.hasNextPage) {
        if (!after) throw new Error('the change log is empty');
        return after;
      }
    }
  }

  /** What a Query.changes reader gets after a cursor, to the end. */
  async function changesAfter(after: string): Promise<FedChange[]> {
    const found: FedChange[] = [];
    let cursor = after;
    for (;;) {
      const page: { changes: { edges: { node: FedChange }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
        await suite.writer.data(
          'query ($after: ChangeCursor) { changes(after: $after, first: 100) { edges { node { id cursor action kind entitySlug relationType operation } } pageInfo { hasNextPage endCursor } } }',
          { after: cursor },
        );
      found.push(...page.changes.edges.map((edge) => edge.node));
      if (!page.changes.pageInfo.hasNextPage || !page.changes.pageInfo.endCursor) return found;
      cursor = page.changes.pageInfo.endCursor;
    }
  }

  const slugs = (changes: readonly FedChange[]) => changes.map((change) => `${change.action} ${change.entitySlug}`);
  const hasSlug = (slug: string) => (changes: readonly FedChange[]) => changes.some((change) => change.entitySlug === slug);

  it('a subscriber of a server process hears the writes another process makes, each once, in order', async () => {
    // The real server, as a child process on the same Neo4j: it shares nothing in memory with this one.
    const child = await suite.startChild();
    await upsertTopic('feed-p0');
    const start = await newestCursor();
    const subscriber = new FeedSubscriber(child.url, { after: start });
    try {
      await upsertTopic('feed-p1');
      await upsertTopic('feed-p2');
      await upsertTopic('feed-p1', 'Renamed by another process');
      await subscriber.until((changes) => changes.length >= 3);
      expect(slugs(subscriber.changes)).toEqual(['CREATED feed-p1', 'CREATED feed-p2', 'UPDATED feed-p1']);
      // What the pull API reads after the same cursor is the same.
      expect(await changesAfter(start)).toEqual(subscriber.changes);
    } finally {
      await subscriber.close();
    }
  });

  it('a reconnect with the last cursor resumes exactly, past a long write that began before other writes and commits after them', async () => {
    await upsertTopic('feed-r0');
    const start = await newestCursor();
    const whole = new FeedSubscriber(`${suite.server.url}/graphql`, { after: start });
    const first = new FeedSubscriber(`${suite.server.url}/graphql`, { after: start });
    let commit = () => {};
    const released = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let began = () => {};
    const begun = new Promise<void>((resolve) => {
      began = resolve;
    });
    try {
      // A long write: its change is stamped with its start, before the two writes below, and commits after them.
      const long = suite.writerDb.writeTransaction(async (tx) => {
        await upsertEntityRow(
          tx,
          { id: 'feed-long', label: 'Topic', props: { name: 'A long write' } },
          {
            by: 'test',
            operation: randomUUID(),
            load: null,
          },
        );
        began();
        await released;
      });
      await begun;
      await upsertTopic('feed-r1');
      await upsertTopic('feed-r2');
      // The feed holds both back while the long write is open: two polls after they committed, nobody has heard them.
      const feed = suite.server.feed;
      const polled = feed.polls;
      await waitFor(() => feed.polls >= polled + 2);
      expect(whole.changes).toEqual([]);
      commit();
      await long;
      await first.until((changes) => changes.length >= 1);
      const [heardFirst] = first.changes;
      await first.close();
      expect(heardFirst?.entitySlug).toBe('feed-long');

      // Resumed from the cursor of the one change heard: the rest, nothing twice.
      const resumed = new FeedSubscriber(`${suite.server.url}/graphql`, { after: heardFirst?.cursor ?? null });
      try {
        await upsertTopic('feed-r3');
        await whole.until(hasSlug('feed-r3'));
        await resumed.until(hasSlug('feed-r3'));
        expect(slugs(whole.changes)).toEqual(['CREATED feed-long', 'CREATED feed-r1', 'CREATED feed-r2', 'CREATED feed-r3']);
        expect([...first.changes.slice(0, 1), ...resumed.changes]).toEqual(whole.changes);
        expect(await changesAfter(start)).toEqual(whole.changes);
      } finally {
        await resumed.close();
      }
    } finally {
      commit();
      await whole.close();
      await first.close();
    }
  });

  it('filters by type and entity', async () => {
    await upsertTopic('feed-f0');
    const start = await newestCursor();
    const topics = new FeedSubscriber(`${suite.server.url}/graphql`, { after: start, types: ['Topic'] });
    const organizations = new FeedSubscriber(`${suite.server.url}/graphql`, { after: start, types: ['Organization'] });
    const one = new FeedSubscriber(`${suite.server.url}/graphql`, { after: start, entity: 'feed-f2' });
    try {
      await upsertTopic('feed-f1');
      await upsertTopic('feed-f2');
      await topics.until(hasSlug('feed-f2'));
      await one.until(hasSlug('feed-f2'));
      expect(slugs(topics.changes)).toEqual(['CREATED feed-f1', 'CREATED feed-f2']);
      expect(slugs(one.changes)).toEqual(['CREATED feed-f2']);
      expect(organizations.changes).toEqual([]);
    } finally {
      await Promise.all([topics.close(), organizations.close(), one.close()]);
    }
  });

  it('refuses an unknown type, naming it', async () => {
    const subscriber = new FeedSubscriber(`${suite.server.url}/graphql`, { types: ['Organisation'] });
    await subscriber.done;
    expect(JSON.stringify(subscriber.errors)).toMatch(/types\[0\].*Organisation/);
  });

  it('a hundred subscribers at once each hear every change, and one more than the cap is refused', async () => {
    await upsertTopic('feed-h0');
    const start = await newestCursor();
    const subscribers = Array.from({ length: 100 }, () => new FeedSubscriber(`${suite.server.url}/graphql`, { after: start }));
    try {
      for (const id of ['feed-h1', 'feed-h2', 'feed-h3']) await upsertTopic(id);
      await Promise.all(subscribers.map((subscriber) => subscriber.until(hasSlug('feed-h3'))));
      for (const subscriber of subscribers) {
        expect(subscriber.errors).toEqual([]);
        expect(slugs(subscriber.changes)).toEqual(['CREATED feed-h1', 'CREATED feed-h2', 'CREATED feed-h3']);
      }
    } finally {
      await Promise.all(subscribers.map((subscriber) => subscriber.close()));
    }

    const capped = await startTestServer(suite.db, { apiKeys: keys.entries, feed: { pollMs: 100, maxSubscribers: 1 } });
    const admitted = new FeedSubscriber(`${capped.url}/graphql`, { after: start });
    try {
      await admitted.until(hasSlug('feed-h3'));
      const refused = new FeedSubscriber(`${capped.url}/graphql`, { after: start });
      await refused.done;
      // Refused before the stream starts: an HTTP answer of its own, 429 with Retry-After.
      const [error] = refused.errors;
      const response = error instanceof Error && 'response' in error && error.response instanceof Response ? error.response : null;
      expect(response?.status).toBe(429);
      expect(response?.headers.get('retry-after')).toBe('5');
      expect(await response?.text()).toContain('TOO_MANY_REQUESTS');
    } finally {
      await admitted.close();
      await capped.close();
    }
  });
});

/** Resolves once the condition holds; checked every 20 ms, with a guard against hangs. */
async function waitFor(condition: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the condition never held');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

import { createClient } from 'graphql-sse';
import { streamedFetch } from './scanned-fetch.ts';

export interface FedChange {
  id: string;
  cursor: string;
  action: string;
  kind: string;
  entitySlug: string | null;
  relationType: string | null;
  operation: string;
}

export const changeSelection = 'id cursor action kind entitySlug relationType operation';

/** One subscriber to Subscription.changes over SSE (graphql-sse, distinct connections), collecting what it hears. */
export class FeedSubscriber {
  readonly changes: FedChange[] = [];
  readonly errors: unknown[] = [];
  readonly #client: ReturnType<typeof createClient>;
  readonly #iterator: AsyncIterableIterator<{ data?: { changes: FedChange } | null; errors?: readonly unknown[] }>;
  readonly #waiters = new Set<() => void>();
  readonly done: Promise<void>;

  constructor(graphqlUrl: string, variables: { after?: string | null; types?: string[]; entity?: string } = {}) {
    this.#client = createClient({
      url: graphqlUrl,
      singleConnection: false,
      retryAttempts: 0,
      fetchFn: (input: string | URL, init?: RequestInit) => streamedFetch(String(input), init),
    });
    const iterator = this.#client.iterate<{ changes: FedChange }>({
      query: `subscription ($after: ChangeCursor, $types: [String!], $entity: ID) {
        changes(after: $after, types: $types, entity: $entity) { ${changeSelection} }
      }`,
      variables,
    });
    this.#iterator = iterator;
    this.done = (async () => {
      try {
        for await (const result of iterator) {
          if (result.errors) this.errors.push(...result.errors);
          if (result.data?.changes) this.changes.push(result.data.changes);
          for (const wake of this.#waiters) wake();
        }
      } catch (error) {
        this.errors.push(error);
      } finally {
        for (const wake of this.#waiters) wake();
      }
    })();
  }

  /** Resolves once `predicate` holds of what was heard (checked at every event); rejects after `timeoutMs` as a guard against hangs. */
  async until(predicate: (changes: readonly FedChange[]) => boolean, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.changes)) {
      if (this.errors.length > 0) throw new Error(`the subscription failed: ${JSON.stringify(this.errors)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`the subscription heard ${this.changes.length} changes, not what was awaited`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.#waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(left, 1000));
        this.#waiters.add(wake);
      });
    }
  }

  async close(): Promise<void> {
    await this.#iterator.return?.();
    this.#client.dispose();
    await this.done;
  }
}

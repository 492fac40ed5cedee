import type { Context } from '@opentelemetry/api';
import neo4j, { type Driver, type ManagedTransaction, type Session, type SessionConfig } from 'neo4j-driver';
import type { z } from 'zod';
import { cypherDir, filledCypher, parametersToSend } from './cypher-files.ts';
import {
  DatabaseUnavailableError,
  isTransactionTimeout,
  isUnavailable,
  isWorthRetrying,
  RequestCancelledError,
  RequestTimeoutError,
} from './errors.ts';
import type { PlannedStatement } from './planned-read.ts';
import { ReadScope, type ReadScopeOptions } from './read-scope.ts';
import { parseRows } from './rows.ts';
import { inStatementSpan } from './statement-span.ts';

export type Parameters = Record<string, unknown>;
/** A record as the driver gives it, before a row schema has parsed it. */
export type Row = Record<string, unknown>;

export interface DatabaseOptions {
  /** Another folder of statements, for tests only (deliberately slow ones). */
  cypherDir?: string;
}

// A down database fails in milliseconds (connection refused), so a few quick attempts cost
// nothing; they are there for the pooled connections a database restart leaves dead.
const readAttempts = 3;
const pauseBetweenAttemptsMs = 50;

/**
 * The one place that runs Cypher: named statements from cypher/, parameters only,
 * read or write transactions (reads routed to followers on a cluster), one database name.
 */
export class Database {
  readonly driver: Driver;
  readonly name: string;
  readonly transactionTimeoutMs: number;
  readonly cypherDir: string;
  /**
   * Sessions this process holds open, and how many it has opened: each holds one of the driver's
   * pooled connections while a statement runs. The driver shows its pool to nobody (no public
   * metrics in neo4j-driver 6), so /metrics reports these counts instead.
   */
  readonly sessionUse = { inUse: 0, opened: 0 };

  constructor(driver: Driver, name: string, transactionTimeoutMs: number, options: DatabaseOptions = {}) {
    this.driver = driver;
    this.name = name;
    this.transactionTimeoutMs = transactionTimeoutMs;
    this.cypherDir = options.cypherDir ?? cypherDir;
  }

  /** A scope to read in; see ReadScope. */
  openScope(options: ReadScopeOptions = {}): ReadScope {
    return new ReadScope(this, options);
  }

  /**
   * Forgets the causal-consistency bookmarks that write() collects: after the store was replaced
   * (the offline importer, src/db/bulk-load.ts) its transaction ids start again, and Neo4j
   * would wait for one the new store never reaches.
   */
  async forgetBookmarks(): Promise<void> {
    const bookmarks = this.driver.executeQueryBookmarkManager;
    await bookmarks.updateBookmarks(await bookmarks.getBookmarks(), []);
  }

  #session(config: SessionConfig): Session {
    const session = this.driver.session(config);
    this.sessionUse.inUse += 1;
    this.sessionUse.opened += 1;
    let open = true;
    const close = session.close.bind(session);
    session.close = () => {
      if (open) this.sessionUse.inUse -= 1;
      open = false;
      return close();
    };
    return session;
  }

  /** The transaction metadata that leads from Neo4j's SHOW TRANSACTIONS back to a request. */
  static metadataOf(scope: { requestId: string; operation?: string | undefined }): Record<string, string> {
    return { app: 'govgraph', requestId: scope.requestId, ...(scope.operation ? { operation: scope.operation } : {}) };
  }

  /**
   * Every write transaction says so in its metadata: the change feed's watermark is the start of
   * the oldest one still open (SHOW TRANSACTIONS, src/services/change-feed.ts), and a long read
   * (an export) must not hold the feed back.
   */
  static readonly writeMetadata: Readonly<Record<string, string>> = { app: 'govgraph', access: 'write' };

  /**
   * A request's read, bounded by its scope. Not a managed transaction: the driver's retries wait
   * a second or more between attempts, which would keep a client waiting on a database that is
   * down; here a down database answers DATABASE_UNAVAILABLE within milliseconds. The read runs
   * as an auto-commit transaction of a READ session (a cluster routes it to a follower): RUN and
   * PULL go out together, one exchange with Neo4j, where BEGIN, RUN + PULL and COMMIT took three.
   * `statement` names a file in cypher/, or is one the planned-read builder composed from them
   * (its text and parameters are ready to send).
   */
  async readWithin(scope: ReadScope, statement: string | PlannedStatement, parameters: Parameters): Promise<Row[]> {
    const text = typeof statement === 'string' ? filledCypher(statement, parameters, this.cypherDir) : statement.text;
    const sent = typeof statement === 'string' ? parametersToSend(statement, parameters, this.cypherDir) : statement.parameters;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.#readOnce(scope, text, sent);
      } catch (error) {
        if (error instanceof RequestTimeoutError || error instanceof RequestCancelledError) throw error;
        if (isTransactionTimeout(error)) throw new RequestTimeoutError(scope.timeoutMs, { cause: error });
        if (attempt < readAttempts && isWorthRetrying(error) && !scope.signal.aborted && Date.now() < scope.deadline) {
          await new Promise((resolve) => setTimeout(resolve, attempt === 1 ? 0 : pauseBetweenAttemptsMs));
          continue;
        }
        if (isUnavailable(error)) throw new DatabaseUnavailableError({ cause: error });
        throw error;
      }
    }
  }

  async #readOnce(scope: ReadScope, text: string, parameters: Parameters): Promise<Row[]> {
    const { signal } = scope;
    if (signal.aborted) throw abortReason(signal);
    const remainingMs = scope.deadline - Date.now();
    if (remainingMs <= 0) throw new RequestTimeoutError(scope.timeoutMs);
    // fetchSize -1: every row in the first PULL. Each statement's rows are bounded by the API's
    // limits, and more PULLs would only add exchanges with Neo4j.
    const session = this.#session({
      database: this.name,
      defaultAccessMode: scope.onLeader ? neo4j.session.WRITE : neo4j.session.READ,
      fetchSize: -1,
    });
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        reject(abortReason(signal));
        // Closing a session with a statement in flight sends Bolt RESET: Neo4j stops the statement now.
        void session.close().catch(() => {});
      };
    });
    signal.addEventListener('abort', onAbort, { once: true });
    const work = runAutoCommitRead(session, text, parameters, {
      timeout: Math.max(1, Math.round(Math.min(remainingMs, this.transactionTimeoutMs))),
      metadata: Database.metadataOf(scope),
    });
    // After an abort the work fails too, and nobody waits for it any more.
    work.catch(() => {});
    try {
      return await Promise.race([work, aborted]);
    } finally {
      signal.removeEventListener('abort', onAbort);
      await session.close().catch(() => {});
    }
  }

  /**
   * Runs a named statement in its own write transaction. With `row`, its rows are parsed by that
   * schema; without, they come as unchecked property maps, for the caller to parse or ignore.
   */
  async write(statement: string, parameters?: Parameters): Promise<Row[]>;
  async write<S extends z.ZodType>(statement: string, parameters: Parameters, row: S): Promise<z.output<S>[]>;
  async write<S extends z.ZodType>(statement: string, parameters: Parameters = {}, row?: S): Promise<Row[] | z.output<S>[]> {
    const result = await this.driver.executeQuery(
      filledCypher(statement, parameters, this.cypherDir),
      parametersToSend(statement, parameters, this.cypherDir),
      {
        database: this.name,
        routing: neo4j.routing.WRITE,
        transactionConfig: { timeout: this.transactionTimeoutMs, metadata: Database.writeMetadata },
      },
    );
    const rows: Row[] = result.records.map((record) => record.toObject());
    return row ? parseRows(statement, rows, row) : rows;
  }

  /** Several statements in one all-or-nothing write transaction (retried on transient errors). */
  async writeTransaction<T>(work: (tx: TransactionRunner) => Promise<T>, timeoutMs?: number): Promise<T> {
    const session = this.#session({ database: this.name, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite((tx) => work(new TransactionRunner(tx)), {
        timeout: timeoutMs ?? this.transactionTimeoutMs,
        metadata: Database.writeMetadata,
      });
    } finally {
      await session.close();
    }
  }

  /**
   * A request's write: all or nothing, retried on transient errors (a deadlock between concurrent
   * writers), and never past `deadline`. The driver's managed retries would keep going with the
   * timeout computed for the first attempt, so a late retry could commit after the client was
   * told its request timed out. Here no attempt starts after the deadline, and each one's
   * transaction timeout is what is left of the budget, so Neo4j rolls back what the client was
   * told had failed.
   */
  async writeBefore<T>(
    deadline: { at: number; budgetMs: number; signal?: AbortSignal; trace?: Context },
    metadata: Record<string, string>,
    work: (tx: TransactionRunner) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const remainingMs = Math.min(this.transactionTimeoutMs, deadline.at - Date.now());
      if (remainingMs <= 0) throw new RequestTimeoutError(deadline.budgetMs);
      const session = this.#session({ database: this.name, defaultAccessMode: neo4j.session.WRITE });
      // When the request ends (budget spent, client gone), closing the session sends Bolt RESET:
      // Neo4j rolls the transaction back at once instead of at its next timeout check.
      const onAbort = () => void session.close().catch(() => {});
      deadline.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const tx = session.beginTransaction({
          timeout: Math.max(1, Math.round(remainingMs)),
          metadata: { ...metadata, ...Database.writeMetadata },
        });
        try {
          const result = await work(new TransactionRunner(tx, deadline.trace));
          // The last moment to give up: after COMMIT is sent, the outcome is Neo4j's.
          if (deadline.signal?.aborted) throw abortReason(deadline.signal);
          if (Date.now() >= deadline.at) throw new RequestTimeoutError(deadline.budgetMs);
          await tx.commit();
          return result;
        } catch (error) {
          await tx.rollback().catch(() => {});
          throw error;
        }
      } catch (error) {
        if (error instanceof RequestTimeoutError || error instanceof RequestCancelledError) throw error;
        if (deadline.signal?.aborted) throw abortReason(deadline.signal);
        if (isTransactionTimeout(error)) throw new RequestTimeoutError(deadline.budgetMs, { cause: error });
        // A deadlock between writers, or a connection the pool could not hand out in time.
        if (!isWorthRetrying(error)) throw error;
        // The driver's own schedule (1 s, doubling, ±20 %): concurrent writers of one id collide in
        // bursts, and waits that short enough to help one would crowd the connection pool for all.
        const delayMs = 1000 * 2 ** (attempt - 1) * (0.8 + 0.4 * Math.random());
        if (Date.now() + delayMs >= deadline.at) throw new RequestTimeoutError(deadline.budgetMs, { cause: error });
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      } finally {
        deadline.signal?.removeEventListener('abort', onAbort);
        await session.close();
      }
    }
  }

  /** A statement that cannot share a transaction with data (a schema change), in a transaction of its own. */
  async runAutoCommit(text: string): Promise<void> {
    const session = this.#session({ database: this.name, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.run(text, {}, { metadata: Database.writeMetadata });
    } finally {
      await session.close();
    }
  }

  /**
   * Index creations in one transaction: Neo4j fills the indexes one transaction creates with one
   * population job, one scan of the store, where each would otherwise scan it again (and at most
   * two jobs run at once). Only CREATE INDEX statements: a constraint fills and checks its index
   * before its statement returns.
   */
  async createIndexesTogether(texts: readonly string[]): Promise<void> {
    const session = this.#session({ database: this.name, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite(
        async (tx) => {
          for (const text of texts) await tx.run(text);
        },
        { metadata: Database.writeMetadata },
      );
    } finally {
      await session.close();
    }
  }

  /** Resolves when the database answers (for /ready), rejects when it does not. */
  async ping(): Promise<void> {
    await this.driver.verifyConnectivity({ database: this.name });
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new RequestCancelledError();
}

async function runAutoCommitRead(
  session: Session,
  text: string,
  parameters: Parameters,
  config: { timeout: number; metadata: Record<string, string> },
): Promise<Row[]> {
  // The driver records a stack trace (new Error().stack) for every statement, to put on its
  // errors: formatting it took about 7 % of a point lookup's CPU. Those errors reach no client,
  // and a log gets their code and message, so the trace is not taken: the driver builds its
  // Result synchronously inside run(), and nothing else runs before the limit is restored.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let running: ReturnType<Session['run']>;
  try {
    // Neo4j ends the transaction itself when the budget runs out, even if this process cannot tell it to.
    running = session.run(text, parameters, config);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const result = await running;
  return result.records.map((record) => record.toObject());
}

export class TransactionRunner {
  readonly #tx: Pick<ManagedTransaction, 'run'>;
  readonly #trace: Context | undefined;

  /** `trace`: the request's trace, which each statement's span joins (the active context when not given). */
  constructor(tx: Pick<ManagedTransaction, 'run'>, trace?: Context) {
    this.#tx = tx;
    this.#trace = trace;
  }

  /** Runs a named statement in this transaction; rows parsed by `row`, or unchecked maps without it (see Database.write). */
  async run(statement: string, parameters?: Parameters): Promise<Row[]>;
  async run<S extends z.ZodType>(statement: string, parameters: Parameters, row: S): Promise<z.output<S>[]>;
  async run<S extends z.ZodType>(statement: string, parameters: Parameters = {}, row?: S): Promise<Row[] | z.output<S>[]> {
    const rows = await inStatementSpan(statement, this.#trace, async (): Promise<Row[]> => {
      const result = await this.#tx.run(filledCypher(statement, parameters), parametersToSend(statement, parameters));
      return result.records.map((record) => record.toObject());
    });
    return row ? parseRows(statement, rows, row) : rows;
  }
}

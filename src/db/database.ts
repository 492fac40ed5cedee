import neo4j, { type Driver, type ManagedTransaction, type RecordShape } from 'neo4j-driver';
import { cypher } from './cypher-files.ts';

export type Parameters = Record<string, unknown>;
export type Row = RecordShape;

/** Counts the Cypher statements one request sends, so tests and logs can see the round trips. */
export interface RoundTripCounter {
  roundTrips: number;
}

/**
 * The one place that runs Cypher: named statements from cypher/, parameters only,
 * managed transactions (reads routed to followers on a cluster), one database name.
 */
export class Database {
  readonly driver: Driver;
  readonly name: string;
  readonly transactionTimeoutMs: number;

  constructor(driver: Driver, name: string, transactionTimeoutMs: number) {
    this.driver = driver;
    this.name = name;
    this.transactionTimeoutMs = transactionTimeoutMs;
  }

  async read<R extends Row = Row>(statement: string, parameters: Parameters = {}, counter?: RoundTripCounter): Promise<R[]> {
    if (counter) counter.roundTrips += 1;
    const result = await this.driver.executeQuery(cypher(statement), parameters, {
      database: this.name,
      routing: neo4j.routing.READ,
      transactionConfig: { timeout: this.transactionTimeoutMs },
    });
    return result.records.map((record) => record.toObject() as R);
  }

  async write<R extends Row = Row>(statement: string, parameters: Parameters = {}): Promise<R[]> {
    const result = await this.driver.executeQuery(cypher(statement), parameters, {
      database: this.name,
      routing: neo4j.routing.WRITE,
      transactionConfig: { timeout: this.transactionTimeoutMs },
    });
    return result.records.map((record) => record.toObject() as R);
  }

  /** Several statements in one all-or-nothing write transaction (retried on transient errors). */
  async writeTransaction<T>(work: (tx: TransactionRunner) => Promise<T>, timeoutMs?: number): Promise<T> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite((tx) => work(new TransactionRunner(tx)), {
        timeout: timeoutMs ?? this.transactionTimeoutMs,
      });
    } finally {
      await session.close();
    }
  }

  /** Statements that cannot share a transaction with others (schema changes), run one by one. */
  async runAutoCommit(text: string): Promise<void> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.run(text);
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

export class TransactionRunner {
  readonly #tx: ManagedTransaction;

  constructor(tx: ManagedTransaction) {
    this.#tx = tx;
  }

  async run<R extends Row = Row>(statement: string, parameters: Parameters = {}): Promise<R[]> {
    const result = await this.#tx.run(cypher(statement), parameters);
    return result.records.map((record) => record.toObject() as R);
  }
}

import { randomUUID } from 'node:crypto';
import { type Context, context as otelContext } from '@opentelemetry/api';
import type { z } from 'zod';
import type { Database, Parameters } from './database.ts';
import { RequestCancelledError, RequestTimeoutError } from './errors.ts';
import type { PlannedStatement } from './planned-read.ts';
import { inStatementSpan } from './statement-span.ts';

export const defaultRequestTimeoutMs = 10000;

export interface ReadScopeOptions {
  /** The whole budget; Infinity for a command-line tool that may read for as long as it needs. */
  timeoutMs?: number;
  /** The client's own signal: when it aborts (the client went away), reads in flight stop. */
  clientSignal?: AbortSignal;
  /** Travels in every transaction's metadata, so SHOW TRANSACTIONS leads back to the request. */
  requestId?: string;
  operation?: string;
  /** The request's trace (see src/http/tracing.ts): each statement is a span under it. */
  traceContext?: Context;
  /**
   * Read where the writes happen (a cluster's leader), not on a follower that may lag: the change
   * feed's reads, whose watermark is only true of the server that runs the writes.
   */
  onLeader?: boolean;
}

import { parseRows } from './rows.ts';

export { RowShapeError } from './rows.ts';

/**
 * One unit of reading: a request, or a command-line tool's run. Every repository call takes it,
 * so no read can run without a budget, a way to be cancelled, a request id, or being counted.
 */
export class ReadScope {
  readonly db: Database;
  readonly requestId: string;
  operation: string | undefined;
  readonly traceContext: Context;
  /**
   * Aborts when the budget runs out (reason: a RequestTimeoutError) or when the client goes
   * away (reason: a RequestCancelledError); a read in flight then stops at once.
   */
  readonly signal: AbortSignal;
  /** The Date.now() at which the budget runs out. */
  readonly deadline: number;
  readonly timeoutMs: number;
  readonly onLeader: boolean;
  /** Bolt exchanges so far: one per statement, as every read is one auto-commit RUN + PULL. */
  roundTrips = 0;
  readonly #dispose: () => void;

  constructor(db: Database, options: ReadScopeOptions = {}) {
    this.db = db;
    this.requestId = options.requestId ?? randomUUID();
    this.operation = options.operation;
    this.traceContext = options.traceContext ?? otelContext.active();
    this.timeoutMs = options.timeoutMs ?? defaultRequestTimeoutMs;
    this.onLeader = options.onLeader === true;
    this.deadline = Date.now() + this.timeoutMs;
    const controller = new AbortController();
    this.signal = controller.signal;
    const timer = Number.isFinite(this.timeoutMs)
      ? setTimeout(() => controller.abort(new RequestTimeoutError(this.timeoutMs)), this.timeoutMs)
      : undefined;
    // A budget must never keep the process alive on its own (shutdown waits for requests, not timers).
    timer?.unref();
    const clientSignal = options.clientSignal;
    const onClientGone = () => controller.abort(new RequestCancelledError());
    if (clientSignal?.aborted) onClientGone();
    else clientSignal?.addEventListener('abort', onClientGone, { once: true });
    this.#dispose = () => {
      clearTimeout(timer);
      clientSignal?.removeEventListener('abort', onClientGone);
    };
  }

  /** Runs a named statement and parses every row with `row`: the only way rows leave the database layer. */
  read<S extends z.ZodType>(statement: string, parameters: Parameters, row: S): Promise<z.output<S>[]> {
    return this.#read(statement, statement, parameters, row);
  }

  /** Runs a statement the planned-read builder composed (src/db/planned-read.ts), parsing its rows alike. */
  readPlanned<S extends z.ZodType>(statement: PlannedStatement, row: S): Promise<z.output<S>[]> {
    return this.#read(statement.name, statement, statement.parameters, row);
  }

  async #read<S extends z.ZodType>(
    name: string,
    statement: string | PlannedStatement,
    parameters: Parameters,
    row: S,
  ): Promise<z.output<S>[]> {
    this.roundTrips += 1;
    const records = await inStatementSpan(name, this.traceContext, () => this.db.readWithin(this, statement, parameters));
    return parseRows(name, records, row);
  }

  /** Ends the budget's timer and stops listening to the client; call once the work is answered. */
  dispose(): void {
    this.#dispose();
  }
}

import { Database, type Parameters, type RoundTripCounter, type Row } from '../../src/db/database.ts';
import { connect } from '../../src/db/driver.ts';
import { createGovgraphYoga } from '../../src/yoga.ts';
import { serveStats, uriFromEnv } from './common.ts';

/**
 * System A: govgraph itself, exactly as src/server.ts serves it, minus migrations and seeding
 * (the bench loads the data first). Round trips are counted where the request context counts
 * them: every read that carries the request's counter. The subclass only adds them up across
 * requests so the bench can read them from /bench-stats.
 */
const totals = { requests: 0, roundTrips: 0 };

class CountingDatabase extends Database {
  override read<R extends Row = Row>(statement: string, parameters: Parameters = {}, counter?: RoundTripCounter): Promise<R[]> {
    totals.roundTrips += 1;
    return super.read<R>(statement, parameters, counter);
  }
}

const settings = uriFromEnv();
const driver = await connect({ ...settings, connectTimeoutMs: 10000 });
const db = new CountingDatabase(driver, settings.database, 60000);
const yoga = createGovgraphYoga({ db });
serveStats(yoga, totals);

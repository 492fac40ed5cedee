import { Database } from '../../src/db/database.ts';
import { connect } from '../../src/db/driver.ts';
import { createGovgraphYoga } from '../../src/yoga.ts';
import { connectTimeoutMs, serveStats, uriFromEnv } from './common.ts';

/**
 * System A: govgraph itself, exactly as src/server.ts serves it, minus migrations and seeding
 * (the bench loads the data first). Its driver is the project's own (src/db/driver.ts); B and C
 * copy its settings (common.ts). Bolt traffic is counted below the driver, as for B and C.
 */
const totals = { requests: 0 };

const settings = uriFromEnv();
const driver = await connect({ ...settings, connectTimeoutMs });
const db = new Database(driver, settings.database, 60000);
// No quotas: the bench's one client sends far more than any one client may in production.
const yoga = createGovgraphYoga({ db, quotas: null });
serveStats(yoga, totals, driver, 'A');

/** The worker thread of POST /admin/import (see import-check.ts); started by importBody in import.ts. */
import { parentPort } from 'node:worker_threads';
import { serveImportCheck } from './import-check.ts';

if (parentPort) serveImportCheck(parentPort);

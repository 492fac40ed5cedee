import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './config.ts';

/** The server's version as package.json states it. */
export const serverVersion: string = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string })
  .version;

import path from 'node:path';
import { projectRoot } from '../config.ts';

/**
 * The folder of the statements. Its own module: cypher-files.ts imports the slot modules for
 * their closed lists, and they need the folder to expand their fragments.
 */
export const cypherDir = path.join(projectRoot, 'cypher');

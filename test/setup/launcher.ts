import { ensureLauncherBuilt } from '../../src/embedded/build.ts';

/**
 * The end-to-end tests start embedded Neo4j servers of their own, but not the run's one. They
 * still need the launcher compiled: do it here, once, where the first build (Maven fetching
 * Neo4j's jars) has the hook timeout rather than eating into one test's time.
 */
export default function setup(): void {
  ensureLauncherBuilt((line) => console.log(`[neo4j] ${line}`));
}

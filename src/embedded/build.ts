import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.ts';

export const launcherDir = path.join(projectRoot, 'neo4j');
const classpathFile = path.join(launcherDir, 'target', 'classpath.txt');
// Maven leaves unchanged outputs untouched, so their times say nothing: a stamp marks a good build.
const builtStamp = path.join(launcherDir, 'target', 'govgraph-built.stamp');
const sources = [
  path.join(launcherDir, 'pom.xml'),
  path.join(launcherDir, 'src', 'main', 'java', 'govgraph', 'embedded', 'EmbeddedNeo4j.java'),
  path.join(launcherDir, 'src', 'main', 'java', 'govgraph', 'embedded', 'StoreImport.java'),
];

export class PrerequisiteError extends Error {
  override name = 'PrerequisiteError';
}

const installHint =
  'install it (Debian/Ubuntu: apt-get install -y openjdk-17-jre-headless maven; macOS: brew install openjdk@17 maven), ' +
  'or set NEO4J_URI to use a Neo4j server of your own';

/** Throws a PrerequisiteError naming what to install when Java 17+ is missing. */
export function checkJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new PrerequisiteError(`Java 17 or newer is needed for the embedded Neo4j but "java" was not found on PATH: ${installHint}`);
  }
  const output = `${result.stderr}${result.stdout}`;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : Number.NaN;
  if (!(major >= 17)) {
    throw new PrerequisiteError(
      `Java 17 or newer is needed for the embedded Neo4j, found: ${output.split('\n')[0]?.trim()}; ${installHint}`,
    );
  }
}

function isUpToDate(): boolean {
  if (!existsSync(classpathFile) || !existsSync(builtStamp)) return false;
  const built = statSync(builtStamp).mtimeMs;
  return sources.every((source) => statSync(source).mtimeMs <= built);
}

/**
 * Returns the launcher's Java classpath, compiling it and letting Maven resolve Neo4j's
 * jars into ~/.m2 the first time. Later calls read target/classpath.txt and need no network.
 */
export function ensureLauncherBuilt(log: (line: string) => void = () => {}): string {
  if (!isUpToDate()) {
    const probe = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
    if (probe.error) {
      throw new PrerequisiteError(
        `Maven is needed once to fetch the embedded Neo4j's jars but "mvn" was not found on PATH: ${installHint}`,
      );
    }
    log('building the embedded Neo4j launcher (the first time, Maven downloads Neo4j 5.26 from Maven Central)…');
    const build = spawnSync(
      'mvn',
      ['-B', '-q', '-f', path.join(launcherDir, 'pom.xml'), 'compile', 'dependency:build-classpath', `-Dmdep.outputFile=${classpathFile}`],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (build.status !== 0) {
      const tail = `${build.stdout}${build.stderr}`.trim().split('\n').slice(-15).join('\n');
      throw new PrerequisiteError(`building the embedded Neo4j launcher with Maven failed (exit ${build.status}):\n${tail}`);
    }
    writeFileSync(builtStamp, new Date().toISOString());
  }
  return `${path.join(launcherDir, 'target', 'classes')}${path.delimiter}${readFileSync(classpathFile, 'utf8').trim()}`;
}

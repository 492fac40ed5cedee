import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { checkJava, ensureLauncherBuilt } from './build.ts';

export interface EmbeddedNeo4jOptions {
  dataDir: string;
  /** Where the JVM's output goes; defaults to <dataDir>/../neo4j.log. */
  logFile?: string;
  readyTimeoutMs: number;
  pageCacheMb: number;
  /** Neo4j's own transaction timeout, a guard behind the driver's. */
  transactionTimeoutMs?: number;
  /** The Bolt port; 0 (the default) lets the OS pick a free one. A new JVM on the same data can ask for its predecessor's. */
  port?: number;
  log?: (line: string) => void;
}

export interface EmbeddedNeo4j {
  uri: string;
  /** The JVM's process id. */
  readonly pid: number;
  logFile: string;
  dataDir: string;
  stop(): Promise<void>;
  /**
   * Replaces the database's store with one Neo4j's offline importer builds, inside the running
   * JVM (neo4j/…/StoreImport.java): the database stops, the importer runs with `importArguments`,
   * and the database starts again, on an empty store should the importer fail. Bolt keeps
   * listening meanwhile. Each line the importer prints goes to `onLine`.
   */
  replaceStore(importArguments: readonly string[], onLine: (line: string) => void): Promise<StoreReplacement>;
}

/** How a store replacement went: the importer's exit code, and the database's stop and start. */
export interface StoreReplacement {
  code: number;
  /** Seconds to stop the database, and to start it on the new store. */
  stopSeconds: number;
  startSeconds: number;
}

/** One JVM: the database until it stops. */
interface Launched {
  address: string;
  pid: number;
  stop(): Promise<void>;
  replaceStore: EmbeddedNeo4j['replaceStore'];
}

export class EmbeddedStartError extends Error {
  override name = 'EmbeddedStartError';
}

// Neo4j reaches into JDK internals for off-heap memory and Netty; Java 17 needs them opened.
export const jvmFlags = [
  '-XX:+UseG1GC',
  '-Xss2m',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-exports=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
];

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Last resort: whatever way Node exits, its JVMs are told to go (stdin EOF does the same for SIGKILL). */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGTERM');
  });
}

export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? (() => {});
  checkJava();
  const classpath = ensureLauncherBuilt(log);
  mkdirSync(options.dataDir, { recursive: true });
  const logFile = options.logFile ?? path.join(path.dirname(options.dataDir), 'neo4j.log');
  const { address, ...launched } = await launch(options, classpath, logFile);
  log(`embedded Neo4j ${options.dataDir} listens on bolt://${address} (log: ${logFile})`);
  return { uri: `bolt://${address}`, logFile, dataDir: options.dataDir, ...launched };
}

async function launch(options: EmbeddedNeo4jOptions, classpath: string, logFile: string): Promise<Launched> {
  const logStream = createWriteStream(logFile, { flags: 'a' });

  const args = [
    ...jvmFlags,
    'govgraph.embedded.EmbeddedNeo4j',
    '--data-dir',
    options.dataDir,
    '--port',
    String(options.port ?? 0),
    '--pagecache-mb',
    String(options.pageCacheMb),
    '--tx-timeout-ms',
    String(options.transactionTimeoutMs ?? 0),
  ];
  // stdin stays a pipe that only this process holds: when Node dies, the JVM reads EOF and stops.
  // The classpath goes through the environment: 200 jar paths would drown the process list.
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, CLASSPATH: classpath } });
  running.add(child);
  installExitHook();
  child.stderr?.pipe(logStream, { end: false });

  // Who reads the JVM's output while a command runs (replaceStore).
  let listener: ((line: string) => void) | undefined;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    });
  });

  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new EmbeddedStartError(`the embedded Neo4j did not open Bolt within ${options.readyTimeoutMs} ms; see ${logFile}`));
    }, options.readyTimeoutMs);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      logStream.write(`${line}\n`);
      listener?.(line);
      const match = /^GOVGRAPH_BOLT_READY (\S+)$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new EmbeddedStartError(`could not start java for the embedded Neo4j: ${error.message}`));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new EmbeddedStartError(`the embedded Neo4j exited with code ${code} before it was ready; see ${logFile}`));
    });
  });
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.stdin?.end();
        const killTimer = setTimeout(() => child.kill('SIGKILL'), 20000);
        await exited;
        clearTimeout(killTimer);
      }
      logStream.end();
    })();
    return stopping;
  };

  let replacing = false;
  const replaceStore: EmbeddedNeo4j['replaceStore'] = async (importArguments, onLine) => {
    if (replacing) throw new Error('the embedded Neo4j is already replacing its store');
    const unsafe = importArguments.find((argument) => /[\t\r\n]/.test(argument));
    if (unsafe !== undefined) throw new Error(`an import argument holds a tab or a line break: ${JSON.stringify(unsafe)}`);
    replacing = true;
    try {
      return await new Promise<StoreReplacement>((resolve, reject) => {
        const seconds: Record<string, number> = {};
        let answered = false;
        listener = (line) => {
          const step = /^GOVGRAPH_IMPORT_STEP (stop|start) (\d+)$/.exec(line);
          const done = /^GOVGRAPH_IMPORT_DONE (-?\d+)$/.exec(line);
          if (step?.[1] && step[2]) seconds[step[1]] = Number(step[2]) / 1000;
          else if (done?.[1]) {
            answered = true;
            resolve({ code: Number(done[1]), stopSeconds: seconds.stop ?? 0, startSeconds: seconds.start ?? 0 });
          } else onLine(line);
        };
        void exited.then((code) => {
          // The JVM's exit after the answer (its stop) is not this replacement's business.
          if (answered) return;
          // A store the importer may have left half-built: removed, so that the next start creates an empty one.
          for (const folder of ['databases', 'transactions'])
            rmSync(path.join(options.dataDir, 'data', folder, 'neo4j'), { recursive: true, force: true });
          reject(new Error(`the embedded Neo4j exited with code ${code} while replacing its store; see ${logFile}`));
        });
        child.stdin?.write(`IMPORT\t${importArguments.join('\t')}\n`);
      });
    } finally {
      listener = undefined;
      replacing = false;
    }
  };

  return { address, pid: child.pid ?? -1, stop, replaceStore };
}

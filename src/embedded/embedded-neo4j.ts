import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
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
  /** The Bolt port; 0 (the default) lets the OS pick a free one. A restart on the same data can ask for the same port again. */
  port?: number;
  log?: (line: string) => void;
}

export interface EmbeddedNeo4j {
  uri: string;
  /** The JVM's process id; a new one after `restartAround`. */
  readonly pid: number;
  logFile: string;
  dataDir: string;
  stop(): Promise<void>;
  /**
   * Stops the database, lets `work` rewrite its store folder (the offline bulk importer), and
   * starts it again on the same port, so that a driver connected to `uri` reconnects. Should
   * `work` fail, the database is started again all the same and the error is thrown.
   */
  restartAround(work: (dataDir: string) => Promise<void>): Promise<void>;
}

/** One JVM: the database until it stops. */
interface Launched {
  address: string;
  pid: number;
  stop(): Promise<void>;
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
  let current = await launch(options, classpath, logFile);
  log(`embedded Neo4j ${options.dataDir} listens on bolt://${current.address} (log: ${logFile})`);
  const port = Number(current.address.slice(current.address.lastIndexOf(':') + 1));
  return {
    uri: `bolt://${current.address}`,
    get pid() {
      return current.pid;
    },
    logFile,
    dataDir: options.dataDir,
    stop: () => current.stop(),
    restartAround: async (work) => {
      await current.stop();
      try {
        await work(options.dataDir);
      } finally {
        current = await launch({ ...options, port }, classpath, logFile);
      }
    },
  };
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

  return { address, pid: child.pid ?? -1, stop };
}

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The project's root folder, wherever the process was started from. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must start with bolt://, neo4j://, bolt+s://, neo4j+s://, bolt+ssc:// or neo4j+ssc://')
    .optional(),
  NEO4J_USERNAME: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEO4J_CONNECT_TIMEOUT_MS: positiveInt(5000),
  NEO4J_TX_TIMEOUT_MS: positiveInt(15000),
  GOVGRAPH_DATA_DIR: z
    .string()
    .min(1)
    .default(path.join(projectRoot, '.data', 'neo4j')),
  GOVGRAPH_EMBEDDED_READY_TIMEOUT_MS: positiveInt(120000),
  GOVGRAPH_EMBEDDED_PAGECACHE_MB: positiveInt(256),
  GOVGRAPH_SEED_ON_START: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  neo4j: {
    /** Absent: start the embedded Neo4j. */
    uri: string | undefined;
    username: string;
    password: string;
    database: string;
    connectTimeoutMs: number;
    transactionTimeoutMs: number;
  };
  embedded: { dataDir: string; readyTimeoutMs: number; pageCacheMb: number };
  seedOnStart: boolean;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once; every problem is named by its variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    neo4j: {
      uri: e.NEO4J_URI,
      username: e.NEO4J_USERNAME,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      connectTimeoutMs: e.NEO4J_CONNECT_TIMEOUT_MS,
      transactionTimeoutMs: e.NEO4J_TX_TIMEOUT_MS,
    },
    embedded: {
      dataDir: path.resolve(e.GOVGRAPH_DATA_DIR),
      readyTimeoutMs: e.GOVGRAPH_EMBEDDED_READY_TIMEOUT_MS,
      pageCacheMb: e.GOVGRAPH_EMBEDDED_PAGECACHE_MB,
    },
    seedOnStart: e.GOVGRAPH_SEED_ON_START === 'true',
    logLevel: e.LOG_LEVEL,
  };
}

/** Where the seed data lives (every *.json file in it is loaded). */
export const seedDataDir = path.join(projectRoot, 'seed', 'data');

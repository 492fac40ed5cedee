import { ConfigError } from '../config.ts';
import { DatabaseConnectError } from '../db/driver.ts';
import { PrerequisiteError } from '../embedded/build.ts';
import { EmbeddedStartError } from '../embedded/embedded-neo4j.ts';

type ErrorType = abstract new (...args: never[]) => Error;

/** Every command that opens the database can fail on its set-up: what to install, configure or start. */
const setupErrors: readonly ErrorType[] = [ConfigError, DatabaseConnectError, PrerequisiteError, EmbeddedStartError];

/**
 * Ends a command that failed, with exit code 1. What the user can act on is said in one line:
 * the set-up's errors, the command's own `expected` ones, and errors whose Node code `codes`
 * matches (parseArgs's own, an unknown option, by default). Anything else is a bug, and its
 * stack is printed.
 */
export function failCommand(
  log: (line: string) => void,
  error: unknown,
  expected: readonly ErrorType[],
  codes: RegExp = /^ERR_PARSE_ARGS/,
): never {
  // Node's system and parseArgs errors carry a `code`; anything may be thrown, null included.
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const known = [...setupErrors, ...expected].some((type) => error instanceof type) || codes.test(code);
  log(error instanceof Error ? (known ? error.message : (error.stack ?? error.message)) : String(error));
  process.exit(1);
}

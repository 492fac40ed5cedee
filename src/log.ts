import pino from 'pino';

export type Logger = pino.Logger;

/**
 * The structured log: one JSON line per event on stdout (or `destination`, which tests read).
 * The start and stop messages stay plain lines on stderr (server.ts): they are for people.
 * Nothing logged carries a secret; the redaction is a guard for fields added later.
 */
export function createLogger(level: pino.LevelWithSilent, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'govgraph' },
    redact: { paths: ['password', '*.password', 'headers.authorization', 'headers.cookie'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

type YogaLevel = 'debug' | 'info' | 'warn' | 'error';

/** yoga's own messages (the errors it masks, aborted requests) as lines of the structured log. */
export function yogaLogging(logger: Logger): Record<YogaLevel, (...args: unknown[]) => void> {
  const forward =
    (level: YogaLevel) =>
    (...args: unknown[]) => {
      const [first, ...rest] = args;
      if (first instanceof Error) logger[level]({ err: first, source: 'graphql-yoga' }, first.message);
      else logger[level]({ source: 'graphql-yoga', details: rest.length > 0 ? rest.map(String) : undefined }, String(first));
    };
  return { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') };
}

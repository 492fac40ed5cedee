/**
 * Every HTTP response body a test file produces is recorded here (GraphQLClient and the attack
 * suite's server record theirs), and test/setup/leak-scan.ts checks them all once the file has
 * run: no answer may show Cypher, a Neo4j error, a Bolt address or a stack trace.
 */
export const leakPatterns: RegExp[] = [/Neo4jError/, /MATCH \(/, /bolt:\/\//, /at .*\.ts:\d+/, / {4}at /];

export interface RecordedExchange {
  /** What the test sent: a query, variables, a URL; text the answer may echo back. */
  request: string;
  response: string;
}

const recorded: RecordedExchange[] = [];

export function recordExchange(exchange: RecordedExchange): void {
  recorded.push(exchange);
}

export function recordedExchanges(): readonly RecordedExchange[] {
  return recorded;
}

/**
 * The strings a client sent, at every level: the request as recorded, the JSON body inside it,
 * its values, and the string literals of the GraphQL document among them (a message may quote any).
 */
function clientStrings(request: string): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, depth: number): void => {
    if (depth > 6) return;
    if (typeof value === 'string') {
      if (found.has(value)) return;
      found.add(value);
      try {
        walk(JSON.parse(value), depth + 1);
      } catch {
        // Not JSON.
      }
      for (const literal of stringLiterals(value)) walk(literal, depth + 1);
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
    } else if (value && typeof value === 'object') {
      for (const item of Object.values(value)) walk(item, depth + 1);
    }
  };
  walk(request, 0);
  return [...found].filter((text) => text.length >= 4 && text.length <= 10_000);
}

/** The quoted strings of a text (a GraphQL document or JSON): it only looks for quotes. */
function stringLiterals(text: string): string[] {
  const literals: string[] = [];
  for (const match of text.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    try {
      literals.push(JSON.parse(`"${match[1]}"`) as string);
    } catch {
      literals.push(match[1] ?? '');
    }
  }
  return literals;
}

/**
 * The answer without what the client itself sent: "x') MATCH (n) DETACH DELETE n //" quoted back
 * in a BAD_USER_INPUT message is an echo, not a leak. Messages cut long input at 40 or 100
 * characters, so those prefixes go too.
 */
export function withoutEcho(exchange: RecordedExchange): string {
  let text = exchange.response;
  try {
    text = JSON.stringify(JSON.parse(text));
  } catch {
    // Not JSON: scanned as it is.
  }
  const strings = clientStrings(exchange.request).sort((a, b) => b.length - a.length);
  for (const sent of strings) {
    for (const form of [sent, sent.slice(0, 100), sent.slice(0, 40)]) {
      for (const encoded of [form, JSON.stringify(form).slice(1, -1), JSON.stringify(JSON.stringify(form)).slice(1, -1)]) {
        if (encoded.length >= 4) text = text.split(encoded).join('');
      }
    }
  }
  return text;
}

/** The recorded answers that show something they must not, each with the pattern it matched. */
export function findLeaks(exchanges: readonly RecordedExchange[]): { pattern: string; request: string; response: string }[] {
  const leaks: { pattern: string; request: string; response: string }[] = [];
  for (const exchange of exchanges) {
    const text = withoutEcho(exchange);
    for (const pattern of leakPatterns) {
      if (pattern.test(text)) {
        leaks.push({ pattern: String(pattern), request: exchange.request.slice(0, 300), response: exchange.response.slice(0, 600) });
      }
    }
  }
  return leaks;
}

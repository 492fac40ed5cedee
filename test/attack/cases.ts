import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * An attack case as kept in cases/*.json. Long inputs are written as generators: a text is a
 * string or a list of pieces, where `{ "repeat": "…{i}…", "times": n }` stands for n copies
 * ({i} numbering them). In variables, `{ "$text": <text> }` stands for the text it makes.
 */
export type TextSpec = string | (string | { repeat: string; times: number })[];

export interface AttackCase {
  name: string;
  /** What it tries, and why the server must refuse it. */
  why: string;
  method?: 'GET' | 'POST' | 'PUT';
  headers?: Record<string, string>;
  query?: TextSpec;
  variables?: unknown;
  operationName?: string;
  /** Sent as the JSON body instead of { query, variables } (a batch is an array). */
  json?: unknown;
  /** Sent as it is. */
  rawBody?: TextSpec;
  chunked?: boolean;
  /** false: sent to a server with introspection turned off (GOVGRAPH_INTROSPECTION=false); the others have it on. */
  introspection?: false;
  expect: {
    /** One status, or one per Accept header: application/json, application/graphql-response+json. */
    status: number | { json: number; graphqlResponse: number };
    code: string;
    message: string;
    /** Text the error must not contain (e.g. "Did you mean"). */
    notMessage?: string;
  };
}

export function expandText(spec: TextSpec): string {
  if (typeof spec === 'string') return spec;
  return spec
    .map((piece) =>
      typeof piece === 'string' ? piece : Array.from({ length: piece.times }, (_, i) => piece.repeat.replaceAll('{i}', String(i))).join(''),
    )
    .join('');
}

export function expandValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expandValue);
  if (value && typeof value === 'object') {
    if ('$text' in value) return expandText((value as { $text: TextSpec }).$text);
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, expandValue(inner)]));
  }
  return value;
}

export const casesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cases');

/** Every case of every file in cases/, named "file: case". */
export function loadAttackCases(): (AttackCase & { file: string })[] {
  return readdirSync(casesDir)
    .filter((file) => file.endsWith('.json') && !file.startsWith('injection-'))
    .sort()
    .flatMap((file) => (JSON.parse(readFileSync(path.join(casesDir, file), 'utf8')) as AttackCase[]).map((one) => ({ ...one, file })));
}

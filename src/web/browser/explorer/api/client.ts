import { z } from 'zod/mini';

/** What the API said when it refused or failed a request. */
export class ApiError extends Error {
  readonly messages: readonly string[];
  /** The HTTP status of the answer, when one came. */
  readonly status: number | null;
  /** The errors' `extensions.code`s (FORBIDDEN, BAD_USER_INPUT …), where they have one. */
  readonly codes: readonly string[];
  constructor(messages: readonly string[], answer: { status?: number; codes?: readonly string[] } = {}) {
    super(messages.join('; '));
    this.name = 'ApiError';
    this.messages = messages;
    this.status = answer.status ?? null;
    this.codes = answer.codes ?? [];
  }

  /** Whether the server refused the caller (no key, a wrong or revoked key, a key without the scope). */
  get refused(): boolean {
    return this.status === 401 || this.status === 403 || this.codes.includes('FORBIDDEN');
  }
}

const envelope = z.object({
  data: z.optional(z.unknown()),
  errors: z.optional(z.array(z.object({ message: z.string(), extensions: z.optional(z.object({ code: z.optional(z.string()) })) }))),
});

export interface ClientOptions {
  /** Sent as `Authorization: Bearer <key>`, as every client of the API sends one (docs/curation.md). */
  apiKey?: string;
}

export interface GraphQLClient {
  /** Runs a document and checks its data against `schema`; any error in the answer throws ApiError. */
  request<T>(document: string, variables: Record<string, unknown>, schema: z.ZodMiniType<T>, signal?: AbortSignal): Promise<T>;
  /** Whether the server accepts the document, errors and all, without caring about the data. */
  accepts(document: string, variables: Record<string, unknown>): Promise<boolean>;
}

/**
 * `strict` asks for the GraphQL-over-HTTP media type, whose refused documents answer 400; the
 * probes ask for plain JSON, which answers 200, so that a browser does not log them as failures.
 */
async function post(
  endpoint: string,
  document: string,
  variables: Record<string, unknown>,
  strict: boolean,
  options: ClientOptions,
  signal?: AbortSignal,
) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: strict ? 'application/graphql-response+json, application/json' : 'application/json',
      ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
    },
    body: JSON.stringify({ query: document, variables }),
    signal,
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError([`the server answered ${response.status} with something other than JSON`], { status: response.status });
  }
  const parsed = envelope.safeParse(body);
  if (!parsed.success) throw new ApiError([`the server answered ${response.status} with an unexpected body`], { status: response.status });
  return { ...parsed.data, status: response.status };
}

/**
 * An answer not of the shape the explorer reads, in words: the first few places and what was
 * wrong there. The checker's own message is its issues as JSON, which an alert showed raw.
 */
function unexpectedShape(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const shown = issues.slice(0, 3).map((issue) => `${issue.path.map(String).join('.') || 'the answer'}: ${issue.message.toLowerCase()}`);
  const more = issues.length > shown.length ? `, and ${issues.length - shown.length} more` : '';
  return `the server's answer is not what the explorer reads (${shown.join('; ')}${more}); the server may be newer or older than this page, so reload it`;
}

export function createClient(endpoint: string, options: ClientOptions = {}): GraphQLClient {
  return {
    async request(document, variables, schema, signal) {
      const answer = await post(endpoint, document, variables, true, options, signal);
      if (answer.errors?.length)
        throw new ApiError(
          answer.errors.map((error) => error.message),
          { status: answer.status, codes: answer.errors.flatMap((error) => (error.extensions?.code ? [error.extensions.code] : [])) },
        );
      const data = schema.safeParse(answer.data);
      if (!data.success) throw new ApiError([unexpectedShape(data.error.issues)]);
      return data.data;
    },
    async accepts(document, variables) {
      try {
        const answer = await post(endpoint, document, variables, false, options);
        return !answer.errors?.length;
      } catch {
        return false;
      }
    },
  };
}

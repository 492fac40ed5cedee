/** The JSON answers of the exchange routes: `{ error: { code, message } }`, as GraphQL errors carry extensions.code. */

export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

export function errorAnswer(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return jsonAnswer(status, { error: { code, message } }, headers);
}

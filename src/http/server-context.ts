/**
 * What a caller in this process may hand yoga's fetch beside the request (its server context):
 * over HTTP it is Node's request and response, and has none of these fields.
 */
export interface ServerContext {
  /** A time budget for this request other than the configured one: the warm-up's (src/http/warm-up.ts). */
  requestTimeoutMs?: number;
}

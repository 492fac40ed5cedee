import { randomUUID } from 'node:crypto';

const requestIds = new WeakMap<Request, string>();

/** The client's x-request-id when it is a sane token, else a new UUID; the same for one request wherever asked. */
export function requestIdOf(request: Request): string {
  let id = requestIds.get(request);
  if (id === undefined) {
    const given = request.headers.get('x-request-id');
    id = given && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    requestIds.set(request, id);
  }
  return id;
}

/**
 * Answers for static bytes (a page, a script, a stylesheet) as a browser wants them: brotli or
 * gzip when it accepts them, an ETag so a reload is a 304, and a Cache-Control that says how
 * long it may keep them. Each encoding is made once and kept, since the bytes never change
 * while the process runs.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

type Encoding = 'br' | 'gzip' | 'identity';

export interface CachePolicy {
  /**
   * "immutable": the URL holds the content's hash, so it may be kept a year without asking.
   * "revalidate": kept, but checked with the server (a 304) before each use.
   */
  cache: 'immutable' | 'revalidate';
  /** Extra headers, e.g. a Content-Security-Policy for pages. */
  headers?: Record<string, string>;
}

const cacheControl: Record<CachePolicy['cache'], string> = {
  immutable: 'public, max-age=31536000, immutable',
  revalidate: 'no-cache',
};

// Below this size compressing costs more than it saves.
const compressFrom = 1024;

export class CachedAnswer {
  readonly #bytes: Uint8Array<ArrayBuffer>;
  readonly #contentType: string;
  readonly #policy: CachePolicy;
  readonly #tag: string;
  readonly #encoded = new Map<Encoding, Promise<Uint8Array<ArrayBuffer>>>();

  constructor(bytes: Uint8Array | string, contentType: string, policy: CachePolicy) {
    // A copy of its own: a Response body must be backed by a plain ArrayBuffer.
    this.#bytes = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : new Uint8Array(bytes);
    this.#contentType = contentType;
    this.#policy = policy;
    this.#tag = createHash('sha256').update(this.#bytes).digest('base64url').slice(0, 22);
  }

  /** Starts making the compressed forms, so the first visitor does not wait for them. */
  warm(): void {
    if (this.#bytes.length < compressFrom) return;
    void this.#encoding('br');
    void this.#encoding('gzip');
  }

  #encoding(encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
    let made = this.#encoded.get(encoding);
    if (!made) {
      if (encoding === 'br')
        // Quality 9 is within a few percent of 11 on these bundles, at a fraction of the time.
        made = brotli(this.#bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: this.#bytes.length },
        }).then((compressed) => new Uint8Array(compressed));
      else if (encoding === 'gzip') made = gzipped(this.#bytes, { level: 9 }).then((compressed) => new Uint8Array(compressed));
      else made = Promise.resolve(this.#bytes);
      this.#encoded.set(encoding, made);
    }
    return made;
  }

  async answer(request: Request): Promise<Response> {
    const encoding = this.#bytes.length < compressFrom ? 'identity' : preferredEncoding(request.headers.get('accept-encoding'));
    // One tag per representation: a cache must not hand gzip bytes to a client that asked for brotli.
    const etag = `"${this.#tag}${encoding === 'identity' ? '' : `-${encoding}`}"`;
    const headers = new Headers({
      'content-type': this.#contentType,
      'cache-control': cacheControl[this.#policy.cache],
      etag,
      vary: 'accept-encoding',
      'x-content-type-options': 'nosniff',
      ...this.#policy.headers,
    });
    if (matches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
    if (encoding !== 'identity') headers.set('content-encoding', encoding);
    const body = await this.#encoding(encoding);
    headers.set('content-length', String(body.length));
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  }
}

/** brotli, else gzip, else the bytes as they are; a q=0 refuses an encoding. */
export function preferredEncoding(acceptEncoding: string | null): Encoding {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    const refused = parameters.some((parameter) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(parameter));
    if (name && !refused) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

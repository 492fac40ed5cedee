/**
 * Bearer API keys. A key is `ggk_<name>_<secret>`: the name finds its entry, the secret is
 * checked against a salted SHA-256 hash. The server never holds a key in plain text.
 *
 * SHA-256 rather than a slow password hash: the secret is 32 random bytes, so there is nothing
 * to guess, and a slow hash would cost every write request tens of milliseconds of CPU.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** curate: create and update entities and relations; admin: also delete, merge and unmerge, and import. */
export const grants = ['curate', 'admin'] as const;
export type Scope = (typeof grants)[number];
/**
 * What a key's entry may list: its grants, and `apps`, a limit rather than a grant: a key with
 * it may send only trusted documents (docs/apps.md), whatever else it may do.
 */
export const scopes = [...grants, 'apps'] as const;
export type KeyScope = (typeof scopes)[number];

export function isKeyScope(value: string): value is KeyScope {
  return scopes.some((scope) => scope === value);
}

export interface ApiKeyEntry {
  name: string;
  scopes: readonly KeyScope[];
  /** Hex. */
  salt: string;
  /** Hex SHA-256 of salt and secret. */
  hash: string;
  /** A revoked key is kept so that its use is reported as revoked rather than unknown. */
  revoked: boolean;
}

/** Who sent a request: nobody in particular, a known key, or a key that was refused. */
export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'key'; name: string; scopes: ReadonlySet<KeyScope> }
  | { kind: 'refused'; name?: string; reason: string };

export class ApiKeyConfigError extends Error {
  override name = 'ApiKeyConfigError';
}

const keyNamePattern = /^[a-z0-9][a-z0-9-]{0,39}$/;
const tokenPattern = /^ggk_([a-z0-9][a-z0-9-]{0,39})_([A-Za-z0-9_-]{43})$/;

function hashOf(salt: string, secret: string): string {
  return createHash('sha256').update(Buffer.from(salt, 'hex')).update(secret, 'utf8').digest('hex');
}

/** A new key for `name` with `keyScopes`: the key to hand out, and the entry line to configure. */
export function newApiKey(name: string, keyScopes: readonly KeyScope[]): { key: string; entry: string } {
  if (!keyNamePattern.test(name)) throw new ApiKeyConfigError(`key name "${name}": use 1–40 lower-case letters, digits and hyphens`);
  const secret = randomBytes(32).toString('base64url');
  const salt = randomBytes(16).toString('hex');
  return { key: `ggk_${name}_${secret}`, entry: [name, keyScopes.join(','), salt, hashOf(salt, secret)].join(':') };
}

/**
 * Entries as `name:scope[,scope]:salt:hash[:revoked]`, one per line (or separated by spaces in
 * an environment variable); `#` starts a comment. `origin` names the file or variable in errors.
 */
export function parseApiKeys(text: string, origin: string): ApiKeyEntry[] {
  const entries: ApiKeyEntry[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((rawLine, index) => {
    const line = rawLine.replace(/#.*/, '').trim();
    for (const item of line.split(/\s+/).filter(Boolean)) {
      const where = `${origin}:${index + 1}`;
      const [name = '', scopeList = '', salt = '', hash = '', flag, ...rest] = item.split(':');
      if (rest.length > 0 || (flag !== undefined && flag !== 'revoked'))
        throw new ApiKeyConfigError(`${where}: expected name:scopes:salt:hash[:revoked], got "${item}"`);
      if (!keyNamePattern.test(name))
        throw new ApiKeyConfigError(`${where}: key name "${name}" must be 1–40 lower-case letters, digits and hyphens`);
      if (seen.has(name)) throw new ApiKeyConfigError(`${where}: key name "${name}" appears twice`);
      const listed = scopeList.split(',').filter(Boolean);
      const given = listed.filter(isKeyScope);
      if (given.length === 0 || given.length < listed.length)
        throw new ApiKeyConfigError(`${where}: key "${name}": scopes must be some of ${scopes.join(', ')}; got "${scopeList}"`);
      if (!/^[0-9a-f]{32}$/.test(salt)) throw new ApiKeyConfigError(`${where}: key "${name}": the salt must be 32 hex digits`);
      if (!/^[0-9a-f]{64}$/.test(hash)) throw new ApiKeyConfigError(`${where}: key "${name}": the hash must be 64 hex digits (SHA-256)`);
      seen.add(name);
      entries.push({ name, scopes: given, salt, hash, revoked: flag === 'revoked' });
    }
  });
  return entries;
}

/** Looks keys up by name and checks them in constant time. */
export class ApiKeyRing {
  readonly #byName: ReadonlyMap<string, ApiKeyEntry>;

  constructor(entries: readonly ApiKeyEntry[]) {
    this.#byName = new Map(entries.map((entry) => [entry.name, entry]));
  }

  get size(): number {
    return this.#byName.size;
  }

  /** The caller an Authorization header stands for. A header that is present but wrong is refused, never anonymous. */
  identify(authorization: string | null): Caller {
    if (authorization === null || authorization.trim() === '') return { kind: 'anonymous' };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) return { kind: 'refused', reason: 'the Authorization header must be "Bearer <API key>"' };
    const token = tokenPattern.exec(match[1] ?? '');
    if (!token) return { kind: 'refused', reason: 'the API key is malformed (expected ggk_<name>_<secret>)' };
    const [, name = '', secret = ''] = token;
    const entry = this.#byName.get(name);
    if (!entry || !timingSafeEqual(Buffer.from(hashOf(entry.salt, secret), 'hex'), Buffer.from(entry.hash, 'hex'))) {
      return { kind: 'refused', reason: 'the API key is not valid' };
    }
    if (entry.revoked) return { kind: 'refused', name, reason: `the API key "${name}" has been revoked` };
    return { kind: 'key', name, scopes: new Set(entry.scopes) };
  }
}

/** What a caller may do. admin includes curate. */
export function grantedScopes(caller: Caller): { curate: boolean; admin: boolean } {
  if (caller.kind !== 'key') return { curate: false, admin: false };
  const admin = caller.scopes.has('admin');
  return { curate: admin || caller.scopes.has('curate'), admin };
}

/** Why a caller may not do what needs `scope`, in words for the error message. */
export function refusal(caller: Caller, scope: Scope): string {
  switch (caller.kind) {
    case 'anonymous':
      return `this needs an API key with the "${scope}" scope: send "Authorization: Bearer <API key>"`;
    case 'refused':
      return `${caller.reason}; this needs an API key with the "${scope}" scope`;
    case 'key':
      return `the API key "${caller.name}" has the scopes ${[...caller.scopes].join(', ')}; this needs "${scope}"`;
  }
}

import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ApiKeyConfigError, ApiKeyRing, grantedScopes, newApiKey, parseApiKeys, refusal } from '../../src/auth/api-keys.ts';
import { loadConfig, projectRoot } from '../../src/config.ts';

const run = promisify(execFile);

function ringWith(...entries: string[]): ApiKeyRing {
  return new ApiKeyRing(parseApiKeys(entries.join('\n'), 'test'));
}

describe('API keys', () => {
  it('accepts the key it was made for, and no other', () => {
    const alice = newApiKey('alice', ['curate']);
    const bob = newApiKey('bob', ['admin']);
    const ring = ringWith(alice.entry, bob.entry);
    expect(ring.identify(`Bearer ${alice.key}`)).toEqual({ kind: 'key', name: 'alice', scopes: new Set(['curate']) });
    expect(ring.identify(`bearer ${bob.key}`)).toMatchObject({ kind: 'key', name: 'bob' });
    // Alice's secret under Bob's name, and a secret one character off.
    const swapped = alice.key.replace('ggk_alice_', 'ggk_bob_');
    expect(ring.identify(`Bearer ${swapped}`)).toEqual({ kind: 'refused', reason: 'the API key is not valid' });
    const last = alice.key.at(-1) === 'A' ? 'B' : 'A';
    expect(ring.identify(`Bearer ${alice.key.slice(0, -1)}${last}`)).toMatchObject({ kind: 'refused' });
  });

  it('never holds the key itself: the entry is a salted hash, different for the same name each time', () => {
    const first = newApiKey('carol', ['curate']);
    const second = newApiKey('carol', ['curate']);
    const secret = first.key.split('_').slice(2).join('_');
    expect(first.entry).not.toContain(secret);
    expect(first.entry.split(':')[2]).not.toBe(second.entry.split(':')[2]);
    expect(first.entry).toMatch(/^carol:curate:[0-9a-f]{32}:[0-9a-f]{64}$/);
  });

  it('tells anonymous, malformed, unknown and revoked callers apart', () => {
    const dave = newApiKey('dave', ['curate', 'admin']);
    const ring = ringWith(`${dave.entry}:revoked`);
    expect(ring.identify(null)).toEqual({ kind: 'anonymous' });
    expect(ring.identify('')).toEqual({ kind: 'anonymous' });
    expect(ring.identify('Basic dXNlcjpwYXNz')).toMatchObject({ kind: 'refused', reason: /Bearer/ });
    expect(ring.identify('Bearer not-a-key')).toMatchObject({ kind: 'refused', reason: /malformed/ });
    expect(ring.identify(`Bearer ${newApiKey('erin', ['curate']).key}`)).toMatchObject({ kind: 'refused', reason: /not valid/ });
    expect(ring.identify(`Bearer ${dave.key}`)).toEqual({ kind: 'refused', name: 'dave', reason: 'the API key "dave" has been revoked' });
  });

  it('lets admin do what curate may, and says why a caller is refused', () => {
    expect(grantedScopes({ kind: 'key', name: 'a', scopes: new Set(['admin']) })).toEqual({ curate: true, admin: true });
    expect(grantedScopes({ kind: 'key', name: 'c', scopes: new Set(['curate']) })).toEqual({ curate: true, admin: false });
    expect(grantedScopes({ kind: 'refused', reason: 'x' })).toEqual({ curate: false, admin: false });
    expect(refusal({ kind: 'anonymous' }, 'curate')).toMatch(/Authorization: Bearer/);
    expect(refusal({ kind: 'key', name: 'c', scopes: new Set(['curate']) }, 'admin')).toBe(
      'the API key "c" has the scopes curate; this needs "admin"',
    );
  });

  it('rejects a bad entry by its origin and line', () => {
    const good = newApiKey('frank', ['curate']).entry;
    expect(() => parseApiKeys(`# keys\n${good}\ngrace:curate:00:11`, 'keys.txt')).toThrow(/keys\.txt:3: key "grace": the salt/);
    expect(() => parseApiKeys(good.replace('curate', 'write'), 'env')).toThrow(/env:1: key "frank": scopes must be some of curate, admin/);
    expect(() => parseApiKeys(`${good}\n${good}`, 'keys.txt')).toThrow(/keys\.txt:2: key name "frank" appears twice/);
    expect(() => parseApiKeys(`${good}:expired`, 'env')).toThrow(ApiKeyConfigError);
    expect(() => newApiKey('Frank Smith', ['curate'])).toThrow(/key name/);
  });

  it('reads keys from GOVGRAPH_API_KEYS and GOVGRAPH_API_KEYS_FILE, and stops on a bad one', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'govgraph-keys-'));
    const file = path.join(folder, 'keys');
    writeFileSync(file, `# curators\n${newApiKey('gina', ['curate']).entry}\n`);
    const config = loadConfig({ GOVGRAPH_API_KEYS: newApiKey('hal', ['admin']).entry, GOVGRAPH_API_KEYS_FILE: file });
    expect(config.apiKeys.map((entry) => entry.name)).toEqual(['hal', 'gina']);
    expect(loadConfig({}).apiKeys).toEqual([]);
    expect(() => loadConfig({ GOVGRAPH_API_KEYS_FILE: path.join(folder, 'missing') })).toThrow(
      /GOVGRAPH_API_KEYS_FILE: cannot read .*ENOENT/,
    );
    expect(() => loadConfig({ GOVGRAPH_API_KEYS: 'hal:curate' })).toThrow(/invalid API keys: GOVGRAPH_API_KEYS:1/);
  });

  it('npm run key:new prints a key and an entry that accepts it', async () => {
    const { stdout } = await run(process.execPath, [path.join(projectRoot, 'src/cli/new-key.ts'), '--name', 'ivan', '--scopes', 'admin']);
    const key = /ggk_ivan_\S+/.exec(stdout)?.[0];
    const entry = /^\s+(ivan:admin:\S+)$/m.exec(stdout)?.[1];
    expect(key).toBeDefined();
    expect(entry).toBeDefined();
    expect(ringWith(entry ?? '').identify(`Bearer ${key}`)).toMatchObject({ kind: 'key', name: 'ivan' });
    await expect(
      run(process.execPath, [path.join(projectRoot, 'src/cli/new-key.ts'), '--name', 'ivan', '--scopes', 'root']),
    ).rejects.toThrow(/--scopes: expected some of curate, admin/);
  });
});

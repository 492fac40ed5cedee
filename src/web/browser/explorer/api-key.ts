/**
 * The curator's API key, for this tab only: sessionStorage is dropped when the tab closes and
 * is not shared with other tabs; the key is never put in the address, where history, bookmarks
 * and shared links would keep it.
 */
const storageKey = 'govgraph.apiKey';

export function storedApiKey(): string | null {
  try {
    return window.sessionStorage.getItem(storageKey);
  } catch {
    // Storage can be off (a privacy setting): the key then lasts as long as the page.
    return null;
  }
}

export function storeApiKey(key: string | null): void {
  try {
    if (key) window.sessionStorage.setItem(storageKey, key);
    else window.sessionStorage.removeItem(storageKey);
  } catch {
    // See storedApiKey.
  }
}

import { searchKey } from './text/normalize.ts';

/**
 * Countries and regions by their ISO 3166-1 alpha-2 codes, with their English names from Node's
 * ICU data (`Intl.DisplayNames`): what search stores for an organization's country, what the
 * country adjectives are made from, and how a name written where a code belongs is answered.
 */

const displayNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Every two-letter code ICU names, with its name. A code it only echoes is left out, and so is
 * a code replaced by another, which ICU names as its successor ("SU" as Russia, "UK" as the
 * United Kingdom): a name must lead to the code in use.
 */
export const regions: ReadonlyMap<string, string> = (() => {
  const named = new Map<string, string>();
  for (const first of letters) {
    for (const second of letters) {
      const code = `${first}${second}`;
      const name = displayNames.of(code);
      if (name !== undefined && name !== code && Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`) named.set(code, name);
    }
  }
  return named;
})();

/** The English name of a code ("ru" or "RU" → "Russia"); undefined for a code ICU does not name. */
export function regionName(code: string): string | undefined {
  try {
    return displayNames.of(code.toUpperCase());
  } catch {
    // Not a well-formed region code.
    return undefined;
  }
}

const codesByName: ReadonlyMap<string, string> = new Map([...regions].map(([code, name]) => [searchKey(name), code]));

/** The code of a country written by its English name, ignoring case and accents ("russia" → "RU"). */
export function regionCodeOf(name: string): string | undefined {
  return codesByName.get(searchKey(name));
}

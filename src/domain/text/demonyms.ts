import { regions } from '../regions.ts';
import { searchKey } from './normalize.ts';

/**
 * The adjective of a country's name, as English writes it ("Russian", "Belarusian",
 * "Vietnamese", "Chinese"), mapped to the name ("russia"), so that a match key is the same for
 * both: "Russian TLDs" finds .ru, described as "Russia's". The names are Node's ICU data
 * (src/domain/regions.ts), the country names search already stores; the adjectives are made
 * from them by the few endings English uses, and the irregular ones are listed.
 */

/**
 * Single-word country names by region code, lower case, without accents ("Türkiye" →
 * "turkiye"). A name of two words ("United States") is left out: search keys words one by one,
 * and "American" is no more "united" than "states".
 */
function countryNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const [code, name] of regions) {
    const word = searchKey(name);
    if (/^[a-z]+$/.test(word)) names.set(code, word);
  }
  return names;
}

const consonant = /[^aeiouy]$/;

// In order: the first rule that makes an adjective keeps it ("nigerian" is Nigeria's, not
// Niger's). Adjectives shorter than five letters are left out: too close to other words.
const endings: readonly ((name: string) => string | undefined)[] = [
  (name) => (name.endsWith('a') ? `${name}n` : undefined), // Russia, India, Cuba
  (name) => (consonant.test(name) ? `${name}ian` : undefined), // Belarus, Brazil, Egypt
  (name) => (consonant.test(name) ? `${name}ese` : undefined), // Vietnam, Japan, Nepal
  (name) => (/[ao]$/.test(name) ? `${name.slice(0, -1)}ese` : undefined), // China, Malta
  (name) => (/[eya]$/.test(name) ? `${name.slice(0, -1)}ian` : undefined), // Ukraine, Italy, Canada
  (name) => (name.endsWith('o') ? `${name.slice(0, -1)}an` : undefined), // Mexico, Morocco
  (name) => (name.endsWith('y') ? name.slice(0, -1) : undefined), // Germany
  (name) => (name.endsWith('y') ? `${name}an` : undefined), // Paraguay, Uruguay
  (name) => (name.endsWith('e') ? `${name}an` : undefined), // Chile, Zimbabwe
  (name) => (consonant.test(name) ? `${name}i` : undefined), // Israel, Iraq, Yemen
  (name) => (name.endsWith('stan') ? name.replace(/i?stan$/, '') : undefined), // Kazakhstan, Uzbekistan
];

// Adjectives no ending makes, by region code, for countries of one word. "Polish" is left out:
// it is an English verb too.
const irregular: Readonly<Record<string, readonly string[]>> = {
  FR: ['french'],
  NL: ['dutch'],
  ES: ['spanish'],
  CH: ['swiss'],
  SE: ['swedish'],
  DK: ['danish'],
  FI: ['finnish'],
  TR: ['turkish'],
  GR: ['greek'],
  IE: ['irish'],
  TH: ['thai'],
  PH: ['filipino'],
  NO: ['norwegian'],
  PE: ['peruvian'],
  PT: ['portuguese'],
  CZ: ['czech'],
  IS: ['icelandic'],
  LB: ['lebanese'],
  CY: ['cypriot'],
  BY: ['belarussian', 'byelorussian'],
};

function buildDemonyms(): ReadonlyMap<string, string> {
  const names = countryNames();
  const demonyms = new Map<string, string>();
  const known = new Set(names.values());
  for (const ending of endings) {
    for (const name of names.values()) {
      const adjective = ending(name);
      if (adjective !== undefined && adjective.length >= 5 && !known.has(adjective) && !demonyms.has(adjective)) {
        demonyms.set(adjective, name);
      }
    }
  }
  for (const [code, adjectives] of Object.entries(irregular)) {
    const name = names.get(code);
    if (name !== undefined) for (const adjective of adjectives) demonyms.set(adjective, name);
  }
  return demonyms;
}

/** Adjective → country name, lower case ("belarusian" → "belarus"). */
export const demonyms: ReadonlyMap<string, string> = buildDemonyms();

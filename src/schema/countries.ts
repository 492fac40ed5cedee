import { CountryCodeResolver } from 'graphql-scalars';
import { loadCountries } from '../db/repositories/lists.ts';
import { BadUserInputError } from '../domain/errors.ts';
import { searchKey } from '../domain/text/normalize.ts';
import type { RequestContext } from './context.ts';
import { parseRef } from './references.ts';

/** Whether a two-letter text is an ISO 3166-1 alpha-2 code (graphql-scalars' CountryCode keeps the list). */
function isIsoCode(code: string): boolean {
  try {
    CountryCodeResolver.parseValue(code);
    return true;
  } catch {
    return false;
  }
}

/**
 * The ISO code a country filter means: a code as it is ("RU", "ru"), or a country of the graph by
 * name, alias, slug or global ID, ignoring case and accents ("Russia", "russian federation",
 * "country-ru"). Anything else is BAD_USER_INPUT naming the argument and, in extensions.allowed,
 * the countries there are ({ code, name }): never a filter that silently matches nothing.
 */
export async function countryCode(context: RequestContext, given: string, argument: string): Promise<string> {
  const text = given.trim();
  if (/^[A-Za-z]{2}$/.test(text)) {
    const code = text.toUpperCase();
    if (isIsoCode(code)) return code;
  }
  const countries = await loadCountries(context.reads);
  const parsed = parseRef(text);
  const slug = parsed.kind === 'globalId' && parsed.label === 'Country' ? parsed.slug : parsed.kind === 'slug' ? parsed.slug : null;
  const key = searchKey(text);
  const found = countries.find(
    (country) =>
      (slug !== null && (country.slug === slug || country.formerSlugs.includes(slug))) ||
      [country.name, ...country.aliases].some((name) => searchKey(name) === key),
  );
  if (found) return found.code;
  const allowed = countries.map((country) => ({ code: country.code, name: country.name }));
  const shown = JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
  throw new BadUserInputError(
    `"${argument}": ${shown} is neither an ISO 3166-1 alpha-2 code nor a country of the graph; ` +
      `give a code or one of: ${allowed.map((country) => `${country.name} (${country.code})`).join(', ')}`,
    { argument },
    { allowed },
  );
}

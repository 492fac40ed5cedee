import { domainToASCII, domainToUnicode } from 'node:url';

/**
 * Every spelling under which a TLD may be stored, from any form a person types:
 * ".RU", "ru", ".РФ", "рф", "xn--p1ai" and ".xn--p1ai" all lead to the same zone.
 * Returns lower-case forms with a leading dot: the Unicode one and the ASCII (punycode) one.
 */
export function tldForms(input: string): string[] {
  const bare = input.trim().replace(/^\.+/, '').replace(/\.+$/, '').toLowerCase();
  if (bare === '' || bare.includes('.')) return [];
  const unicode = domainToUnicode(bare) || bare;
  const ascii = domainToASCII(unicode) || bare;
  return [...new Set([`.${unicode}`, `.${ascii}`, `.${bare}`])];
}

import { describe, expect, it } from 'vitest';
import { searchKey } from '../../src/domain/text/normalize.ts';
import { tldForms } from '../../src/domain/text/tld-forms.ts';

// Name keys, TLD spellings and the search query, without a database. Every expected value is
// written out by hand. The punycode forms are the ones IANA's root zone lists
// (.рф = xn--p1ai, .бел = xn--90ais, .москва = xn--80adxhks), as the seed's records give them.

describe('searchKey: the form names are compared, sorted and searched in', () => {
  it('folds case', () => {
    expect(searchKey('MSK-IX')).toBe('msk-ix');
    expect(searchKey('ВОРОБЬЁВ')).toBe('воробьев');
  });

  it('treats ё as е, in either case', () => {
    expect(searchKey('Воробьёв')).toBe('воробьев');
    expect(searchKey('Воробьев')).toBe('воробьев');
    expect(searchKey('Ёжиков')).toBe('ежиков');
    expect(searchKey('Артём')).toBe('артем');
  });

  it('removes accents and other diacritics, й included (и with a breve)', () => {
    expect(searchKey('Telefónica')).toBe('telefonica');
    expect(searchKey('Ångström Čapek Łódź')).toBe('angstrom capek łodz');
    expect(searchKey('Йошкар-Ола')).toBe('иошкар-ола');
    expect(searchKey('İstanbul')).toBe('istanbul');
  });

  it('spells compatibility forms out (ligatures, full-width letters), and leaves ß and ł alone', () => {
    expect(searchKey('ﬁnance')).toBe('finance');
    expect(searchKey('ＩＣＡＮＮ')).toBe('icann');
    expect(searchKey('Straße')).toBe('straße');
  });

  it('folds runs of white space into one space and trims the ends', () => {
    expect(searchKey('  Andrey \t Vorobyev\n')).toBe('andrey vorobyev');
    expect(searchKey('Coordination Center for TLD .RU/.РФ')).toBe('coordination center for tld .ru/.рф');
    expect(searchKey('')).toBe('');
  });
});

describe('tldForms: every spelling a TLD may be stored under', () => {
  it('gives a Latin TLD one form, with its dot', () => {
    for (const input of ['.RU', 'ru', '.ru', 'Ru', ' ru ', 'ru.', '..ru']) expect(tldForms(input), input).toEqual(['.ru']);
  });

  it('gives an IDN its Unicode form and its punycode, from either', () => {
    for (const input of ['.РФ', 'рф', '.рф', ' .Рф ', 'xn--p1ai', '.xn--p1ai', 'XN--P1AI']) {
      expect(tldForms(input), input).toEqual(['.рф', '.xn--p1ai']);
    }
    expect(tldForms('бел')).toEqual(['.бел', '.xn--90ais']);
    expect(tldForms('МОСКВА')).toEqual(['.москва', '.xn--80adxhks']);
  });

  it('gives nothing for a name with a dot inside or no name at all', () => {
    for (const input of ['example.ru', 'a.b', '', '.', '...', '   ']) expect(tldForms(input), JSON.stringify(input)).toEqual([]);
  });
});

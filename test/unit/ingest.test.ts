import { describe, expect, it } from 'vitest';
import { analyzeText, type SourceInfo } from '../../src/domain/ingest/analyze.ts';
import { AliasMatcher, type MatcherEntity, matcherEntity } from '../../src/domain/ingest/matcher.ts';
import { detectLanguage, reduceToText, splitSentences } from '../../src/domain/ingest/source-text.ts';
import { findDates } from '../../src/domain/ingest/text-dates.ts';
import { tokenize } from '../../src/domain/ingest/tokens.ts';

// The ingestion's pure parts on a small hand-made graph: every expected offset, slug and value
// below is written out by hand from the texts in this file.

const entities: MatcherEntity[] = [
  matcherEntity('Organization', 'coordination-center-ru', {
    name: 'Coordination Center for TLD .RU/.РФ',
    aliases: ['Coordination Center', 'Координационный центр доменов .RU/.РФ'],
  }),
  matcherEntity('Organization', 'msk-ix', { name: 'MSK-IX' }),
  matcherEntity('Organization', 'ministry-digital-development', { name: 'Ministry of Digital Development', aliases: ['Минцифры России'] }),
  matcherEntity('Person', 'andrey-vorobyev', { name: 'Andrey Vorobyev', aliases: ['Андрей Воробьёв'] }),
  matcherEntity('Body', 'un', { name: 'United Nations', aliases: ['UN'] }),
  matcherEntity('Body', 'unga', { name: 'United Nations General Assembly' }),
  matcherEntity('Tld', 'tld-rf', { name: '.рф', ascii: '.xn--p1ai', aliases: ['.РФ'] }),
  matcherEntity('Tld', 'tld-moscow', { name: '.moscow', ascii: '.moscow' }),
  // Two events share an alias: which one a text means depends on what else it names.
  matcherEntity('Event', 'event-forum-2021', { name: 'Domain Forum 2021', aliases: ['Domain Forum'] }),
  matcherEntity('Event', 'event-forum-2022', { name: 'Domain Forum 2022', aliases: ['Domain Forum'] }),
  matcherEntity('Organization', 'qrator-labs', { name: 'Qrator Labs' }),
  matcherEntity('Country', 'country-by', { name: 'Belarus' }),
];
const links: [string, string][] = [
  ['andrey-vorobyev', 'coordination-center-ru'],
  ['qrator-labs', 'event-forum-2022'],
];
const matcher = new AliasMatcher(entities, links);
const info = (lang: 'en' | 'ru'): SourceInfo => ({ title: null, url: null, published: null, publisher: null, lang });

const linked = (text: string, lang: 'en' | 'ru' = 'en') =>
  analyzeText(text, info(lang), matcher).mentions.map((m) => [m.text, m.start, m.end, m.entity?.slug ?? null]);

describe('the alias matcher', () => {
  it('finds names with their offsets, longest first, with dashes and spaces folded', () => {
    expect(linked('MSK IX and the Coordination Center for TLD .RU/.РФ met.')).toEqual([
      ['MSK IX', 0, 6, 'msk-ix'],
      ['Coordination Center for TLD .RU/.РФ', 15, 50, 'coordination-center-ru'],
    ]);
    expect(linked('MSK–IX grew.')).toEqual([['MSK–IX', 0, 6, 'msk-ix']]);
  });

  it('links a TLD by either form, and never the bare word', () => {
    expect(linked('The .xn--p1ai zone and .рф are one; Moscow is a city, .moscow a zone.')).toEqual([
      ['.xn--p1ai', 4, 13, 'tld-rf'],
      ['.рф', 23, 26, 'tld-rf'],
      ['.moscow', 54, 61, 'tld-moscow'],
    ]);
  });

  it("takes a country's adjective for no mention of the country, though search matches the two", () => {
    expect(linked('The Belarusian side signed in Belarus.')).toEqual([['Belarus', 30, 37, 'country-by']]);
  });

  it('needs an acronym written in capitals', () => {
    expect(linked('The UN met; un-related words stay.')).toEqual([['UN', 4, 6, 'un']]);
  });

  it('prefers a full name over the first words of a longer one', () => {
    expect(linked('United Nations General Assembly and the United Nations.')).toEqual([
      ['United Nations General Assembly', 0, 31, 'unga'],
      ['United Nations', 40, 54, 'un'],
    ]);
  });

  it('takes no short form from a leading article or ending in a joining word, and keeps its capitals', () => {
    const ispcp = matcherEntity('Body', 'ispcp', {
      name: 'Internet Service Providers and Connectivity Providers constituency',
      aliases: ['The Internet Service Providers and the Connectivity Providers constituency'],
    });
    const withIspcp = new AliasMatcher([...entities, ispcp], links);
    const text = 'The Internet Service Providers and the Connectivity Providers constituency grew. The Internet of things is a risk.';
    const mentions = analyzeText(text, info('en'), withIspcp).mentions.map((m) => [m.text, m.entity?.slug ?? null]);
    expect(mentions).toEqual([['The Internet Service Providers and the Connectivity Providers constituency', 'ispcp']]);
    // The first words without the article remain a short form, where the full name is in the text.
    expect(analyzeText(`${text} Internet Service Providers met.`, info('en'), withIspcp).mentions.at(-1)?.entity?.slug).toBe('ispcp');
    // …written as the name writes it: in lower case the words are the trade, not the constituency.
    const trade = analyzeText(`${text} Some Internet service providers sell access.`, info('en'), withIspcp).mentions;
    expect(trade.map((m) => m.entity?.slug ?? null)).toEqual(['ispcp']);
  });

  it('links a surname alone only when the text names the person in full', () => {
    expect(linked('Vorobyev spoke.')).toEqual([['Vorobyev', 0, 8, null]]);
    expect(linked('Andrey Vorobyev arrived. Vorobyev spoke.')).toEqual([
      ['Andrey Vorobyev', 0, 15, 'andrey-vorobyev'],
      ['Vorobyev', 25, 33, 'andrey-vorobyev'],
    ]);
  });

  it('settles an ambiguous name by the entities related to it in the graph, or leaves candidates', () => {
    const alone = analyzeText('The Domain Forum opened.', info('en'), matcher).mentions[0];
    expect(alone?.entity).toBeNull();
    expect(alone?.candidates.map((c) => [c.slug, c.score])).toEqual([
      ['event-forum-2021', 0.5],
      ['event-forum-2022', 0.5],
    ]);
    const settled = analyzeText('Qrator Labs spoke at the Domain Forum.', info('en'), matcher).mentions[1];
    expect(settled?.entity?.slug).toBe('event-forum-2022');
    expect(settled?.candidates.map((c) => [c.slug, c.score])).toEqual([
      ['event-forum-2022', 0.75],
      ['event-forum-2021', 0.5],
    ]);
  });

  it('follows a rename and a deletion without being rebuilt', () => {
    const local = new AliasMatcher(entities);
    local.upsert(matcherEntity('Organization', 'msk-ix', { name: 'Moscow Exchange Point' }));
    local.remove('qrator-labs');
    expect(
      local.match('MSK-IX and Qrator Labs at the Moscow Exchange Point', tokenize('MSK-IX and Qrator Labs at the Moscow Exchange Point')),
    ).toEqual([{ start: 30, end: 51, firstToken: 7, endToken: 10, candidates: [{ slug: 'msk-ix', surname: false }] }]);
  });
});

describe('Russian inflected forms', () => {
  it('links every case of a name through the Snowball stems of both sides', () => {
    expect(linked('Андрею Воробьеву вручили награду.', 'ru')).toEqual([['Андрею Воробьеву', 0, 16, 'andrey-vorobyev']]);
    expect(linked('Андрея Воробьёва поздравили.', 'ru')).toEqual([['Андрея Воробьёва', 0, 16, 'andrey-vorobyev']]);
    expect(linked('Письмо из Минцифры России пришло.', 'ru')).toEqual([['Минцифры России', 10, 25, 'ministry-digital-development']]);
    expect(linked('Директор Координационного центра доменов .RU/.РФ выступил.', 'ru')).toEqual([
      ['Координационного центра доменов .RU/.РФ', 9, 48, 'coordination-center-ru'],
    ]);
  });

  it('links a shortened, inflected name where the full one is in the text', () => {
    expect(linked('Координационный центр доменов .RU/.РФ открыл форум. Директор Координационного центра выступил.', 'ru')).toEqual([
      ['Координационный центр доменов .RU/.РФ', 0, 37, 'coordination-center-ru'],
      ['Координационного центра', 61, 84, 'coordination-center-ru'],
    ]);
  });

  it('reads a Latin spelling of a name against its Cyrillic alias and back', () => {
    expect(linked('Андрей Воробьев и Andrei Vorobyev.', 'ru')).toEqual([
      ['Андрей Воробьев', 0, 15, 'andrey-vorobyev'],
      ['Andrei Vorobyev', 18, 33, 'andrey-vorobyev'],
    ]);
  });
});

describe('offsets into the stored text', () => {
  it('are UTF-16 indices past characters outside the BMP', () => {
    const text = '😀😀 MSK-IX 𝒳 .РФ';
    expect(linked(text)).toEqual([
      ['MSK-IX', 5, 11, 'msk-ix'],
      ['.РФ', 15, 18, 'tld-rf'],
    ]);
    expect(text.slice(5, 11)).toBe('MSK-IX');
  });

  it('point into the text HTML is reduced to, not into the HTML', () => {
    const html = '<html><body><h1>News &amp; notes</h1><p>The <a href="https://example.org">MSK-IX</a> exchange.</p></body></html>';
    const text = reduceToText(html, 'html');
    expect(text).toBe('News & notes\n\nThe MSK-IX exchange.');
    expect(linked(text)).toEqual([['MSK-IX', 18, 24, 'msk-ix']]);
  });
});

describe('the text around the names', () => {
  it('detects the language by script', () => {
    expect(detectLanguage('Координационный центр и MSK-IX подписали меморандум.')).toBe('ru');
    expect(detectLanguage('The Coordination Center and РосНИИРОС signed.')).toBe('en');
  });

  it('splits sentences, not at initials, abbreviations or a TLD', () => {
    const text = 'Dr. A. Vorobyev spoke about .RU today. Then MSK-IX answered! Ещё т.е. одно. Конец.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Dr. A. Vorobyev spoke about .RU today.',
      'Then MSK-IX answered!',
      'Ещё т.е. одно.',
      'Конец.',
    ]);
  });

  it('finds dates at the precision they are written', () => {
    expect(findDates('On 12 December 2018, in March 2021, in 2019; 5 апреля 2024 года, в ноябре 2022 года; 2020-02-30.')).toEqual([
      { start: 3, end: 19, value: '2018-12-12', precision: 'DAY' },
      { start: 24, end: 34, value: '2021-03', precision: 'MONTH' },
      { start: 39, end: 43, value: '2019', precision: 'YEAR' },
      { start: 45, end: 63, value: '2024-04-05', precision: 'DAY' },
      { start: 67, end: 83, value: '2022-11', precision: 'MONTH' },
    ]);
  });
});

describe('proposals', () => {
  it('has each signatory sign for the organization the sentence gives them a title at', () => {
    // The Coordination Center is nearer to Platonov than MSK-IX, whose Director the sentence makes him.
    const text = 'The memorandum was signed by Andrey Vorobyev of the Coordination Center and by Alexei Platonov, Director of MSK-IX.';
    const signed = analyzeText(text, info('en'), matcher)
      .proposals.filter((p) => p.type === 'SIGNED')
      .map((p) => [p.from, p.properties.onBehalfOf]);
    expect(signed).toEqual([
      [{ slug: 'andrey-vorobyev' }, 'coordination-center-ru'],
      [{ name: 'Alexei Platonov', type: 'Person' }, 'msk-ix'],
    ]);
  });

  it('has the signers of "the document" sign the memorandum before, though their sentence names no party', () => {
    const texts = {
      en: 'MSK-IX and the Coordination Center signed a memorandum in 2020. For Russia, the document was signed by Andrey Vorobyev.',
      ru: 'MSK-IX и Координационный центр доменов .RU/.РФ подписали меморандум в 2020 году. Со стороны России документ подписал Андрей Воробьев.',
    };
    for (const [lang, text] of Object.entries(texts)) {
      const { proposals } = analyzeText(text, info(lang === 'ru' ? 'ru' : 'en'), matcher);
      const memorandum = { name: 'Memorandum between MSK-IX and Coordination Center for TLD .RU/.РФ', type: 'Memorandum' };
      expect(
        proposals.filter((p) => p.type === 'PARTY_TO').map((p) => p.to),
        lang,
      ).toEqual([memorandum, memorandum]);
      expect(
        proposals.filter((p) => p.type === 'SIGNED').map((p) => [p.from, p.to, p.evidence]),
        lang,
      ).toEqual([[{ slug: 'andrey-vorobyev' }, memorandum, 'INFERRED']]);
    }
  });

  it('proposes a position, a statement and a new entity, citing the sentence by offsets', () => {
    const text = 'Andrey Vorobyev, director of the Coordination Center, said in May 2021 that Lena Markova joined.';
    const { proposals } = analyzeText(text, info('en'), matcher);
    const claims = proposals.filter((p) => p.kind !== 'entity').map(({ fingerprint: _f, ...rest }) => rest);
    expect(claims).toEqual([
      {
        kind: 'relation',
        type: 'HOLDS_POSITION',
        from: { slug: 'andrey-vorobyev' },
        to: { slug: 'coordination-center-ru' },
        properties: { title: 'Director', date: '2021-05', datePrecision: 'MONTH' },
        evidence: 'STATED',
        basis: null,
        span: { start: 0, end: 96 },
        confidence: 0.8,
      },
      {
        kind: 'statement',
        type: 'Statement',
        from: { slug: 'andrey-vorobyev' },
        to: { slug: 'coordination-center-ru' },
        properties: { verb: 'said', date: '2021-05', datePrecision: 'MONTH' },
        evidence: 'STATED',
        basis: null,
        span: { start: 0, end: 96 },
        confidence: 0.75,
      },
    ]);
    expect(proposals.filter((p) => p.kind === 'entity').map((p) => [p.type, p.from, p.span])).toEqual([
      ['Person', { name: 'Lena Markova', type: 'Person' }, { start: 76, end: 88 }],
    ]);
  });

  it('dates a statement by when it was made, not by a date in what was said', () => {
    const dateOf = (text: string, lang: 'en' | 'ru' = 'en') => {
      const statements = analyzeText(text, info(lang), matcher).proposals.filter((p) => p.kind === 'statement');
      expect(statements, text).toHaveLength(1);
      return statements[0]?.properties.date ?? null;
    };
    // Next to the verb, or opening the sentence: when it was said.
    expect(dateOf('Andrey Vorobyev said on 14 March 2022 that the registry would grow.')).toBe('2022-03-14');
    expect(dateOf('On 14 March 2022, Andrey Vorobyev said the registry would grow.')).toBe('2022-03-14');
    expect(dateOf('Andrey Vorobyev on 14 March 2022 said the registry would grow.')).toBe('2022-03-14');
    expect(dateOf('Андрей Воробьев заявил 14 марта 2022 года, что реестр вырастет.', 'ru')).toBe('2022-03-14');
    expect(dateOf('В 2021 году Андрей Воробьев заявил, что реестр вырастет.', 'ru')).toBe('2021');
    // After "that", or quoted: what was said. Nothing is better than the wrong date.
    expect(dateOf('Andrey Vorobyev noted that attacks grew in 2021.')).toBeNull();
    expect(dateOf('"Attacks grew in 2021," said Andrey Vorobyev.')).toBeNull();
    expect(dateOf('«Атаки выросли в 2021 году», — заявил Андрей Воробьев.', 'ru')).toBeNull();
    // A relation in the same sentence keeps the sentence's date.
    const signed = analyzeText('MSK-IX and the Coordination Center signed a memorandum in 2020.', info('en'), matcher).proposals;
    expect(signed.filter((p) => p.type === 'PARTY_TO').map((p) => p.properties.date)).toEqual(['2020', '2020']);
  });

  it("reads a new person's surname alone, in any case, as that person, unless two new people share it", () => {
    const speakers = (text: string, lang: 'en' | 'ru') =>
      analyzeText(text, info(lang), matcher)
        .proposals.filter((p) => p.kind === 'statement')
        .map((p) => p.from);
    const lena = { name: 'Lena Markova', type: 'Person' };
    expect(speakers('Lena Markova opened the forum of MSK-IX. Markova said that the rules would change.', 'en')).toEqual([lena]);
    const igor = { name: 'Игорь Лебедев', type: 'Person' };
    const text = 'В форуме участвовал Игорь Лебедев. В докладе Лебедева было три части. Лебедев сказал, что правила изменятся.';
    const { mentions, proposals } = analyzeText(text, info('ru'), matcher);
    expect(mentions.filter((m) => m.entity === null).map((m) => m.text)).toEqual(['Игорь Лебедев', 'Лебедева', 'Лебедев']);
    expect(proposals.filter((p) => p.kind === 'statement').map((p) => p.from)).toEqual([igor]);
    expect(proposals.filter((p) => p.kind === 'entity').map((p) => p.from)).toEqual([igor]);
    // Two new people of one surname: "Лебедев" alone names neither.
    const two = 'В форуме участвовали Игорь Лебедев и Ольга Лебедева. Лебедев сказал, что правила изменятся.';
    expect(speakers(two, 'ru')).toEqual([]);
  });

  it('reads a pronoun as the person named before, as INFERRED with a basis', () => {
    const text = 'Andrey Vorobyev opened the day. He proposed new rules for MSK-IX.';
    const statement = analyzeText(text, info('en'), matcher).proposals.find((p) => p.kind === 'statement');
    expect(statement).toMatchObject({
      from: { slug: 'andrey-vorobyev' },
      to: { slug: 'msk-ix' },
      evidence: 'INFERRED',
      span: { start: 32, end: 65 },
    });
    expect(statement?.basis).toMatch(/pronoun/);
  });

  it('proposes a memorandum the text does not name as an entity, named by its parties as the graph names them', () => {
    const text =
      'MSK-IX and the Coordination Center signed a memorandum on route filtering in 2031. The document was signed by Andrey Vorobyev.';
    const { proposals } = analyzeText(text, info('en'), matcher);
    const memorandum = { name: 'Memorandum between MSK-IX and Coordination Center for TLD .RU/.РФ', type: 'Memorandum' };
    const entities = proposals.filter((p) => p.kind === 'entity');
    expect(entities.map((p) => [p.type, p.from, p.properties, p.span])).toEqual([
      ['Memorandum', memorandum, { date: '2031', datePrecision: 'YEAR' }, { start: 0, end: 82 }],
    ]);
    // Every relation to it names it the same way, so that accepting the entity resolves them all.
    expect(proposals.filter((p) => p.kind === 'relation').map((p) => [p.type, p.to])).toEqual([
      ['PARTY_TO', memorandum],
      ['PARTY_TO', memorandum],
      ['SIGNED', memorandum],
    ]);
  });

  it('dates a relation by its own clause, not by a date in what was said or in a clause of its own', () => {
    const positionDate = (text: string, lang: 'en' | 'ru' = 'en') =>
      analyzeText(text, info(lang), matcher).proposals.find((p) => p.type === 'HOLDS_POSITION')?.properties.date ?? null;
    expect(positionDate('Andrey Vorobyev, director of MSK-IX, noted that two more exchanges may connect in 2033.')).toBeNull();
    expect(positionDate('Andrey Vorobyev, director of MSK-IX, which opened a new site in 2029, spoke.')).toBeNull();
    expect(positionDate('Андрей Воробьев, директор MSK-IX, отметил, что к 2033 году подключатся ещё две точки обмена.', 'ru')).toBeNull();
    // The date of the saying, next to the verb, and a date of the position's own clause still date it.
    expect(positionDate('Andrey Vorobyev, director of MSK-IX, said in May 2032 that traffic grew.')).toBe('2032-05');
    expect(positionDate('In 2030 Andrey Vorobyev became director of MSK-IX.')).toBe('2030');
  });

  it('keeps the fingerprints of claims on a new name once that name is an entity', () => {
    const text = 'Irina Valk, head of MSK-IX, noted that the exchange would add a second site. Valk said the plan was approved.';
    const before = analyzeText(text, info('en'), matcher);
    expect(before.proposals.filter((p) => p.kind === 'entity').map((p) => p.from)).toEqual([{ name: 'Irina Valk', type: 'Person' }]);
    // The curator accepted the person: the matcher knows her now, and her mentions link.
    const withValk = new AliasMatcher([...entities, matcherEntity('Person', 'irina-valk', { name: 'Irina Valk' })], links);
    const after = analyzeText(text, info('en'), withValk);
    expect(after.mentions.filter((m) => m.text.includes('Valk')).map((m) => m.entity?.slug)).toEqual(['irina-valk', 'irina-valk']);
    const claims = (analysis: typeof before) => analysis.proposals.filter((p) => p.kind !== 'entity').map((p) => [p.type, p.fingerprint]);
    expect(after.proposals.filter((p) => p.kind !== 'entity').map((p) => p.from)).toContainEqual({ slug: 'irina-valk' });
    expect(claims(after)).toEqual(claims(before));
    expect(claims(before)).toHaveLength(3);
    // Each of her mentions stands for her entity proposal, the surname alone too.
    const [person] = before.proposals.filter((p) => p.kind === 'entity');
    expect(before.proposedMentions).toEqual([
      { start: 0, end: 10, proposal: person?.fingerprint },
      { start: 77, end: 81, proposal: person?.fingerprint },
    ]);
  });

  it('gives the same fingerprint to the same claim in the same words, wherever the text moves it', () => {
    const sentence = 'Andrey Vorobyev, director of the Coordination Center, spoke.';
    const first = analyzeText(sentence, info('en'), matcher).proposals[0];
    const moved = analyzeText(`A heading\n\n${sentence}`, info('en'), matcher).proposals[0];
    expect(first?.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(moved?.fingerprint).toBe(first?.fingerprint);
    expect(moved?.span).toEqual({ start: 11, end: 71 });
  });
});

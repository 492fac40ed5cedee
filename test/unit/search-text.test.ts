import { describe, expect, it } from 'vitest';
import { matchKey } from '../../src/domain/text/match-key.ts';
import { searchKey, searchWords } from '../../src/domain/text/normalize.ts';
import { formSeparator, searchForms } from '../../src/domain/text/search-forms.ts';
import { allowedEdits, explainMatch, planSearch, queryWords } from '../../src/domain/text/search-query.ts';

const keys = (text: string) => searchWords(text).map(matchKey).join(' ');

describe('match keys', () => {
  it.each([
    [
      'one person in every transliteration and in Cyrillic',
      ['Vorobiev', 'Vorobjov', 'Воробьев', 'Vorobyev', 'Воробьёв', 'Vorobyov', "Vorob'ev", 'Vorobʹëv'],
    ],
    ['ю as yu, iu, ju and ISO 9 û', ['Pavliuchenko', 'Pavlyuchenko', 'Павлюченко', 'Pavlûčenko', 'Pavljučenko']],
    ['кс as x and й as y, i or j', ['Aleksei', 'Alexei', 'Alexey', 'Aleksej', 'Алексей']],
    ['ий as y, iy, ii and ij', ['Dmitry', 'Dmitriy', 'Dmitrii', 'Dmitrij', 'Дмитрий']],
    ['ц as ts and c', ['Reutsky', 'Reutskiy', 'Reuckij', 'Реуцкий']],
    ['a Latin name as Russian writes it: q and c as к, ph as ф', ['Qrator', 'Кратор']],
    ['c before a vowel as к', ['Telefonica', 'Telefónica', 'Телефоника']],
    ['c before o and sc', ['Cisco', 'Циско']],
    ['ph as ф', ['phishing', 'фишинг']],
    ['щ as shch, sch and ISO 9 ŝ', ['Glushchenko', 'Gluschenko', 'Глущенко', 'Gluŝenko']],
    ['я as ya, ia, ja and â', ['Natalia', 'Natalya', "Natal'ja", 'Наталья', 'Natalʹâ']],
    ['ё as yo, e and jo', ['Artem', 'Artyom', 'Артём', 'Artjom']],
    ['British and American spellings', ['Centre', 'Center']],
    ['-isation and -ization', ['Organisation', 'Organization']],
    ['plural and singular', ['members', 'member']],
    ["a country's name and its adjective", ['Russia', 'Russian', 'Russians', "Russia's"]],
    ['-ian, -ese, -an and irregular adjectives', ['Belarus', 'Belarusian', 'Byelorussian']],
    ['the adjective in -ese', ['Vietnam', 'Vietnamese']],
    ['an adjective that drops a letter', ['Ukraine', 'Ukrainian']],
    ['an adjective that drops -stan', ['Kazakhstan', 'Kazakh']],
  ])('gives %s one key', (_what, spellings) => {
    expect(new Set(spellings.map(keys)).size).toBe(1);
  });

  it('keeps different names apart', () => {
    expect(keys('Platonov')).not.toBe(keys('Pavlyuchenko'));
    expect(keys('Kremer')).not.toBe(keys('Kulikova'));
    // A country of two words has no adjective of one: "American" is not "United".
    expect(keys('American')).not.toBe(keys('United'));
    expect(keys('Polish')).not.toBe(keys('Poland'));
    // Porter folds a few words into others: "news" is no plural of "new".
    expect(keys('news')).not.toBe(keys('new'));
  });

  it('never folds a word of three letters or more into a key of one or two', () => {
    // Each of these folded into a short word of ordinary text, and found it in every description.
    for (const [word, common] of [
      ['DDoS', 'do'],
      ['IoT', 'yet'],
      ['AT&T', 'at'],
      ['ООН', 'on'],
      ['using', 'us'],
      ['its', 'itc'],
      ['www', 'v'],
    ] as const) {
      expect(keys(word).replaceAll(' ', '')).not.toBe(keys(common));
      expect(matchKey(searchWords(word).join('')).length).toBeGreaterThanOrEqual(3);
    }
    // Spellings of one word still meet, and short words keep their own keys.
    expect(keys('DDoS')).toBe(keys('ddos'));
    expect(keys('Ю')).toBe(keys('yu'));
  });
});

describe('normalized text', () => {
  it('folds every apostrophe and dash', () => {
    expect(searchKey('Japan’s')).toBe(searchKey("Japan's"));
    expect(searchKey('MSK–IX')).toBe('msk-ix');
    expect(searchKey('Vorob´ev')).toBe('vorobev');
  });
});

describe('stored search forms', () => {
  it('stores names, their keys, joined short names and descriptions apart', () => {
    const forms = searchForms('Organization', 'msk-ix', {
      name: 'MSK-IX',
      aliases: ['Center for the Interaction of Computer Networks Internet eXchange'],
      description: 'Russian internet exchange organisation',
      kind: 'exchange-point',
    });
    expect(forms.searchText.split(formSeparator)).toEqual([
      'msk-ix',
      'center for the interaction of computer networks internet exchange',
      'msk ix',
    ]);
    expect(forms.searchVariants.split(formSeparator)).toContain(matchKey('mskix'));
    expect(forms.searchDetails.split(formSeparator)).toEqual([keys('Russian internet exchange organization'), keys('exchange point')]);
  });

  it("stores the words people use for an entity's type: a TLD is a domain, a memorandum an MoU", () => {
    const details = (label: 'Tld' | 'Memorandum', props: Record<string, unknown>) =>
      searchForms(label, 'x', props).searchDetails.split(formSeparator);
    expect(details('Tld', { name: '.рф', type: 'country-code', idn: true })).toEqual(
      expect.arrayContaining([keys('top level domain'), keys('domain zone'), keys('ccTLD'), keys('IDN')]),
    );
    expect(details('Tld', { name: '.moscow', type: 'geographic', idn: false })).toEqual(
      expect.arrayContaining([keys('top level domain'), keys('gTLD')]),
    );
    expect(details('Tld', { name: '.moscow', type: 'geographic', idn: false })).not.toContain(keys('IDN'));
    // A country-code TLD is its country's national domain; a Cyrillic IDN a Cyrillic domain.
    expect(details('Tld', { name: '.рф', type: 'country-code', idn: true })).toEqual(
      expect.arrayContaining([keys('national domain'), keys('Cyrillic domain')]),
    );
    expect(details('Tld', { name: '.moscow', type: 'geographic', idn: false })).not.toContain(keys('national domain'));
    expect(details('Tld', { name: '.中国', type: 'country-code', idn: true })).not.toContain(keys('Cyrillic domain'));
    expect(details('Memorandum', { name: 'Memorandum of Cooperation' })).toContain(keys('MoU'));
    expect(searchForms('Source', 'x', { name: 'A news item' }).searchDetails.split(formSeparator)).toEqual(
      expect.arrayContaining([keys('article'), keys('news')]),
    );
    expect(searchForms('Event', 'x', { name: 'A forum', kind: 'conference' }).searchDetails.split(formSeparator)).toEqual([
      keys('conference'),
      keys('event'),
    ]);
    expect(searchForms('Person', 'x', { name: 'Andrey Vorobyev' }).searchDetails).toBe('');
  });

  it('stores a date as people write it, at its precision, and a claimed date too', () => {
    const details = (props: Record<string, unknown>) =>
      searchForms('Event', 'x', { name: 'A forum', ...props }).searchDetails.split(formSeparator);
    expect(details({ startDate: '2021-04-27' })).toContain(keys('27 april 2021'));
    expect(details({ startDate: '2021-02', endDate: '2021' })).toEqual(expect.arrayContaining([keys('february 2021'), keys('2021')]));
    expect(
      searchForms('Memorandum', 'x', {
        name: 'A memorandum',
        date: '2020',
        claims: [{ field: 'date', value: '2019-12', sources: ['s'] }],
      }).searchDetails.split(formSeparator),
    ).toEqual(expect.arrayContaining([keys('2020'), keys('december 2019')]));
    // Not a partial date: nothing is added.
    expect(details({ startDate: 'spring' })).toEqual([keys('event')]);
  });
});

describe('search plans', () => {
  it('scales typo tolerance with word length', () => {
    expect([allowedEdits('rans'), allowedEdits('quator'), allowedEdits('gavrichenko'), allowedEdits('75240')]).toEqual([0, 1, 2, 0]);
  });

  it("allows a match key the edits of the key's own length, not of the word's", () => {
    // "phishing" has 8 letters (2 edits) but the key "fis" 3: two edits there reach "mis"
    // (missing), "pas" (passes), "pus" (pushing).
    const [phishing] = queryWords('phishing');
    expect(phishing).toMatchObject({ key: 'fis', edits: 2, keyEdits: 0 });
    const plan = planSearch('phishing');
    if (!plan) throw new Error('no plan');
    expect(plan.allTypos).toContain('searchText:phishing~2');
    expect(plan.allTypos).not.toContain('fis~');
    expect(explainMatch(plan, 'Topic', 'topic-dns-server-failures', { description: 'Servers missing support' })).toBeNull();
    // A key as long as the word keeps its edits: "Gavrichenko" misspelt still matches.
    const [long] = queryWords('gavrichenkov');
    expect(long?.keyEdits).toBe(2);
  });

  it('requires every content word but not stop words, and keeps a dotted stop word such as .by', () => {
    const words = queryWords('memorandum between the Coordination Center and RIPN about .SU');
    expect(words.filter((word) => !word.required).map((word) => word.text)).toEqual(['the', 'and', 'about']);
    expect(queryWords('TLD .BY').every((word) => word.required)).toBe(true);
    expect(queryWords('by').every((word) => word.required)).toBe(true);
  });

  it('does not require a lone letter beside other words: an initial, the T of ITU-T', () => {
    const required = (query: string) => queryWords(query).map((word) => [word.text, word.required]);
    expect(required('ITU-T')).toEqual([
      ['itu', true],
      ['t', false],
    ]);
    expect(required('V. Glushchenko')).toEqual([
      ['v', false],
      ['glushchenko', true],
    ]);
    // With nothing else to require, every word is required, as for stop words alone; digits always are.
    expect(required('AT&T')).toEqual([
      ['at', true],
      ['t', true],
    ]);
    expect(required('Resolution 75 1')).toEqual([
      ['resolution', true],
      ['75', true],
      ['1', true],
    ]);
  });

  it("reads a Russian word's stem as a prefix, in Cyrillic and as a key", () => {
    const [word] = queryWords('Координационного');
    expect(word?.stem?.text).toBe('координацион');
    // The stem's key begins the key of every case of the word, as stored.
    for (const form of ['Координационный', 'координационная', 'Координационному']) {
      expect(matchKey(searchKey(form)).startsWith(word?.stem?.key ?? '-'), form).toBe(true);
    }
    expect(planSearch('Координационного')?.all).toContain('searchText:координацион*');
    expect(planSearch('Координационного')?.all).toContain(`searchVariants:${word?.stem?.key}*`);
    // Latin words and short Russian ones have no stem of their own.
    expect(queryWords('Coordination')[0]?.stem).toBeNull();
    expect(queryWords('ООН')[0]?.stem).toBeNull();
  });

  it("reads the field's Russian words as the English ones the data writes, in any case", () => {
    const english = (text: string) => queryWords(text).map((word) => word.synonyms);
    expect(english('реестр')).toEqual([['registry']]);
    expect(english('реестров доменных имен')).toEqual([['registry'], ['domain'], ['name']]);
    // Adjectives whose й searchKey writes as и meet their dictionary form.
    expect(english('информационной безопасности')).toEqual([['information'], ['security', 'safe']]);
    expect(english('российских')).toEqual([['russia']]);
    expect(english('ИКАНН')).toEqual([['icann']]);
    // Borrowed words need no entry (their transliteration meets the English word), nor do Latin ones.
    expect(english('ботнет')).toEqual([[]]);
    expect(english('registry')).toEqual([[]]);
    // A word Russian borrowed with its own suffix is read as the English it came from, by that suffix.
    expect(english('глокализации')).toEqual([['glokalization']]);
    expect(english('мультиполярность')).toEqual([['multipoliarity']]);
    expect(english('терроризма')).toEqual([['terrorism']]);
    expect(english('стабильность')).toEqual([['stability']]);
    expect(english('геополитический')).toEqual([['geopolitical']]);
    expect(queryWords('мультиполярность')[0]?.synonyms.map(matchKey)).toEqual([matchKey('multipolarity')]);
    expect(queryWords('глокализация')[0]?.synonyms.map(matchKey)).toEqual([matchKey('glocalization')]);
    // The glossary's English comes before any guess: "безопасность" is security, not "bezopasity".
    expect(english('безопасность')).toEqual([['security', 'safe']]);
    // An entity named by the query's English, word for word, is an exact match.
    expect(planSearch('международная информационная безопасность')?.exact).toContain('international information security');
    expect(planSearch('фишинг')?.all).toContain('searchText:phishing^3');
  });

  it('leads a spelled-out title to its abbreviation, and not back', () => {
    const synonyms = (text: string) => queryWords(text).map((word) => word.synonyms);
    expect(synonyms('technical director')).toEqual([['cto'], []]);
    // The Russian word's English comes first, then what the English stands for.
    expect(synonyms('технический директор')).toEqual([['technical', 'cto'], ['director']]);
    expect(synonyms('CTO')).toEqual([[]]);
  });

  it('gives a word that asks who leads the whole titles that do, in English or Russian', () => {
    const titles = (text: string) => planSearch(text)?.positionWords.map((word) => word.leaderTitles.includes('director'));
    expect(titles('head of the Coordination Center')).toEqual([true, false, false]);
    expect(titles('глава Координационного центра')).toEqual([true, false, false]);
    expect(titles('руководитель MSK-IX')?.[0]).toBe(true);
    expect(titles('who heads the Coordination Center')).toEqual([true, false, false]);
    expect(titles('RANS leaders')).toEqual([false, true]);
    // The verbs of a Russian question: "кто руководит …", "кто возглавляет …".
    expect(titles('кто руководит Координационным центром')).toEqual([true, false, false]);
    expect(titles('кто возглавляет РАНС')).toEqual([true, false]);
    // An adjective asks no one: "leading anti-DDoS company" is a company.
    expect(titles('leading anti-DDoS company')?.[0]).toBe(false);
    // Whole titles: a deputy or a GR director leads nothing.
    const head = planSearch('head of RANS')?.positionWords[0]?.leaderTitles ?? [];
    expect(head).toContain('president');
    expect(head).not.toContain('deputy director');
    expect(head).not.toContain('gr director');
    expect(planSearch('director of RANS')?.positionWords[0]?.leaderTitles).toEqual([]);
  });

  it('marks a word that asks who signed, in English or Russian, and takes no question word for content', () => {
    const signing = (text: string) => planSearch(text)?.positionWords.map((word) => `${word.text}${word.signing ? '*' : ''}`);
    expect(signing('memorandum signed by Pavlyuchenko')).toEqual(['memorandum', 'signed*', 'pavlyuchenko']);
    expect(signing('signatories of the OAC memorandum')).toEqual(['signatories*', 'oac', 'memorandum']);
    expect(signing('кто подписал меморандум с ОАЦ')).toEqual(['подписал*', 'меморандум', 'оац']);
    expect(signing('подписанты меморандума')).toEqual(['подписанты*', 'меморандума']);
    // A signature is not a sign-up: only the words for signing, as typed or through the glossary.
    expect(signing('design memorandum')).toEqual(['design', 'memorandum']);
  });

  it('marks a word that asks what was said, in English or Russian, but not "state"', () => {
    const saying = (text: string) => planSearch(text)?.positionWords.map((word) => `${word.text}${word.saying ? '*' : ''}`);
    expect(saying('what Vorobyev said about ICANN')).toEqual(['vorobyev', 'said*', 'icann']);
    expect(saying('что сказал Воробьев об ICANN')).toEqual(['сказал*', 'воробьев', 'icann']);
    expect(saying('Babekina заявила OEWG')).toEqual(['babekina', 'заявила*', 'oewg']);
    expect(saying('state information security')).toEqual(['state', 'information', 'security']);
  });

  it('marks a word that asks who runs a domain, in English or Russian, but not "operator"', () => {
    const managing = (text: string) => planSearch(text)?.positionWords.map((word) => `${word.text}${word.managing ? '*' : ''}`);
    expect(managing('who manages .su')).toEqual(['manages*', 'su']);
    expect(managing('administrator of .moscow')).toEqual(['administrator*', 'moscow']);
    expect(managing('кто управляет .москва')).toEqual(['управляет*', 'москва']);
    expect(managing('telecom operator')).toEqual(['telecom', 'operator']);
    expect(managing('администратор .москва')).toEqual(['администратор*', 'москва']);
    expect(managing('registrar of .by')).toEqual(['registrar*', 'by']);
    const membership = (text: string) => planSearch(text)?.positionWords.map((word) => `${word.text}${word.membership ? '*' : ''}`);
    expect(membership('ISPCP members')).toEqual(['ispcp', 'members*']);
    expect(membership('члены ISPCP')).toEqual(['члены*', 'ispcp']);
    expect(membership('member states')).toEqual(['member*', 'states']);
  });

  it('names the entity types whose word the query holds, in English or Russian, as a content word', () => {
    expect(planSearch('memoranda of the Coordination Center')?.typeLabels).toEqual(['Memorandum']);
    // An event's kind names its type in a query, with no stored form of its own.
    expect(planSearch('Diplomatic Academy conference Vorobyev')?.typeLabels).toEqual(['Event']);
    expect(planSearch('section Babekina Glushchenko')?.typeLabels).toEqual(['Event']);
    expect(planSearch('memorandum Coordination Center OAC')?.typeLabels).toEqual(['Memorandum']);
    expect(planSearch('MoU Belarus')?.typeLabels).toEqual(['Memorandum']);
    expect(planSearch('меморандум с Беларусью')?.typeLabels).toEqual(['Memorandum']);
    expect(planSearch('статья о Qrator Labs')?.typeLabels).toEqual(['Source']);
    expect(planSearch('news Qrator Labs ICANN')?.typeLabels).toEqual(['Source']);
    expect(planSearch('новости Qrator ICANN')?.typeLabels).toEqual(['Source']);
    // Its stem стат is too short to be a prefix: it began the keys of "statement" and "state".
    expect(queryWords('статьи')[0]?.stem).toBeNull();
    expect(queryWords('Москве')[0]?.stem?.text).toBe('москв');
    expect(planSearch('мероприятия в Москве')?.typeLabels).toEqual(['Event']);
    expect(planSearch('заявление Воробьёва')?.typeLabels).toEqual(['Statement']);
    expect(planSearch('article about the memorandum')?.typeLabels).toEqual(['Source', 'Memorandum']);
    expect(planSearch('Vorobyev statement on ICANN')?.typeLabels).toEqual(['Statement']);
    // By match key, as the index compares words: a plural names the type too, a word that only ends like it does not.
    expect(planSearch('events in Moscow')?.typeLabels).toEqual(['Event']);
    expect(planSearch('articles Qrator')?.typeLabels).toEqual(['Source']);
    expect(planSearch('Qrator Labs')?.typeLabels).toEqual([]);
    expect(planSearch('resource eventide')?.typeLabels).toEqual([]);
  });

  it('lets two neighbouring words match the two written as one', () => {
    const words = queryWords('cyber security memorandum');
    expect(words.map((word) => word.joined.map((joined) => joined.text))).toEqual([
      ['cybersecurity'],
      ['cybersecurity', 'securitymemorandum'],
      ['securitymemorandum'],
    ]);
    // An initial joins its word ("D DoS" is DDoS); stop words and digits join nothing.
    expect(queryWords('D DoS').map((word) => word.joined.map((joined) => joined.text))).toEqual([['ddos'], ['ddos']]);
    expect(queryWords('the rapist').flatMap((word) => word.joined)).toEqual([]);
    expect(queryWords('Resolution 75').flatMap((word) => word.joined)).toEqual([]);
    const plan = planSearch('cyber security');
    if (!plan) throw new Error('no plan');
    expect(plan.all).toContain('searchText:cybersecurity^');
    expect(plan.all).toContain(`searchVariants:${matchKey('cybersecurity')}^`);
    // The statement counts the words a hit holds in the same forms (search.cypher, `covered`).
    expect(plan.positionWords.map((word) => word.forms)).toEqual([
      ['cyber', matchKey('cyber'), 'cybersecurity', matchKey('cybersecurity')],
      ['security', matchKey('security'), 'cybersecurity', matchKey('cybersecurity')],
    ]);
    expect(planSearch('msk exchange')?.positionWords[0]).toMatchObject({ forms: expect.arrayContaining(['moscow']), prefixes: ['msk'] });
    const memorandum = { name: 'Memorandum of Cooperation in Cybersecurity' };
    expect(explainMatch(plan, 'Memorandum', 'memo-cc-faitid-cybersecurity', memorandum)).toMatchObject({ field: 'NAME', words: 2 });
  });

  it('joins no two words the stemmer reads as one word and a suffix', () => {
    // Porter stems "vietnammou" to "vietnamm", whose key is Vietnam's: every entity that held
    // "Vietnam" held "MoU" too, and the country was an exact match for "Vietnam MoU".
    expect(matchKey('vietnammou')).toBe(matchKey('vietnam'));
    const plan = planSearch('Vietnam MoU');
    expect(plan?.positionWords.map((word) => word.forms)).toEqual([['vietnam', matchKey('vietnam')], ['mou']]);
    expect(plan?.exactKeys).toEqual([`${matchKey('vietnam')} mou`]);
  });

  it('matches three or four content words in a row by their initials, as a name or a title, never as a key', () => {
    const words = queryWords('chief technology officer of Qrator Labs');
    expect(words.map((word) => [word.text, word.initialisms])).toEqual([
      ['chief', ['cto', 'ctoq']],
      ['technology', ['cto', 'toq', 'ctoq', 'toql']],
      ['officer', ['cto', 'toq', 'oql', 'ctoq', 'toql']],
      ['of', []],
      ['qrator', ['toq', 'oql', 'ctoq', 'toql']],
      ['labs', ['oql', 'toql']],
    ]);
    const plan = planSearch('chief technology officer');
    expect(plan?.all).toContain('searchText:cto^3');
    // "mis" (militarisation, information, space) is the key of "missing": not searched as one.
    expect(planSearch('militarisation information space')?.all).not.toMatch(/search(Variants|Details):mis\^/);
    expect(plan?.positionWords.map((word) => word.initialisms)).toEqual([['cto'], ['cto'], ['cto']]);
    // Two words, digits or a lone letter make none.
    expect(queryWords('vice president').flatMap((word) => word.initialisms)).toEqual([]);
    expect(queryWords('resolution 75 240 assembly').flatMap((word) => word.initialisms)).toEqual([]);
  });

  it('reads "registry" as asking who runs a domain, and "domain" as naming a TLD', () => {
    // Only content words are compared ("for" is a stop word).
    expect(planSearch('registry for .moscow')?.positionWords.map((word) => [word.text, word.managing])).toEqual([
      ['registry', true],
      ['moscow', false],
    ]);
    expect(planSearch('реестр .moscow')?.positionWords[0]?.managing).toBe(true);
    const plan = planSearch('cn domain');
    expect(plan?.typeLabels).toEqual(['Tld']);
    expect(plan?.positionWords.map((word) => word.types)).toEqual([[], ['Tld']]);
  });

  it('reads two Cyrillic words written apart as the joined word of the glossary', () => {
    // "кибер безопасность" and "кибер-безопасность" are "кибербезопасность", cybersecurity.
    for (const query of ['кибер безопасность', 'кибер-безопасность']) {
      const [first, second] = queryWords(query);
      expect(first?.joined.map((joined) => joined.text)).toEqual(['кибербезопасность', 'cybersecurity']);
      expect(second?.joined.map((joined) => joined.text)).toEqual(['кибербезопасность', 'cybersecurity']);
      expect(planSearch(query)?.all).toContain('searchText:cybersecurity^3');
    }
  });

  it('asks for all words as typed first, then with typos, then for any word', () => {
    const plan = planSearch('Kremer RANS president');
    expect(plan?.all).toMatch(/^\+\(/);
    expect(plan?.all).not.toContain('~1^');
    expect(plan?.allTypos).toContain('searchText:president~2^');
    expect(plan?.any).not.toMatch(/^\+|\s\+\(search/);
    // One word: no "any" stage; a short word: no typo stage either.
    expect(planSearch('Vorobiev')).toMatchObject({ any: null, allTypos: expect.stringContaining('~2') });
    expect(planSearch('RANS')).toMatchObject({ any: null, allTypos: null });
    expect(planSearch('  !!  ')).toBeNull();
  });

  it('lets nothing typed reach Lucene syntax', () => {
    const plan = planSearch('ICANN OR *:* AND title:[a TO z] "x"~3 \\ (');
    if (!plan) throw new Error('no plan');
    for (const word of plan.words) {
      expect(word.text).toMatch(/^[\p{L}\p{N}]+$/u);
      expect(word.key).toMatch(/^[\p{L}\p{N}]+$/u);
    }
    expect(`${plan.all} ${plan.allTypos} ${plan.any}`).not.toMatch(/\[|\]|\*:\*|\bTO\b|\bOR\b|\bAND\b|\\|title:/);
  });

  it('compares whole queries with names, also as match keys', () => {
    expect(planSearch('Coordination Centre')?.exactKeys).toContain(keys('Coordination Center'));
    expect(planSearch('MSK IX')?.exactKeys).toContain(matchKey('mskix'));
    expect(planSearch('.РФ')?.exact).toEqual(expect.arrayContaining(['.рф', 'рф', '.xn--p1ai', 'xn--p1ai']));
    // The words as typed, joined: punctuation between them does not stop an exact match.
    expect(planSearch('Andrey, Vorobyev!')?.exact).toEqual(['andrey, vorobyev!', 'andrey vorobyev']);
    // A question around a name is that name, its question words left out.
    expect(planSearch('what is ISPCP')?.exact).toContain('ispcp');
    expect(planSearch('Что такое РИПН?')?.exact).toContain('рипн');
    expect(planSearch('what is the Coordination Center')?.exactKeys).toContain(keys('Coordination Center'));
    // Nothing is left out of a query of stop words alone.
    expect(planSearch('who is')?.exact).toEqual(['who is']);
  });

  it('names the field that matched', () => {
    const props = {
      name: 'Arkady Kremer',
      aliases: ['Аркадий Кремер'],
      description: 'President of RANS; recorded greetings for the 20th anniversary.',
    };
    const plan = planSearch('Kremer RANS president');
    if (!plan) throw new Error('no plan');
    expect(explainMatch(plan, 'Person', 'arkady-kremer', props)).toEqual({ field: 'DESCRIPTION', value: props.description, words: 2 });
    const byName = planSearch('Arkadiy Kremer');
    if (!byName) throw new Error('no plan');
    expect(explainMatch(byName, 'Person', 'arkady-kremer', props)).toMatchObject({ field: 'NAME', value: 'Arkady Kremer', words: 2 });
  });

  it('shows a matching slug as it is written, hyphens and all', () => {
    const plan = planSearch('memo cc');
    if (!plan) throw new Error('no plan');
    expect(explainMatch(plan, 'Memorandum', 'memo-cc-msk-ix', { name: 'A memorandum' })).toEqual({
      field: 'SLUG',
      value: 'memo-cc-msk-ix',
      words: 2,
    });
  });
});

import { searchKey } from './normalize.ts';
import { russianStemOnce } from './russian-stem.ts';

/**
 * The field's Russian words and the English ones the graph writes for them. The sources are
 * English, so topics, kinds and most names are English words; a researcher who reads the Russian
 * press types "фишинг", "реестр" or "кибербезопасность" and would otherwise find nothing, since
 * transliteration only helps where Russian borrowed the word whole ("ботнет", "интернет").
 * Search reads each English word as a synonym of the Russian one (search-query.ts): query side
 * only, so the stored forms do not change.
 *
 * Each entry is written in its dictionary form and keyed by its Russian stem, as the query word
 * is, so any case or number of it finds the entry ("реестра", "реестров", "реестр"). Only words
 * whose transliteration does not already meet the English one are listed; adjectives of
 * countries give the country's name, as the English ones do in the stored keys (demonyms.ts).
 */
const entries: readonly (readonly [string, readonly string[]])[] = [
  // Registries, domains and the DNS.
  ['реестр', ['registry']],
  ['регистратура', ['registry']],
  ['регистратор', ['registrar']],
  ['домен', ['domain']],
  ['доменный', ['domain']],
  ['зона', ['zone']],
  ['имя', ['name']],
  ['имени', ['name']],
  ['корневой', ['root']],
  ['адресный', ['address']],
  ['пространство', ['space']],
  ['киберпространство', ['cyberspace']],
  // Threats and abuse.
  ['фишинг', ['phishing']],
  ['вредоносный', ['malware', 'malicious']],
  ['кибербезопасность', ['cybersecurity']],
  ['безопасность', ['security']],
  ['злоупотребление', ['abuse']],
  ['мошенничество', ['fraud']],
  ['атака', ['attack']],
  ['угроза', ['threat']],
  ['нарушение', ['violation']],
  ['незаконный', ['illegal']],
  ['противоправный', ['illegal']],
  ['распространение', ['dissemination']],
  ['противодействие', ['counteract', 'combat']],
  ['защита', ['protection']],
  ['стабильность', ['stability']],
  ['устойчивость', ['stability']],
  ['доверие', ['trust']],
  ['сбой', ['failure']],
  ['конфликт', ['conflict']],
  ['война', ['war']],
  ['милитаризация', ['militarization']],
  ['несанкционированный', ['unauthorized']],
  ['доступ', ['access']],
  ['насилие', ['abuse']],
  ['предотвращение', ['preventing', 'prevention']],
  ['безопасный', ['safe']],
  // Governance, law and policy.
  ['управление', ['governance', 'management']],
  ['политика', ['policy']],
  ['правило', ['rule']],
  ['рекомендация', ['recommendation']],
  ['норма', ['norm']],
  ['закон', ['law']],
  ['право', ['law', 'rights']],
  ['суверенитет', ['sovereignty']],
  ['государство', ['state']],
  ['государственный', ['state']],
  ['многополярность', ['multipolarity']],
  ['колониализм', ['colonialism']],
  ['неравенство', ['inequality']],
  ['принятие', ['acceptance']],
  ['универсальный', ['universal']],
  ['стандарт', ['standard']],
  ['стандартизация', ['standardization']],
  ['санкция', ['sanctions']],
  ['отключение', ['disabling']],
  ['резолюция', ['resolution']],
  ['постановление', ['resolution', 'decree']],
  ['указ', ['decree']],
  ['проект', ['project', 'draft']],
  ['программа', ['program']],
  ['стратегия', ['strategy']],
  ['концепция', ['concept']],
  ['доктрина', ['doctrine']],
  ['регистрация', ['registration']],
  ['правовой', ['legal']],
  ['уважение', ['respect']],
  ['инициатива', ['initiative']],
  ['видение', ['vision']],
  // Cooperation and the documents of it.
  ['сотрудничество', ['cooperation']],
  ['взаимодействие', ['interaction', 'cooperation']],
  ['партнерство', ['partnership']],
  ['соглашение', ['agreement']],
  ['договор', ['agreement', 'treaty']],
  ['подписание', ['signing']],
  ['заявление', ['statement']],
  ['доклад', ['report']],
  ['конференция', ['conference']],
  ['встреча', ['meeting']],
  ['сессия', ['session']],
  ['заседание', ['meeting', 'session']],
  ['саммит', ['summit']],
  ['выступление', ['speech']],
  ['обмен', ['exchange']],
  ['опыт', ['experience']],
  ['взаимный', ['mutual']],
  ['консультирование', ['consulting']],
  ['альянс', ['alliance']],
  ['стратегический', ['strategic']],
  ['продвижение', ['promoting']],
  ['площадка', ['platform']],
  ['диалог', ['dialogue']],
  // Organizations, bodies and people.
  ['организация', ['organization']],
  ['министерство', ['ministry']],
  ['центр', ['center']],
  ['координационный', ['coordination']],
  ['фонд', ['foundation', 'fund']],
  ['ассоциация', ['association']],
  ['союз', ['union']],
  ['группа', ['group']],
  ['рабочий', ['working']],
  ['президент', ['president']],
  ['директор', ['director']],
  ['генеральный', ['general']],
  ['руководитель', ['head']],
  ['заместитель', ['deputy']],
  ['председатель', ['chair']],
  ['представитель', ['representative']],
  ['исполнительный', ['executive']],
  // "Исполняющий обязанности директора" is an acting director.
  ['исполняющий', ['acting']],
  ['обязанность', ['acting', 'duties']],
  ['компетенция', ['competence']],
  ['член', ['member']],
  ['членство', ['membership']],
  ['правление', ['board']],
  ['совет', ['council', 'board']],
  ['комитет', ['committee']],
  ['комиссия', ['commission']],
  ['ассамблея', ['assembly']],
  ['участник', ['participant', 'member']],
  ['эксперт', ['expert']],
  ['бизнес', ['business']],
  ['наука', ['science']],
  ['общество', ['society']],
  ['гражданский', ['civil']],
  ['пользователь', ['user']],
  ['компетентный', ['competent']],
  ['атташе', ['attache']],
  ['иностранный', ['foreign']],
  ['внешний', ['foreign']],
  ['дело', ['affairs']],
  ['ИКАНН', ['icann']],
  ['ООН', ['un']],
  ['АЙКАНН', ['icann']],
  // What the topics are about.
  ['сеть', ['network']],
  ['сетевой', ['network']],
  ['информация', ['information']],
  ['информационный', ['information']],
  ['технология', ['technology']],
  ['технологический', ['technological']],
  ['цифровой', ['digital']],
  ['экономика', ['economy']],
  ['развитие', ['development']],
  ['международный', ['international']],
  ['национальный', ['national']],
  ['региональный', ['regional']],
  ['интеграция', ['integration']],
  ['вещь', ['things']],
  ['среда', ['environment']],
  ['система', ['system']],
  ['материал', ['material']],
  ['технический', ['technical']],
  ['база', ['base']],
  ['глобальный', ['global']],
  ['эффективность', ['effectiveness']],
  ['деятельность', ['activities']],
  ['функционирование', ['functioning']],
  ['производственный', ['production']],
  ['ребенок', ['child']],
  ['дети', ['children']],
  ['сексуальный', ['sexual']],
  ['детский', ['child']],
  ['российский', ['russia']],
  ['белорусский', ['belarus']],
  ['вьетнамский', ['vietnam']],
  ['китайский', ['china']],
  ['украинский', ['ukraine']],
  ['московский', ['moscow']],
];

// One Snowball step, then the stem's last vowels. searchKey writes й as и, which Snowball's
// endings do not expect: a word's last и after a vowel is й again ("информационнои" is
// "информационной"), and what Snowball still leaves of an ending is cut back to the consonant
// the forms share.
const keyOf = (word: string): string => russianStemOnce(searchKey(word).replace(/([аеиоуыэюя])и$/u, '$1й')).replace(/[аеиоуыэюяй]+$/u, '');

const glossary = new Map<string, string[]>();
for (const [russian, english] of entries) {
  const key = keyOf(russian);
  glossary.set(key, [...new Set([...(glossary.get(key) ?? []), ...english])]);
}

/** The English words for a normalized Cyrillic query word (searchKey), or none. */
export function englishFor(word: string): readonly string[] {
  return glossary.get(keyOf(word)) ?? [];
}

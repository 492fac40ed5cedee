import { createHash } from 'node:crypto';
import { searchKey } from '../text/normalize.ts';
import type { Sentence, SourceLanguage } from './source-text.ts';
import type { TextDate } from './text-dates.ts';

/** An end of a proposed claim: a known entity by slug, or a proposed one by name and type. */
export type ClaimEnd = { slug: string } | { name: string; type: string };

/**
 * An end as a claim is proposed with it (`ref`), and as the text names it (`key`): the normalized
 * words of its mention, the same before and after the name becomes a known entity, so that a
 * claim keeps its fingerprint when its new names are accepted.
 */
export interface End {
  ref: ClaimEnd;
  key: string;
}

/** Something named in a sentence that a claim may connect. */
export interface Actor extends End {
  start: number;
  end: number;
  type: string;
  /** What it is called: a known entity's name, a proposed one's as the text first writes it. */
  name: string;
}

export type Evidence = 'STATED' | 'INFERRED';

export interface Proposal {
  kind: 'relation' | 'entity' | 'statement';
  type: string;
  from: ClaimEnd | null;
  to: ClaimEnd | null;
  properties: Record<string, string>;
  evidence: Evidence;
  basis: string | null;
  span: { start: number; end: number };
  confidence: number;
  /** The proposal's id in the review queue (proposalFingerprint). */
  fingerprint: string;
}

interface Trigger {
  pattern: RegExp;
  value: string;
}

const en = (words: string) => new RegExp(`\\b(?:${words})\\b`, 'giu');
// Russian words are matched by their beginnings (every case and gender of a verb).
const ru = (stems: string) => new RegExp(`(?<![\\p{L}])(?:${stems})\\p{L}*`, 'giu');

const titles: Record<SourceLanguage, Trigger[]> = {
  en: [
    { pattern: en('director general|general director'), value: 'Director General' },
    { pattern: en('deputy director|deputy head'), value: 'Deputy Director' },
    { pattern: en('executive director'), value: 'Executive Director' },
    { pattern: en('director'), value: 'Director' },
    { pattern: en('head'), value: 'Head' },
    { pattern: en('chair|chairman|chairwoman|chairperson'), value: 'Chair' },
    { pattern: en('president'), value: 'President' },
    { pattern: en('ceo|chief executive(?: officer)?'), value: 'Chief Executive' },
    { pattern: en('founder|co-founder'), value: 'Founder' },
    { pattern: en('secretary general|secretary-general'), value: 'Secretary General' },
  ],
  ru: [
    { pattern: ru('генеральн\\p{L}* директор'), value: 'Director General' },
    { pattern: ru('заместител\\p{L}* (?:директор|руководител)'), value: 'Deputy Director' },
    { pattern: ru('исполнительн\\p{L}* директор'), value: 'Executive Director' },
    { pattern: ru('директор'), value: 'Director' },
    { pattern: ru('руководител|глав[аеуыо]'), value: 'Head' },
    { pattern: ru('председател'), value: 'Chair' },
    { pattern: ru('президент'), value: 'President' },
    { pattern: ru('основател|сооснователь'), value: 'Founder' },
    { pattern: ru('генеральн\\p{L}* секретар'), value: 'Secretary General' },
  ],
};

const signing: Record<SourceLanguage, { verb: RegExp; object: RegExp }> = {
  en: { verb: en('sign|signed|signs|signing'), object: /memorand|agreement|accord|document/iu },
  ru: { verb: ru('подпис'), object: /меморандум|соглашени|документ/iu },
};

const membership: Record<SourceLanguage, RegExp> = {
  en: en('joined|joins|join|member of|members of|became a member|admitted to|membership in|membership of'),
  ru: ru('вступил|вступа|присоединил|присоединя|член|вошл\\p{L}* в состав|вошел в состав|вошёл в состав|принят\\p{L}* в'),
};

const management: Record<SourceLanguage, RegExp> = {
  en: en('registry|registry operator|administrator|administers|manages|managed|operates|operator|runs'),
  ru: ru('администратор|регистратур|управля|администрир|оператор'),
};

const participation: Record<SourceLanguage, Trigger[]> = {
  en: [
    { pattern: en('moderated|moderates|moderator|chaired'), value: 'moderator' },
    { pattern: en('organized|organised|organizes|organizer|organiser|organizers'), value: 'organizer' },
    { pattern: en('hosted|hosts|host'), value: 'host' },
    { pattern: en('spoke|speaks|speaker|speakers|presented|gave a talk|delivered|addressed|keynote'), value: 'speaker' },
    { pattern: en('took part|take part|takes part|participated|participants|participant|attended|attends'), value: 'participant' },
  ],
  ru: [
    { pattern: ru('модерир|модератор|вел\\p{L}* сесси|вёл'), value: 'moderator' },
    { pattern: ru('организова|организатор'), value: 'organizer' },
    { pattern: ru('выступил|выступа|выступлени|доклад\\p{L}* на|спикер'), value: 'speaker' },
    { pattern: ru('принял\\p{L}* участие|приняли участие|участвова|участник'), value: 'participant' },
  ],
};

const statements: Record<SourceLanguage, Trigger[]> = {
  en: [
    { pattern: en('proposed|proposes|suggested|suggests|called for|calls for'), value: 'proposed' },
    { pattern: en('noted|notes|stressed|emphasized|emphasised|pointed out|warned|observed'), value: 'noted' },
    { pattern: en('said|says|stated|told|explained|added|argued|believes|according to|announced'), value: 'said' },
  ],
  ru: [
    { pattern: ru('предложил|предлага|призвал'), value: 'proposed' },
    { pattern: ru('отметил|подчеркнул|обратил\\p{L}* внимание|предупредил'), value: 'noted' },
    { pattern: ru('заявил|сказал|сообщил|пояснил|добавил|считает|по словам|рассказал|уверен'), value: 'said' },
  ],
};

const pronouns: Record<SourceLanguage, RegExp> = {
  en: /^(?:he|she|they)\b/iu,
  ru: /^(?:он|она|они)(?![\p{L}])/iu,
};

const documentWords: Record<SourceLanguage, RegExp> = { en: /\bdocument\b/iu, ru: /документ/iu };
const memorandumWords: Record<SourceLanguage, RegExp> = { en: /memorand|agreement|accord/iu, ru: /меморандум|соглашени/iu };
const companyWords: Record<SourceLanguage, RegExp> = {
  en: /\b(?:the company|the organization|the organisation|the association|the foundation|it)\b/iu,
  ru: /(?<!\p{L})(?:компания|организация|ассоциация|фонд)(?!\p{L})/iu,
};
const referredMemorandum = 'The sentence calls it "the document"; it is read as the memorandum of the sentence before.';
const referredOrganization = 'The sentence names its subject by a common noun; it is read as the organization the text was last about.';

const maxPartyDistance = 200;
const maxParties = 4;

const organizationTypes = new Set(['Organization', 'Body']);
const refKey = (ref: ClaimEnd | null) => (ref === null ? '' : 'slug' in ref ? ref.slug : `${ref.type}:${ref.name.toLowerCase()}`);

function* triggersIn(sentence: string, triggers: Trigger[]): Generator<{ at: number; end: number; value: string }> {
  const seen: [number, number][] = [];
  for (const { pattern, value } of triggers) {
    for (const match of sentence.matchAll(pattern)) {
      const at = match.index;
      const end = at + match[0].length;
      if (seen.some(([a, b]) => at < b && a < end)) continue;
      seen.push([at, end]);
      yield { at, end, value };
    }
  }
}

/** Whether a place in a sentence lies inside a quotation ("…", “…”, «…», „…“): what was said, not the saying. */
function insideQuotes(sentence: string, at: number): boolean {
  const open: string[] = [];
  for (const char of sentence.slice(0, at)) {
    if (char === '"') {
      if (open.at(-1) === '"') open.pop();
      else open.push('"');
    } else if (char === '«' || char === '„') open.push(char);
    else if (char === '»' && open.at(-1) === '«') open.pop();
    // “ closes a „ (Russian and German) and opens a quotation otherwise (English), which ” closes.
    else if (char === '“') {
      if (open.at(-1) === '„') open.pop();
      else open.push(char);
    } else if (char === '”' && open.at(-1) === '“') open.pop();
  }
  return open.length > 0;
}

/** The most characters between a statement's verb and the date it was said on: " on ", " in ", " в ". */
const verbDateGap = 4;
/** A sentence that opens with its date: "On 14 March, …", "In 2021 …", "14 марта …", "В 2021 году …". */
const leadingDate = /^\s*(?:on|in|в|во)?\s*$/iu;

/**
 * The date a statement was made, as its sentence gives it: a date that opens the sentence, or
 * stands next to the verb ("said on 14 March", "Lyamin on 14 March said", "заявил 14 марта").
 * A date elsewhere, after "that" or inside a quotation, is part of what was said ("attacks grew
 * in 2021"), not when: then the statement has none, and the curator gives it.
 */
function statementDate(sentence: string, verb: { at: number; end: number }, dates: TextDate[]): TextDate | undefined {
  return dates.find(
    (date) =>
      !insideQuotes(sentence, date.start) &&
      (leadingDate.test(sentence.slice(0, date.start)) ||
        (date.start >= verb.end && date.start - verb.end <= verbDateGap) ||
        (date.end <= verb.at && verb.at - date.end <= verbDateGap)),
  );
}

/** The properties a claim takes from its date: none without one. */
const dateProperties = (date: TextDate | undefined): Record<string, string> =>
  date ? { date: date.value, datePrecision: date.precision } : {};

/** Words that open a clause of its own: what was said ("that …"), or a relative clause ("which …", "who …"). */
const clauseOpeners: Record<SourceLanguage, RegExp> = {
  en: en('that|which|who|whose'),
  ru: /(?<![\p{L}])(?:что|котор\p{L}*)(?![\p{L}])/giu,
};

/**
 * The date of a relation whose trigger word is at `at`: the first date of the same clause, outside
 * quotation marks or inside them as the trigger is. A clause ends at a verb of saying (a date right
 * after the verb is when it was said, and stays with the clause before) and at a word opening a
 * clause of its own: "X, head of Y, noted that members may join in 2026" gives the position no
 * date, as "X, head of Y, which was founded in 1998" does not give it 1998.
 */
function clauseDate(sentence: string, lang: SourceLanguage, dates: TextDate[], at: number): TextDate | undefined {
  const starts: number[] = [];
  for (const verb of triggersIn(sentence, statements[lang])) {
    if (insideQuotes(sentence, verb.at)) continue;
    const saidOn = dates.find((date) => date.start >= verb.end && date.start - verb.end <= verbDateGap);
    starts.push(saidOn ? saidOn.end : verb.end);
  }
  for (const opener of sentence.matchAll(clauseOpeners[lang])) starts.push(opener.index);
  const clauseOf = (place: number) => starts.filter((start) => start <= place).length;
  const quoted = insideQuotes(sentence, at);
  return dates.find((date) => clauseOf(date.start) === clauseOf(at) && insideQuotes(sentence, date.start) === quoted);
}

/** A memorandum the text does not name, by its parties: "Memorandum between MSK-IX, RIPN and Qrator Labs". */
function memorandumName(parties: readonly Actor[]): string {
  const names = parties.map((party) => party.name);
  const last = names.pop();
  if (last === undefined) return 'Memorandum';
  return names.length === 0 ? `Memorandum of ${last}` : `Memorandum between ${names.join(', ')} and ${last}`;
}

/**
 * What makes two proposals the same, across ingestions of the same text: the claim's kind, type,
 * title and role, the words its ends are named by (not their slugs: a name proposed as a new entity
 * and accepted since is the same end), and the normalized words of its evidence, not the offsets (a
 * text re-sent with a new heading keeps its rejections).
 */
export function proposalFingerprint(
  text: string,
  proposal: Pick<Proposal, 'kind' | 'type' | 'properties' | 'span'> & { fromKey: string; toKey: string },
): string {
  const evidence = searchKey(text.slice(proposal.span.start, proposal.span.end));
  const parts = [
    proposal.kind,
    proposal.type,
    proposal.fromKey,
    proposal.toKey,
    proposal.properties.title ?? '',
    proposal.properties.role ?? '',
    evidence,
  ];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/** The actor nearest to a place, among those that pass `accept`, no farther than `reach` characters. */
function nearest(
  actors: Actor[],
  at: number,
  end: number,
  accept: (actor: Actor) => boolean,
  side: 'before' | 'after' | 'either',
  reach: number,
): Actor | undefined {
  let best: Actor | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const actor of actors) {
    if (!accept(actor)) continue;
    const before = actor.end <= at ? at - actor.end : undefined;
    const after = actor.start >= end ? actor.start - end : undefined;
    const distance =
      side === 'before'
        ? before
        : side === 'after'
          ? after
          : Math.min(before ?? Number.POSITIVE_INFINITY, after ?? Number.POSITIVE_INFINITY);
    if (distance === undefined || distance > reach || distance >= bestDistance) continue;
    best = actor;
    bestDistance = distance;
  }
  return best;
}

export interface ClaimContext {
  text: string;
  lang: SourceLanguage;
  sentences: Sentence[];
  /** Everything named, linked or proposed, in text order. */
  actors: Actor[];
  dates: TextDate[];
}

/**
 * Claims that a sentence states, found by trigger words and the named things around them: a
 * title next to a person and an organization, "signed … memorandum", "joined", "registry of",
 * "spoke at", "organized", "said". Each claim cites its sentence by offsets. A statement whose
 * speaker is a pronoun takes the person last named before it, and is then INFERRED, with the
 * basis saying so.
 */
export function proposeClaims(context: ClaimContext): Proposal[] {
  const proposals: Proposal[] = [];
  const seen = new Set<string>();
  let lastPerson: Actor | undefined;
  let lastOrganization: Actor | undefined;
  let lastMemorandum: End | undefined;
  // Memoranda the text does not name, made up from their parties: each is proposed as an entity
  // too, with the first relation to it, so that its relations can be accepted once it is.
  const unnamedMemoranda = new Set<End>();
  for (const sentence of context.sentences) {
    const text = context.text.slice(sentence.start, sentence.end);
    const local = context.actors
      .filter((actor) => actor.start >= sentence.start && actor.end <= sentence.end)
      .map((actor) => ({ ...actor, start: actor.start - sentence.start, end: actor.end - sentence.start }));
    // Offsets in the sentence, as the actors' are.
    const dates = context.dates
      .filter((date) => date.start >= sentence.start && date.end <= sentence.end)
      .map((date) => ({ ...date, start: date.start - sentence.start, end: date.end - sentence.start }));
    const span = { start: sentence.start, end: sentence.end };
    // A relation takes the date of its trigger's clause (clauseDate); a statement the date it was made (statementDate).
    const datedAt = (at: number) => dateProperties(clauseDate(text, context.lang, dates, at));
    const add = (
      proposal: Omit<Proposal, 'span' | 'evidence' | 'basis' | 'from' | 'to' | 'fingerprint'> & {
        from: End | null;
        to: End | null;
        evidence?: Evidence;
        basis?: string;
      },
      dated: Record<string, string>,
    ) => {
      const { from, to, ...claim } = proposal;
      const properties = { ...claim.properties, ...dated };
      const fingerprint = proposalFingerprint(context.text, {
        ...claim,
        properties,
        span,
        fromKey: from?.key ?? '',
        toKey: to?.key ?? '',
      });
      proposals.push({
        evidence: 'STATED',
        basis: null,
        ...claim,
        from: from?.ref ?? null,
        to: to?.ref ?? null,
        properties,
        span,
        fingerprint,
      });
    };
    const push = (
      proposal: Omit<Proposal, 'span' | 'evidence' | 'basis' | 'from' | 'to' | 'fingerprint'> & {
        from: End;
        to: End | null;
        evidence?: Evidence;
        basis?: string;
      },
      dated: Record<string, string>,
    ) => {
      const from = proposal.from.ref;
      const to = proposal.to?.ref ?? null;
      const key = [
        proposal.kind,
        proposal.type,
        refKey(from),
        refKey(to),
        proposal.properties.title ?? '',
        proposal.properties.role ?? '',
      ].join('|');
      if (seen.has(key) || refKey(from) === refKey(to)) return;
      seen.add(key);
      if (proposal.to && unnamedMemoranda.has(proposal.to)) {
        unnamedMemoranda.delete(proposal.to);
        add({ kind: 'entity', type: 'Memorandum', from: proposal.to, to: null, properties: {}, confidence: proposal.confidence }, dated);
      }
      add(proposal, dated);
    };
    const isPerson = (actor: Actor) => actor.type === 'Person';
    const isOrganization = (actor: Actor) => organizationTypes.has(actor.type);

    // Who the sentence says each person works for: the party they sign for, when they sign.
    const employer = new Map<string, Actor>();
    for (const trigger of triggersIn(text, titles[context.lang])) {
      const organization =
        nearest(local, trigger.at, trigger.end, isOrganization, 'after', 30) ??
        nearest(local, trigger.at, trigger.end, isOrganization, 'before', 4);
      // "директор РосНИИРОС Игорь Лебедев", "MSK-IX director Alexei Platonov": the person named
      // right after the organization holds the title, whoever comes before.
      const person =
        (organization && nearest(local, organization.start, organization.end, isPerson, 'after', 3)) ||
        nearest(local, trigger.at, trigger.end, isPerson, 'either', 60);
      if (person && organization) {
        if (!employer.has(refKey(person.ref))) employer.set(refKey(person.ref), organization);
        push(
          {
            kind: 'relation',
            type: 'HOLDS_POSITION',
            from: person,
            to: organization,
            properties: { title: trigger.value },
            confidence: 0.8,
          },
          datedAt(trigger.at),
        );
      }
    }

    const sign = signing[context.lang];
    if (sign.verb.test(text) && sign.object.test(text)) {
      sign.verb.lastIndex = 0;
      const memorandum = local.find((actor) => actor.type === 'Memorandum');
      // The parties are named around the verb; a long list sentence names others too.
      const verbAt = text.search(sign.verb);
      sign.verb.lastIndex = 0;
      const parties = local
        .filter(isOrganization)
        .filter((actor, index, all) => all.findIndex((other) => refKey(other.ref) === refKey(actor.ref)) === index)
        .filter((actor) => Math.min(Math.abs(actor.start - verbAt), Math.abs(actor.end - verbAt)) <= maxPartyDistance)
        .slice(0, maxParties);
      // "The document was signed by …" after a sentence on a memorandum: that memorandum.
      const earlier = !memorandum && lastMemorandum && documentWords[context.lang].test(text) && !memorandumWords[context.lang].test(text);
      let target: End | undefined = memorandum ?? (earlier ? lastMemorandum : undefined);
      if (!target) {
        // Named by its parties, as the graph names them; known by the words the text names them by.
        target = {
          ref: { name: memorandumName(parties), type: 'Memorandum' },
          key: `memorandum:${parties.map((party) => party.key).join('|')}`,
        };
        unnamedMemoranda.add(target);
      }
      const inferred = earlier ? { evidence: 'INFERRED' as const, basis: referredMemorandum } : {};
      const signedOn = datedAt(verbAt);
      lastMemorandum = target;
      // "The document was signed by …" names no party, but its signers sign the memorandum before.
      if (parties.length > 0 || memorandum || earlier) {
        for (const party of parties)
          push(
            {
              kind: 'relation',
              type: 'PARTY_TO',
              from: party,
              to: target,
              properties: {},
              confidence: memorandum ? 0.85 : 0.7,
              ...inferred,
            },
            signedOn,
          );
        for (const person of local.filter(isPerson)) {
          // The party a signatory signs for: the organization the sentence gives them a title at
          // (MSK-IX's director signs for MSK-IX, even where the Coordination Center is named
          // nearer to him), else the one named next to them.
          const party = employer.get(refKey(person.ref)) ?? nearest(local, person.start, person.end, isOrganization, 'either', 80);
          const onBehalfOf: Record<string, string> = party
            ? 'slug' in party.ref
              ? { onBehalfOf: party.ref.slug }
              : { onBehalfOfName: party.ref.name }
            : {};
          push(
            { kind: 'relation', type: 'SIGNED', from: person, to: target, properties: onBehalfOf, confidence: 0.7, ...inferred },
            signedOn,
          );
        }
      }
    }
    sign.verb.lastIndex = 0;

    for (const match of text.matchAll(membership[context.lang])) {
      // Organizations join bodies and associations (MEMBER_OF's rule); a person's membership is a position.
      // The sentence's subject: "X joined Y and remains a member of Z" is X's membership twice.
      const stated = local.find((actor) => isOrganization(actor) && actor.end <= match.index && match.index - actor.end <= 160);
      const body = nearest(local, match.index, match.index + match[0].length, isOrganization, 'after', 60);
      // "The company also joined …": the organization the text was about.
      const referred =
        !stated && lastOrganization && companyWords[context.lang].test(text.slice(0, match.index)) ? lastOrganization : undefined;
      const member = stated ?? referred;
      if (member && body) {
        push(
          {
            kind: 'relation',
            type: 'MEMBER_OF',
            from: member,
            to: body,
            properties: {},
            confidence: stated ? 0.75 : 0.55,
            ...(referred ? { evidence: 'INFERRED' as const, basis: referredOrganization } : {}),
          },
          datedAt(match.index),
        );
      }
    }

    for (const match of text.matchAll(management[context.lang])) {
      const at = match.index;
      const end = at + match[0].length;
      const manager = nearest(local, at, end, (actor) => actor.type === 'Organization', 'either', 80);
      if (!manager) continue;
      for (const tld of local.filter((actor) => actor.type === 'Tld')) {
        if (Math.min(Math.abs(tld.start - end), Math.abs(at - tld.end)) > 80) continue;
        push({ kind: 'relation', type: 'MANAGES', from: manager, to: tld, properties: {}, confidence: 0.75 }, datedAt(at));
      }
    }

    for (const trigger of triggersIn(text, participation[context.lang])) {
      const event = nearest(local, trigger.at, trigger.end, (actor) => actor.type === 'Event', 'either', 160);
      if (!event) continue;
      const people = local.filter((actor) => isPerson(actor) && actor.end <= trigger.at);
      const before =
        people.length > 0 ? people : local.filter((actor) => isOrganization(actor) && actor.end <= trigger.at && actor.end <= event.start);
      const participants =
        before.length > 0 ? before : local.filter((actor) => (isPerson(actor) || isOrganization(actor)) && actor.start >= trigger.end);
      for (const participant of participants) {
        push(
          {
            kind: 'relation',
            type: 'PARTICIPATED_IN',
            from: participant,
            to: event,
            properties: { role: trigger.value },
            confidence: 0.7,
          },
          datedAt(trigger.at),
        );
      }
    }

    for (const trigger of triggersIn(text, statements[context.lang])) {
      // The speaker is the sentence's subject, before the verb; after it only in "according to X",
      // "said X": a person named after "that" is what was said, not who said it.
      let speaker =
        nearest(local, trigger.at, trigger.end, isPerson, 'before', 120) ?? nearest(local, trigger.at, trigger.end, isPerson, 'after', 25);
      let evidence: Evidence = 'STATED';
      let basis: string | undefined;
      if (!speaker && pronouns[context.lang].test(text.trim()) && lastPerson) {
        speaker = lastPerson;
        evidence = 'INFERRED';
        basis = 'The sentence names its speaker by a pronoun; the speaker is read as the person named last before it.';
      }
      if (!speaker) continue;
      const about = local.find(
        (actor) => refKey(actor.ref) !== refKey(speaker.ref) && !isPerson(actor) && (actor.start >= trigger.end || actor.end <= trigger.at),
      );
      push(
        {
          kind: 'statement',
          type: 'Statement',
          from: speaker,
          to: about ?? null,
          properties: { verb: trigger.value },
          evidence,
          ...(basis ? { basis } : {}),
          confidence: evidence === 'STATED' ? 0.75 : 0.5,
        },
        dateProperties(statementDate(text, trigger, dates)),
      );
    }
    const people = context.actors.filter((actor) => actor.type === 'Person' && actor.start >= sentence.start && actor.end <= sentence.end);
    lastPerson = people[people.length - 1] ?? lastPerson;
    // The subject an organization's sentence is about comes first in it.
    lastOrganization = local.find((actor) => actor.type === 'Organization') ?? lastOrganization;
  }
  return proposals;
}

// Ranked full-text search (docs/search.md). Parameters, all built by searchParameters() in
// src/domain/text/search-query.ts from the text a person typed:
//   $all         Lucene query requiring every content word of the query, each as typed, as a
//                prefix or as a match key, in any field
//   $allTypos    the same with typos allowed (fuzzy clauses); '' when no word is long enough
//   $any         any word, typos allowed; '' for a query of one word
//   $exact       the query's normalized forms, and
//   $exactKeys   its match keys: an entity with a line of searchText or searchVariants equal
//                to one of them is exactly what was typed, and comes first (the forms' lines
//                end at U+2028, formSeparator in src/domain/text/search-forms.ts)
//   $words       the query's content words when there are several, else []: each {text, key,
//                forms, prefixes}, what a stored word may be or start with to hold it, and
//                leaderTitles, the whole titles that hold a word asking who leads, and
//                signing, saying, managing and membership, whether it asks who signed, what
//                was said, who runs a domain or who belongs, and types, the labels it names
//                ("domain"), and initialisms, which a position's title may write (CoveredWord)
//   $labels      entity labels to keep: every label but Conflict unless the request names types
//   $first       how many hits to return; $candidates  how many to take from the index per stage
//   $nearSlug    for a reference's candidates only: a fuzzy Lucene term of the slug it gave, else ''
// None is ever null, nor is $labels empty: Neo4j keys its plan cache by each parameter's type,
// and a null, or an empty list, is of another type than a string or a list of strings, so every
// combination of absent parameters would be planned again (over a second for this statement).
// The index is asked in stages, each only when the stages before found fewer than `ranked`
// entities ($first, at least 10): all words ($all), all words with typos ($allTypos), some words ($any).
// A page of fewer than 10 is then the start of the page of 10, ranked among the same hits:
// with `first: 1`, "acting director cybersecurity department" found the department alone in the
// first stage and never reached its acting director, whom the page of 10 puts first. A query
// whose words all match as typed costs one index lookup, and a fuzzy expansion of the terms is
// paid only when it is needed.
// A later stage leaves out what an earlier one found, so no entity is listed twice and no
// grouping is needed.
// A person is also found by a position: "Coordination Center director" names the title of one
// of Andrey Vorobyev's positions and the organization that holds it. For each person among the
// hits (when the query has several words), the position that holds most query words adds to the
// score, and a person whose own words and that position's hold them all counts as matching every
// word. The positions are read by a pattern comprehension inside CASE, so other hits cost nothing.
// A statement is found by its speaker the same way: "Babekina OEWG" names the speaker of a
// statement whose summary names the OEWG. Each SAID_BY speaker counts as a "position" holding the
// query words among the speaker's match keys, so the speaker's name adds to the score, and a
// statement whose summary and speaker hold every word counts as matching every word; a word
// asking what was said (a word's `saying`: "said", "spoke", "заявил") is held by every speaker:
// "what Vorobyev said about ICANN" is his statement whose heading names ICANN, not ICANN.
// A memorandum is found by its cast, its parties, signatories and the topics it covers together
// as one "position", when the query asks for a memorandum (its one type word) or who signed:
// "memorandum signed by Pavlyuchenko" names one of its signatories and asks who signed, which
// every signature holds (a word's `signing`); "memorandum with MSK-IX" names a party;
// "memorandum spam phishing botnets" three topics of the MSK-IX one. Neither is the RIPN memorandum,
// whose description holds "signed" and "MSK-IX" too. A query that asks for no memorandum is not
// one: "Platonov MSK-IX" is the person, "national registry for .ru and .рф" the registry, though
// memoranda have both as parties; nor is "article about Belarus memorandum", which names two types.
// An organization is found by the domains it runs when the query asks who runs one (a word's
// `managing`: "manages", "administrator", "управляет"): "who manages .su" is its registries, not
// the TLD first; "administrator of .moscow" is FAITID.
// A body or an association is found by its members when the query asks for members (a word's
// `membership`): "ISPCP members" is the constituency, not Qrator Labs' application whose name
// says "membership"; "members Verizon Comcast" too, whose own text names neither. The word
// asking is held by every body with a member, every registry with a domain; the other words
// by the members and domains among the hits (the index finds those that hold them).
// An event is found by its participants and the topics it discussed alike when the query names
// events alone ("event", "conference", "section"): "Diplomatic Academy conference Vorobyev" is
// the conference he took part in, whose own text does not name him; "conference digital
// colonialism" the one where it was discussed. Its cast holds those of its sections, sessions and
// round tables too ("RANS conference Babekina", who spoke in a section), but not those of a
// conference inside it: an edition's participants would make the series, whose shorter name
// scores higher, the answer to "RANS conference Malyanov". A word asking what was said is held by each
// participant who spoke there (a speaker, moderator, presenter, respondent or commentator): "who spoke at the
// RANS conference" is the 2021 conference, whose sections had speakers, not the series.
// A title's words and a holder's or speaker's match keys are compared with each word's forms and
// prefixes, as the coverage below compares a hit's own words: "директор Координационного центра"
// meets the title "Director" through the glossary's English and the Coordination Center's Russian
// alias through the stem, where the key as typed met neither. "head of the Coordination Center"
// meets the title "Director" whole (a word's leaderTitles), not a "Deputy Director".
// Order: an entity with a name, alias or form exactly the query; then entities that match every
// word as typed, then with typos, then some words, those that hold more of them first; each by
// score, then by slug. Lucene's scores do not say how many words a hit holds: a word in a name
// outweighs two in a description, so "Russian anti DDoS" put every entity with "Russian" in its
// name before Qrator Labs, whose description holds "Russian" and "DDoS". Of hits that hold the
// words alike, those of a type the query names by its word ($typeLabels: "memorandum", "MoU",
// "article", "news", "statement"; src/domain/text/search-forms.ts) come first: "memorandum" lists the
// memoranda before the article whose title and text name one. Within a tier statements and
// sources come after the other entities, unless the query names their type: they mention what
// they are about (a statement's heading and summary name Qrator Labs, the OEWG; an article's title
// says Qrator Labs became an ISPCP member), and a query whose words an entity holds as well as a
// statement or an article about it is looking for the entity ("Quator Labs" is the company, not
// what it announced; "члены ISPCP" the constituency, not the article).
CALL db.index.fulltext.queryNodes('entity_search_v2', $all, {limit: $candidates}) YIELD node, score
WHERE node.label IN $labels
WITH collect({node: node, score: score, tier: 3}) AS hits
// Apart from the collect: beside it, a grouping key would leave no row when the index finds none.
WITH hits, CASE WHEN $first < 10 THEN 10 ELSE $first END AS ranked
CALL (hits, ranked) {
  WITH hits, ranked WHERE $allTypos <> '' AND size(hits) < ranked
  CALL db.index.fulltext.queryNodes('entity_search_v2', $allTypos, {limit: $candidates}) YIELD node, score
  WHERE node.label IN $labels AND NOT node IN [hit IN hits | hit.node]
  RETURN collect({node: node, score: score, tier: 2}) AS typos
}
WITH hits + typos AS hits, ranked
CALL (hits, ranked) {
  WITH hits, ranked WHERE $any <> '' AND size(hits) < ranked
  CALL db.index.fulltext.queryNodes('entity_search_v2', $any, {limit: $candidates}) YIELD node, score
  WHERE node.label IN $labels AND NOT node IN [hit IN hits | hit.node]
  RETURN collect({node: node, score: score, tier: 1}) AS some
}
// For a reference that names nothing ($nearSlug, src/services/candidates.ts; '' for search): the
// slugs, current or former, at most two edits from it, a fuzzy term of the keyword index
// entity_slugs (cypher/schema/016-slug-near-misses). The stages above read a slug as words, each
// too short for a typo: "tld-rux" found every domain with "tld" and never "tld-ru". Such a hit
// ranks above theirs (tier 4) and replaces the same entity found by one of them; they do not
// count it, so a search without $nearSlug is as it was.
CALL () {
  WITH $nearSlug AS typed WHERE typed <> ''
  CALL db.index.fulltext.queryNodes('entity_slugs', typed, {limit: $candidates}) YIELD node, score
  WHERE node.label IN $labels
  RETURN collect({node: node, score: score, tier: 4}) AS near
}
WITH [hit IN hits WHERE NOT hit.node IN [other IN near | other.node]] + near AS hits,
     [hit IN some WHERE NOT hit.node IN [other IN near | other.node]] AS some
// What the hits signed, said or belong to, when the query asks it ("Platonov signed", "what
// Babekina said", "ISPCP members"): the memorandum Platonov signed holds neither word in its own
// text, so no stage finds it, and the ISPCP's members, whose descriptions hold both words, fill
// the first stage without it. Each comes once, with the best score of the hits that lead to it,
// and is ranked as every other hit: its cast, speaker or members (below) then hold the words. A
// one-word query asks none of it. A query for a memorandum (its one type word) asks for the
// memoranda of the hits too: those a hit is party to or signed, and those of a domain's registry
// ("memorandum .moscow" is the one FAITID, the .moscow registry, is party to; only the domain
// holds "moscow").
CALL (hits, some) {
  WITH hits + some AS found
  WHERE size($words) > 1 AND (any(word IN $words WHERE word.signing OR word.saying OR word.membership) OR $typeLabels = ['Memorandum'])
  WITH found, [hit IN found | hit.node] AS nodes
  UNWIND found AS hit
  WITH nodes, hit.node AS actor, hit.score AS score
  CALL (actor) {
    WITH actor WHERE actor:Person AND any(word IN $words WHERE word.signing)
    MATCH (actor)-[:SIGNED]->(work:Memorandum)
    RETURN work
    UNION
    WITH actor WHERE any(word IN $words WHERE word.saying)
    MATCH (actor)<-[:SAID_BY]-(work:Statement)
    RETURN work
    UNION
    WITH actor WHERE any(word IN $words WHERE word.membership)
    MATCH (actor)-[:MEMBER_OF]->(work:Entity)
    RETURN work
    UNION
    WITH actor WHERE $typeLabels = ['Memorandum'] AND NOT actor:Memorandum
    MATCH (actor)<-[:MANAGES*0..1]-(:Entity)-[:PARTY_TO|SIGNED]->(work:Memorandum)
    RETURN work
  }
  WITH nodes, work, score
  WHERE work.label IN $labels AND NOT work IN nodes
  WITH work, max(score) AS score
  // At most as many as an index stage takes: a person who signed 1,521 memoranda (the generated
  // graph of 100k entities) made every one of them a hit, each cast read below, 50,242 db hits.
  // Those that come first here are those the ranking would put first of equals (score, then slug).
  ORDER BY score DESC, work.id ASC
  LIMIT $candidates
  RETURN collect({node: work, score: score, tier: 1}) AS works
}
WITH hits + some + works AS found
// The words that the hits hold for the bodies they are members of and for the organizations that
// run them, when the query asks who belongs or who runs a domain ("members Verizon Comcast",
// "who manages .su"): read from the hits' side, whose MEMBER_OF and MANAGES are few, and not from
// each body's or registry's members and domains, which a hub has by the thousand (a body of 645
// members cost 11,168 db hits at 100k entities). A member or domain that holds a query word is
// one the index finds for it. A hit's words are read only when it is a member or a domain.
CALL (found) {
  WITH found WHERE size($words) > 1 AND any(word IN $words WHERE word.membership OR word.managing)
  UNWIND found AS hit
  WITH hit.node AS held
  CALL (held) {
    WITH held WHERE any(word IN $words WHERE word.membership)
    MATCH (held)-[:MEMBER_OF]->(whole:Entity)
    RETURN whole, true AS member
    UNION
    WITH held WHERE any(word IN $words WHERE word.managing)
    MATCH (held)<-[:MANAGES]-(whole:Entity)
    RETURN whole, false AS member
  }
  // A member's names; a domain's details too, where the field's words for a domain are ("who
  // runs the .su domain": the registry holds "domain" through .su, as .su does).
  RETURN collect({whole: whole, member: member,
                  parts: split(replace(coalesce(held.searchVariants, '') + CASE WHEN member THEN '' ELSE '\u2028' + coalesce(held.searchDetails, '') END,
                                       '\u2028', ' '), ' ')}) AS heldThrough
}
UNWIND found AS hit
WITH hit.node AS node, hit.score AS score, hit.tier AS tier, heldThrough
WITH node, score, tier,
     // The word count first: testing a hit's labels costs db hits, and a one-word query reads no positions.
     CASE WHEN size($words) < 2 THEN null
     WHEN node:Person THEN
       [(node)-[position:HOLDS_POSITION]->(holder:Entity) |
         [word IN $words WHERE toLower(trim(coalesce(position.title, ''))) IN word.leaderTitles
                            OR any(part IN split(toLower(coalesce(position.title, '')), ' ') WHERE part IN word.initialisms)
                            OR any(part IN split(toLower(coalesce(position.title, '')), ' ') + split(replace(coalesce(holder.searchVariants, ''), '\u2028', ' '), ' ')
                                   WHERE part IN word.forms OR any(prefix IN word.prefixes WHERE part STARTS WITH prefix))]]
     WHEN node:Memorandum AND ($typeLabels = ['Memorandum'] OR any(word IN $words WHERE word.signing)) THEN
       [cast IN [[(node)<-[signature:PARTY_TO|SIGNED]-(member:Entity) |
                   {signs: type(signature) = 'SIGNED',
                    parts: split(replace(coalesce(member.searchVariants, '') +
                                         reduce(run = '', domain IN [(member)-[:MANAGES]->(tld:Tld) | tld.searchVariants] | run + '\u2028' + coalesce(domain, '')),
                                         '\u2028', ' '), ' ')}] +
                 [(node)-[:COVERS]->(topic:Topic) | {signs: false, parts: split(replace(coalesce(topic.searchVariants, ''), '\u2028', ' '), ' ')}]]
        WHERE cast <> [] |
         [word IN $words WHERE any(member IN cast WHERE (word.signing AND member.signs)
                                   OR any(part IN member.parts WHERE part IN word.forms OR any(prefix IN word.prefixes WHERE part STARTS WITH prefix)))]]
     WHEN node:Event AND $typeLabels = ['Event'] THEN
       [cast IN [[(node)<-[:PART_OF*0..1]-(part:Event)<-[taking:PARTICIPATED_IN]-(member:Entity) WHERE part = node OR part.kind <> 'conference' |
                   {speaks: taking.role IN ['speaker', 'moderator', 'presenter', 'respondent', 'commentator'], parts: split(replace(coalesce(member.searchVariants, ''), '\u2028', ' '), ' ')}] +
                 [(node)-[:DISCUSSED]->(topic:Topic) | {speaks: false, parts: split(replace(coalesce(topic.searchVariants, ''), '\u2028', ' '), ' ')}]]
        WHERE cast <> [] |
         [word IN $words WHERE any(member IN cast WHERE (word.saying AND member.speaks)
                                   OR any(part IN member.parts WHERE part IN word.forms OR any(prefix IN word.prefixes WHERE part STARTS WITH prefix)))]]
     WHEN node:Organization AND any(word IN $words WHERE word.managing) THEN
       CASE WHEN EXISTS { (node)-[:MANAGES]->(:Entity) } THEN
         [[word IN $words WHERE word.managing OR any(domain IN heldThrough WHERE NOT domain.member AND domain.whole = node
                                   AND any(part IN domain.parts WHERE part IN word.forms OR any(prefix IN word.prefixes WHERE part STARTS WITH prefix)))]]
       ELSE [] END
     WHEN (node:Body OR node:Organization) AND any(word IN $words WHERE word.membership) THEN
       CASE WHEN EXISTS { (node)<-[:MEMBER_OF]-(:Entity) } THEN
         [[word IN $words WHERE word.membership OR any(member IN heldThrough WHERE member.member AND member.whole = node
                                   AND any(part IN member.parts WHERE part IN word.forms OR any(prefix IN word.prefixes WHERE part STARTS WITH prefix)))]]
       ELSE [] END
     WHEN node:Statement THEN
       [(node)-[:SAID_BY]->(speaker:Entity) |
         [word IN $words WHERE word.saying OR any(part IN split(replace(coalesce(speaker.searchVariants, ''), '\u2028', ' '), ' ')
                                   WHERE part IN word.forms OR any(prefix IN word.prefixes WHERE part STARTS WITH prefix))]]
     END AS positions
// How many query words the position (or speaker, or cast) that holds most of them holds. A
// person's, a memorandum's, an event's and a body's members' (not an organization's domains) are
// returned as `positionWords`, from which src/schema/search.ts tells whether the hit was found
// by a position, its cast or its members (SearchHit.matchedField POSITION, PARTY, MEMBER).
WITH node, score, tier, positions,
     reduce(most = 0, held IN coalesce(positions, []) | CASE WHEN size(held) > most THEN size(held) ELSE most END) AS most
WITH node, tier, positions, CASE WHEN most = 0 THEN null WHEN node:Person OR node:Memorandum OR node:Event THEN most
     WHEN (node:Body OR node:Organization) AND any(word IN $words WHERE word.membership)
          AND NOT (node:Organization AND any(word IN $words WHERE word.managing)) THEN most END AS positionWords,
     score + 5.0 * most AS score,
     CASE WHEN positions IS NULL OR positions = [] THEN [] ELSE
       split(replace(coalesce(node.searchVariants, '') + '\u2028' + coalesce(node.searchDetails, ''), '\u2028', ' '), ' ') END AS own
// Of two hits that match alike, the one whose name the query covers more is what was meant:
// "qrator" is the company "Qrator Labs" before the event "Qrator Labs application for ISPCP
// membership", whose longer name repeats the word. The share of the best-covered name's words
// that start with a query word raises the score by as much as that share (a name covered whole
// doubles it): by a quarter at most, "Кратор" still put the event and the announcement above the
// company, whose description, unlike theirs, does not repeat the name. A name is compared as
// written (searchText, with the words as typed) and by its match keys (the lines of
// searchVariants that hold several words, with the query's keys), so that "Кратор" covers
// "Qrator Labs" as "qrator" does; a one-word line of searchVariants may be a name written
// together ("kratorlab"), which any first word would start.
WITH node, tier, positions, positionWords, own, score,
     [line IN split(node.searchText, '\u2028') | {words: split(line, ' '), typed: split(coalesce(head($exact), ''), ' ')}] +
     [line IN split(coalesce(node.searchVariants, ''), '\u2028') WHERE line CONTAINS ' ' | {words: split(line, ' '), typed: split(coalesce(head($exactKeys), ''), ' ')}] AS names
WITH node, tier, positions, positionWords, own, score,
     [name IN names | size([word IN name.words WHERE any(typed IN name.typed WHERE typed <> '' AND word STARTS WITH typed)]) * 1.0 / size(name.words)] AS shares
WITH node, tier, positions, positionWords, own,
     score * (1.0 + reduce(best = 0.0, share IN shares | CASE WHEN share > best THEN share ELSE best END)) AS score
// A hit found by some words whose own words and one position hold every word matches every word;
// its own words hold a word by any form of it (its key among them): a memorandum's "memorandum"
// holds "memoranda".
WITH node, score, positions, positionWords,
     CASE WHEN tier < 3 AND any(held IN coalesce(positions, []) WHERE all(word IN $words WHERE word IN held OR any(form IN word.forms WHERE form IN own))) THEN 3 ELSE tier END AS tier,
     any(form IN split(node.searchText + '\u2028' + coalesce(node.searchVariants, ''), '\u2028') WHERE form IN $exact OR form IN $exactKeys) AS exact
// Of the hits that hold every word, those that hold them all in their names (a person: in their
// names and a position's title and holder) are what the query names: "acting director
// cybersecurity department" is the department's acting director, not the department, whose
// description says it has one. Hits that hold a word only in a description come after them.
// A word that names the hit's type is one of its names (word.types): "cn domain" names the domain
// .cn, which stores the word among its details, as much as the registry ".CN registry", whose
// alias holds "domain".
WITH node, score, positions, positionWords, tier, exact,
     CASE WHEN tier = 3 AND size($words) > 1 THEN
       split(replace(node.searchText + '\u2028' + coalesce(node.searchVariants, ''), '\u2028', ' '), ' ')
     END AS names
WITH node, score, positions, positionWords, tier, exact,
     names IS NULL OR any(held IN CASE WHEN positions IS NULL OR positions = [] THEN [[]] ELSE positions END WHERE
       all(word IN $words WHERE word IN held OR node.label IN word.types
         OR any(token IN names WHERE token IN word.forms OR any(prefix IN word.prefixes WHERE token STARTS WITH prefix)))) AS named
// A hit of the last stage (some words) is ranked by how many query words it holds: its stored
// words, split once here, against each word's forms and prefixes, or a position that holds it.
WITH node AS n, tier, exact, named, score, positions, positionWords,
     CASE WHEN tier = 1 AND size($words) > 1 THEN
       split(replace(node.searchText + '\u2028' + coalesce(node.searchVariants, '') + '\u2028' + coalesce(node.searchDetails, ''), '\u2028', ' '), ' ')
     END AS tokens
WITH n, tier, exact, named, score, positionWords,
     CASE WHEN tokens IS NULL THEN [word IN $words | word.text] ELSE
       [word IN $words WHERE
         any(token IN tokens WHERE token IN word.forms OR any(prefix IN word.prefixes WHERE token STARTS WITH prefix))
         OR any(held IN coalesce(positions, []) WHERE word IN held) | word.text]
     END AS covered
// Of hits that hold as many words, the one holding the rarer words is what was meant: "Belarus
// domain registry" is the registry of Belarus before China's, whose alias holds "domain
// registry" (both hold two words; fewer hits hold "Belarus"). A word's rarity is read among the
// hits themselves (one over how many hold it), so it costs no further index lookup. The order
// weighs the score by the square of the rarity held, as classic TF-IDF weighs a term by its idf
// twice: a much better score still wins ("memorandum … RIPN about .SU" is the memorandum, not
// RIPN, whose description holds the rarer ".su"). Hits that hold every word hold the same rarity.
WITH collect({n: n, tier: tier, exact: exact, named: named, score: score, covered: covered, positionWords: positionWords}) AS hits
WITH hits, [word IN $words | {text: word.text, holders: size([hit IN hits WHERE word.text IN hit.covered])}] AS words
UNWIND hits AS hit
WITH hit.n AS n, hit.tier AS tier, hit.exact AS exact, hit.named AS named, hit.score AS score, size(hit.covered) AS covered, hit.positionWords AS positionWords,
     reduce(rarity = 0.0, word IN words | rarity + CASE WHEN word.text IN hit.covered THEN 1.0 / word.holders ELSE 0.0 END) AS rarity
// {{rowRecord}} is each hit's whole record, or the values of the properties the request's
// selection reads of its hits, listed by name (src/db/record-view.ts).
// topicWords: of the words a memorandum's or an event's cast holds (positionWords), how many its
// topics hold alone (COVERS, DISCUSSED), for the hit to say it was found by a topic.
RETURN {{rowRecord}} AS props,
       score, exact OR tier >= 2 AS allWords, positionWords,
       CASE WHEN positionWords IS NOT NULL AND (n:Memorandum OR n:Event) THEN
         size([word IN $words WHERE any(topic IN [(n)-[:COVERS|DISCUSSED]->(topic:Topic) | split(replace(coalesce(topic.searchVariants, ''), '\u2028', ' '), ' ')]
                                      WHERE any(part IN topic WHERE part IN word.forms OR any(prefix IN word.prefixes WHERE part STARTS WITH prefix)))])
       END AS topicWords
ORDER BY exact DESC, tier DESC, named DESC, covered DESC, n.label IN $typeLabels DESC, (n.label IN ['Statement', 'Source'] AND NOT n.label IN $typeLabels) ASC, score * rarity * rarity DESC, score DESC, n.id ASC
LIMIT $first

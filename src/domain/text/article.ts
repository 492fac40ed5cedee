/** A type's name with its indefinite article, for messages: "an Event", "a Body", "an entity". */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

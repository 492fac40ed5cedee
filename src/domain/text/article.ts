/** A type's name with its indefinite article, for messages: "an Event", "a Body". */
export function withArticle(word: string): string {
  return `${/^[AEIOU]/.test(word) ? 'an' : 'a'} ${word}`;
}

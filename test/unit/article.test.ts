import { describe, expect, it } from 'vitest';
import { withArticle } from '../../src/domain/text/article.ts';

describe('withArticle', () => {
  it('gives a type name and the word "entity" the article their first sound takes', () => {
    expect(withArticle('Event')).toBe('an Event');
    expect(withArticle('Body')).toBe('a Body');
    // A reference that may name any entity: "is a Conflict, not a entity" read badly.
    expect(withArticle('entity')).toBe('an entity');
    expect(withArticle('Organization or Person')).toBe('an Organization or Person');
  });
});

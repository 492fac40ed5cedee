import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { figures } from '../../src/domain/ingest/quality.ts';
import { scoreArticleSet } from '../../src/domain/ingest/quality-set.ts';

// npm run ingest:quality's figures on the twelve test articles (docs/ingestion.md, "Quality"),
// each held at a floor just under what it is, above what one item fewer would give: the analysis
// is deterministic, so a change to the rules that loses one name or claim in either language
// fails here rather than going unnoticed, and one that gains lets the floor be raised.
type Figures = ReturnType<typeof figures>;
const metrics = [
  'linkingPrecision',
  'linkingRecall',
  'newEntityRecall',
  'newEntityPrecision',
  'relationPrecision',
  'relationRecall',
] as const satisfies readonly (keyof Figures)[];
const floors: Record<'en' | 'ru', Figures> = {
  en: {
    linkingPrecision: 0.98,
    linkingRecall: 0.96,
    newEntityRecall: 0.95,
    newEntityPrecision: 0.95,
    relationPrecision: 0.95,
    relationRecall: 0.95,
  },
  ru: {
    linkingPrecision: 0.98,
    linkingRecall: 0.94,
    newEntityRecall: 0.95,
    newEntityPrecision: 0.85,
    relationPrecision: 0.92,
    relationRecall: 0.95,
  },
};

describe('ingestion quality on the test articles', () => {
  it('keeps linking, new names and claims at their floors in English and Russian', async () => {
    const { byLanguage } = await scoreArticleSet(path.join('test', 'ingest', 'articles'), path.join('seed', 'data'));
    expect([...byLanguage.keys()]).toEqual(['en', 'ru']);
    for (const lang of ['en', 'ru'] as const) {
      const tally = byLanguage.get(lang);
      if (!tally) throw new Error(`no ${lang} articles`);
      const measured = figures(tally);
      for (const name of metrics) expect(measured[name], `${lang} ${name}`).toBeGreaterThanOrEqual(floors[lang][name]);
    }
  });
});

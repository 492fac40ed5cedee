import type { InlineSourceResult } from '../../services/curation/citations.ts';
import { builder } from '../builder.ts';
import { expectLabel } from '../entity.ts';
import { SourceRef } from '../refs.ts';
import { WriteOutcomeEnum } from './enums.ts';

export const InlineSourceOutcomeRef = builder.objectRef<InlineSourceResult>('InlineSourceOutcome').implement({
  description: 'What a write did to a source it was given in full (SourceCitationInput.source).',
  fields: (t) => ({
    outcome: t.field({
      type: WriteOutcomeEnum,
      description: 'Whether the source was created, updated or left as it was.',
      resolve: (r) => r.outcome,
    }),
    source: t.field({
      type: SourceRef,
      description: 'The source as stored after the write.',
      resolve: (r) => expectLabel(r.source, 'Source'),
    }),
  }),
});

export const operationDescription =
  'The id of this write in the change log (Change.operation): every change it made carries it. Nothing carries it when nothing changed.';

/**
 * What a mutation costs in the query-cost model: as much as a page of 100 entities, since it
 * holds a write transaction and its locks (see also the limit on mutations per request).
 */
export const writeCost = 100;

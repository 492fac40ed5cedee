import { useEffect, useMemo, useRef } from 'react';
import type { IngestMention } from '../api/ingest-shapes.ts';
import { entityStyle } from '../graph/entity-styles.ts';
import { type Piece, type Span, segmentText } from '../model/ingest-text.ts';

export interface SourceTextProps {
  text: string;
  mentions: readonly IngestMention[];
  /** The mention whose panel is open, by index. */
  selected: number | null;
  /** The sentence of the proposal hovered or selected, drawn marked. */
  marked: Span | null;
  onSelect(index: number): void;
}

function Pieces({ text, pieces }: { text: string; pieces: readonly Piece[] }) {
  return pieces.map((piece) =>
    piece.marked ? (
      <mark key={piece.start} className="proposal-span">
        {text.slice(piece.start, piece.end)}
      </mark>
    ) : (
      text.slice(piece.start, piece.end)
    ),
  );
}

const describe = (mention: IngestMention) =>
  mention.entity
    ? `linked to ${mention.entity.name} (${entityStyle(mention.entity.__typename).label})`
    : mention.candidates.length > 0
      ? `not linked: ${mention.candidates.length} candidates`
      : 'not linked: a new name';

/**
 * The stored text with its mentions as buttons (Tab reaches each, Enter opens it): linked ones
 * underlined solid, unlinked ones dashed and tinted, so the difference is not in colour alone.
 */
export function SourceText({ text, mentions, selected, marked, onSelect }: SourceTextProps) {
  const segments = useMemo(
    () =>
      segmentText(
        text.length,
        mentions.map((mention) => mention.span),
        marked,
      ),
    [text, mentions, marked],
  );
  const holder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (marked) holder.current?.querySelector('mark.proposal-span')?.scrollIntoView({ block: 'nearest' });
  }, [marked]);

  return (
    <div ref={holder} className="source-text" data-testid="source-text">
      {segments.map((segment) => {
        const mention = segment.mention === null ? undefined : mentions[segment.mention];
        if (segment.mention === null || !mention) return <Pieces key={segment.start} text={text} pieces={segment.pieces} />;
        const index = segment.mention;
        return (
          <button
            key={segment.start}
            type="button"
            className={mention.entity ? 'mention linked' : 'mention unlinked'}
            aria-pressed={selected === index}
            aria-label={`${mention.text}: ${describe(mention)}`}
            title={describe(mention)}
            data-start={mention.span.start}
            data-end={mention.span.end}
            data-entity={mention.entity?.slug ?? ''}
            onClick={() => onSelect(index)}
          >
            <Pieces text={text} pieces={segment.pieces} />
          </button>
        );
      })}
    </div>
  );
}

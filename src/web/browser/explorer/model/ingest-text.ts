/**
 * The stored text of an ingested source cut into what the page draws: plain stretches and
 * mentions (each one button), each cut again where the highlighted proposal's sentence starts
 * or ends. Offsets are UTF-16 code units, end exclusive, as the API gives them and as
 * String.prototype.slice takes them.
 */

export interface Span {
  start: number;
  end: number;
}

/** A stretch inside a segment: `marked` when it lies in the highlighted sentence. */
export interface Piece extends Span {
  marked: boolean;
}

/** Plain text (`mention` null) or the mention at that index of the list given. */
export interface Segment extends Span {
  mention: number | null;
  pieces: Piece[];
}

function piecesOf(start: number, end: number, marked: Span | null): Piece[] {
  if (!marked || marked.end <= start || marked.start >= end) return [{ start, end, marked: false }];
  const cuts = [start, Math.max(start, marked.start), Math.min(end, marked.end), end];
  const pieces: Piece[] = [];
  for (let index = 0; index < 3; index++) {
    const from = cuts[index] ?? start;
    const to = cuts[index + 1] ?? end;
    if (to > from) pieces.push({ start: from, end: to, marked: index === 1 });
  }
  return pieces;
}

/**
 * Segments covering [0, length) in order. A mention outside the text, empty, or overlapping an
 * earlier one (the linker never gives such, but a page must not draw text twice) stays plain.
 */
export function segmentText(length: number, mentions: readonly Span[], marked: Span | null): Segment[] {
  const order = mentions
    .map((span, index) => ({ span, index }))
    .filter(({ span }) => span.start >= 0 && span.end <= length && span.end > span.start)
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const segments: Segment[] = [];
  let at = 0;
  for (const { span, index } of order) {
    if (span.start < at) continue;
    if (span.start > at) segments.push({ start: at, end: span.start, mention: null, pieces: piecesOf(at, span.start, marked) });
    segments.push({ start: span.start, end: span.end, mention: index, pieces: piecesOf(span.start, span.end, marked) });
    at = span.end;
  }
  if (at < length) segments.push({ start: at, end: length, mention: null, pieces: piecesOf(at, length, marked) });
  return segments;
}

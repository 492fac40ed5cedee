import { useId } from 'react';

/**
 * How far every expanded neighbourhood reaches (1–3 hops). Disabled where it would change
 * nothing, a view of sources only (model/neighbourhood-depth.ts), with the reason beside it: the
 * API's `Source.supports` gives the records a source is cited for and takes no depth, so a
 * second hop would not widen the view, and the address would claim a depth the view lacks.
 */
export function DepthControl(props: { depth: number; applies: boolean; onChange(depth: number): void }) {
  const noteId = useId();
  return (
    <>
      <label className="depth">
        Neighbours within{' '}
        <select
          value={props.depth}
          disabled={!props.applies}
          aria-describedby={props.applies ? undefined : noteId}
          onChange={(event) => props.onChange(Number(event.target.value))}
          data-testid="depth"
        >
          <option value={1}>1 hop</option>
          <option value={2}>2 hops</option>
          <option value={3}>3 hops</option>
        </select>
      </label>
      {!props.applies && (
        <span id={noteId} className="depth-note" data-testid="depth-note">
          A source's neighbours are the records it is cited for, at any depth.
        </span>
      )}
    </>
  );
}

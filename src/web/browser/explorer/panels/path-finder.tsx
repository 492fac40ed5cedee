import { useId, useRef, useState } from 'react';
import type { EntitySummary } from '../api/shapes.ts';
import type { ExplorerApi } from '../explorer-api.ts';
import { EntitySearch } from './entity-search.tsx';

/** Why Find paths cannot run yet, in words: a disabled button alone left the reader guessing. */
function waitingFor(from: EntitySummary | null, to: EntitySummary | null): string | null {
  if (!from && !to) return 'Choose both ends from their lists of hits.';
  if (!from) return 'Choose where the path starts from its list of hits.';
  if (!to) return 'Choose where the path ends from its list of hits.';
  if (from.id === to.id) return 'The two ends are the same entity: choose another for one of them.';
  return null;
}

/** Two entities, then the API's shortest paths between them (at most pathHops.first, model/view.ts). */
export function PathFinder(props: {
  api: ExplorerApi;
  initial: { from: EntitySummary; to: EntitySummary } | null;
  onFind(from: EntitySummary, to: EntitySummary): Promise<void>;
}) {
  const [from, setFrom] = useState<EntitySummary | null>(props.initial?.from ?? null);
  const [to, setTo] = useState<EntitySummary | null>(props.initial?.to ?? null);
  const [busy, setBusy] = useState(false);
  // The hint is shown once the reader has started on the form, not to everyone who opens the page.
  const [started, setStarted] = useState(false);
  // Whether the last key in the "to" box was Enter: a hit picked so, with the start already
  // chosen, runs the search, as Enter in a form does (downshift keeps that Enter for the hit).
  const enterInTo = useRef(false);
  const hintId = useId();
  const waiting = waitingFor(from, to);
  const hint = started || from || to ? waiting : null;

  const find = (start: EntitySummary, end: EntitySummary) => {
    setBusy(true);
    props.onFind(start, end).finally(() => setBusy(false));
  };
  const chooseTo = (entity: EntitySummary) => {
    setTo(entity);
    if (enterInTo.current && from && from.id !== entity.id) find(from, entity);
  };

  return (
    <form
      className="path-finder"
      aria-label="Find paths between two entities"
      onInput={() => setStarted(true)}
      onSubmit={(event) => {
        event.preventDefault();
        if (from && to && !waiting) find(from, to);
      }}
    >
      <EntitySearch api={props.api} label="Path from" chosen={from} onChoose={setFrom} testId="path-from" />
      <div
        className="path-to"
        onKeyDownCapture={(event) => {
          enterInTo.current = event.key === 'Enter';
        }}
        onPointerDownCapture={() => {
          enterInTo.current = false;
        }}
      >
        <EntitySearch api={props.api} label="to" chosen={to} onChoose={chooseTo} testId="path-to" />
      </div>
      <button type="submit" disabled={waiting !== null || busy} aria-describedby={hint ? hintId : undefined} data-testid="find-paths">
        {busy ? 'Finding…' : 'Find paths'}
      </button>
      {hint && (
        <p id={hintId} className="path-hint muted" data-testid="path-hint">
          {hint}
        </p>
      )}
    </form>
  );
}

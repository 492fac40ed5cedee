import { useState } from 'react';
import type { EntitySummary } from '../api/shapes.ts';
import type { ExplorerApi } from '../explorer-api.ts';
import { EntitySearch } from './entity-search.tsx';

/** Two entities, then the API's shortest paths between them (at most pathHops.first, model/view.ts). */
export function PathFinder(props: {
  api: ExplorerApi;
  initial: { from: EntitySummary; to: EntitySummary } | null;
  onFind(from: EntitySummary, to: EntitySummary): Promise<void>;
}) {
  const [from, setFrom] = useState<EntitySummary | null>(props.initial?.from ?? null);
  const [to, setTo] = useState<EntitySummary | null>(props.initial?.to ?? null);
  const [busy, setBusy] = useState(false);
  const ready = from !== null && to !== null && from.id !== to.id;
  return (
    <form
      className="path-finder"
      aria-label="Find paths between two entities"
      onSubmit={(event) => {
        event.preventDefault();
        if (!from || !to) return;
        setBusy(true);
        props.onFind(from, to).finally(() => setBusy(false));
      }}
    >
      <EntitySearch api={props.api} label="Path from" chosen={from} onChoose={setFrom} testId="path-from" />
      <EntitySearch api={props.api} label="to" chosen={to} onChoose={setTo} testId="path-to" />
      <button type="submit" disabled={!ready || busy} data-testid="find-paths">
        {busy ? 'Finding…' : 'Find paths'}
      </button>
    </form>
  );
}

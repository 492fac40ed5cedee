import type { IngestMention } from '../api/ingest-shapes.ts';
import type { EntitySummary } from '../api/shapes.ts';
import type { ExplorerApi } from '../explorer-api.ts';
import { entityStyle } from '../graph/entity-styles.ts';
import { EntitySearch } from './entity-search.tsx';

export interface MentionPanelProps {
  api: ExplorerApi;
  mention: IngestMention;
  busy: boolean;
  onLink(entity: EntitySummary): void;
  onClose(): void;
}

const kind = (entity: EntitySummary) => entityStyle(entity.__typename).label;

/** One mention: what it is linked to, its candidates, and a search to link it to any other entity (linkMention). */
export function MentionPanel({ api, mention, busy, onLink, onClose }: MentionPanelProps) {
  const stored = mention.id !== null;
  return (
    <section className="panel mention-panel" aria-labelledby="mention-panel-title" data-testid="mention-panel">
      <h2 id="mention-panel-title">“{mention.text}”</h2>
      <p data-testid="mention-link">
        {mention.entity ? (
          <>
            Linked to <strong>{mention.entity.name}</strong> ({kind(mention.entity)}, <code>{mention.entity.slug}</code>).
          </>
        ) : (
          'Not linked to any entity.'
        )}
      </p>
      {!stored && <p className="muted">A dry run stores nothing: ingest it with “Store it for review” to link its names.</p>}
      {stored && mention.candidates.length > 0 && (
        <>
          <h3>Candidates</h3>
          <ul className="candidates">
            {mention.candidates.map((candidate) => (
              <li key={candidate.slug}>
                <button
                  type="button"
                  disabled={busy || !candidate.entity || candidate.slug === mention.entity?.slug}
                  onClick={() => candidate.entity && onLink(candidate.entity)}
                >
                  Link to {candidate.entity?.name ?? candidate.slug}
                </button>{' '}
                <span className="muted">
                  {candidate.entity ? kind(candidate.entity) : 'deleted'}, score {candidate.score.toFixed(2)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {stored && (
        <EntitySearch api={api} label="Link to another entity" placeholder="Search by name…" onChoose={onLink} testId="mention-search" />
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}

import type { Source } from '../api/shapes.ts';

/** Sources as a reader cites them: title (linked when it has an address), publisher, date. */
export function SourceList({ sources, label = 'Sources' }: { sources: readonly Source[]; label?: string }) {
  if (sources.length === 0) return <p className="muted">No source is cited.</p>;
  return (
    <ul className="source-list" aria-label={label}>
      {sources.map((source) => (
        <li key={source.id} className="source" data-source={source.slug}>
          {source.url ? (
            <a href={source.url} target="_blank" rel="noreferrer noopener">
              {source.title}
            </a>
          ) : (
            <span>{source.title}</span>
          )}
          {(source.publisher || source.date) && (
            <span className="muted"> — {[source.publisher, source.date].filter(Boolean).join(', ')}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

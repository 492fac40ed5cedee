import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from './api/client.ts';
import type { IngestMention, Proposal } from './api/ingest-shapes.ts';
import type { EntitySummary } from './api/shapes.ts';
import { storeApiKey, storedApiKey } from './api-key.ts';
import type { ExplorerApi } from './explorer-api.ts';
import { connectIngestApi, type IngestRequest, type ProposalEdits, type Review } from './ingest-api.ts';
import { errorMessage } from './model/error-message.ts';
import { ApiKeyForm } from './panels/api-key-form.tsx';
import { IngestForm } from './panels/ingest-form.tsx';
import { MentionPanel } from './panels/mention-panel.tsx';
import { endLabel, ProposalList } from './panels/proposal-list.tsx';
import { SourceText } from './panels/source-text.tsx';

/** The address of a stored source's review: `?ingest=<slug>` reopens it (with a key). */
export const reviewSearch = (source: string | null) => (source ? `?ingest=${encodeURIComponent(source)}` : '?ingest');

/** What the status line says of a review once it is shown. */
function summary(shown: Review): string {
  const linked = shown.mentions.filter((mention) => mention.entity).length;
  const pending = shown.proposals.filter((proposal) => proposal.status === 'PENDING').length;
  const decided = shown.alreadyDecided > 0 ? `; ${shown.alreadyDecided} decided before` : '';
  return `${shown.dryRun ? 'Dry run (nothing stored)' : `Stored as ${shown.source}`}: ${shown.mentions.length} names, ${linked} linked; ${pending} proposals pending${decided}.`;
}

export interface IngestPageProps {
  endpoint: string;
  /** For the entity search that links a mention. */
  explorer: ExplorerApi;
  /** The source named in the address, to reopen. */
  source: string | null;
}

/**
 * The explorer's ingestion page (docs/explorer.md): ingest an article, then review what was
 * found in its stored text: link the names, accept or reject the proposals.
 */
export function IngestPage({ endpoint, explorer, source }: IngestPageProps) {
  const [apiKey, setApiKey] = useState<string | null>(storedApiKey);
  const api = useMemo(() => connectIngestApi(endpoint, apiKey), [endpoint, apiKey]);
  const [review, setReview] = useState<Review | null>(null);
  const [selectedMention, setSelectedMention] = useState<number | null>(null);
  const [selectedProposal, setSelectedProposal] = useState<string | null>(null);
  const [hoveredProposal, setHoveredProposal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState(
    source ? `Enter an API key with the curate scope to reopen the review of ${source}.` : 'Paste or upload an article to ingest it.',
  );
  const [problem, setProblem] = useState<string | null>(null);

  const run = useCallback(
    async (what: string, work: () => Promise<string>) => {
      setBusy(true);
      setProblem(null);
      setStatus(`${what}…`);
      try {
        setStatus(await work());
      } catch (error) {
        if (error instanceof ApiError && error.refused) {
          setProblem(
            `Refused: ${errorMessage(error)} ${apiKey ? 'Forget this key and enter one with the curate scope.' : 'Enter an API key with the curate scope.'}`,
          );
          setStatus(`${what}: refused by the server.`);
        } else {
          setProblem(`${what} failed: ${errorMessage(error)}`);
          setStatus(`${what} failed.`);
        }
      } finally {
        setBusy(false);
      }
    },
    [apiKey],
  );

  const open = useCallback((next: Review) => {
    setReview(next);
    setSelectedMention(null);
    setSelectedProposal(null);
    setHoveredProposal(null);
    // Only a stored source can be reopened: after a dry run the address names none.
    window.history.replaceState(null, '', `${window.location.pathname}${reviewSearch(next.dryRun ? null : next.source)}`);
  }, []);

  // Reopen the source the address names, once there is a key to ask with.
  useEffect(() => {
    if (!source || !apiKey || review) return;
    void run(`Reopening ${source}`, async () => {
      const found = await api.review(source);
      if (!found) throw new Error(`no ingested source "${source}" is stored on this server`);
      open(found);
      return summary(found);
    });
  }, [api, apiKey, source, review, run, open]);

  const adoptKey = (key: string) =>
    run('Checking the key', async () => {
      await connectIngestApi(endpoint, key).checkKey();
      storeApiKey(key);
      setApiKey(key);
      return 'The key may curate: it is kept for this tab only.';
    });
  const forgetKey = () => {
    storeApiKey(null);
    setApiKey(null);
    setStatus('The key is forgotten.');
  };

  const ingest = (request: IngestRequest) =>
    run(request.dryRun ? 'Reading the article (dry run)' : 'Ingesting the article', async () => {
      const found = await api.ingest(request);
      open(found);
      return summary(found);
    });

  const replaceMention = (linked: IngestMention) =>
    setReview((current) => current && { ...current, mentions: current.mentions.map((m) => (m.id === linked.id ? linked : m)) });
  const replaceProposal = (decided: Proposal) =>
    setReview((current) => current && { ...current, proposals: current.proposals.map((p) => (p.id === decided.id ? decided : p)) });

  const link = (mention: IngestMention, entity: EntitySummary) =>
    run(`Linking “${mention.text}” to ${entity.name}`, async () => {
      if (!mention.id) throw new Error('a dry run stores no mention to link');
      const linked = await api.linkMention(mention.id, entity.slug);
      replaceMention(linked);
      return `Linked “${linked.text}” to ${linked.entity?.name ?? entity.name}.`;
    });
  const accept = (proposal: Proposal, edits: ProposalEdits) =>
    run(`Accepting ${proposal.type}`, async () => {
      const decided = await api.accept(proposal.id, edits);
      replaceProposal(decided);
      return `Accepted ${decided.type}: ${endLabel(decided.from)}${decided.to ? ` → ${endLabel(decided.to)}` : ''}.`;
    });
  const reject = (proposal: Proposal, reason: string | null) =>
    run(`Rejecting ${proposal.type}`, async () => {
      const decided = await api.reject(proposal.id, reason);
      replaceProposal(decided);
      return `Rejected ${decided.type}: ${endLabel(decided.from)}${decided.to ? ` → ${endLabel(decided.to)}` : ''}.`;
    });

  const markedId = hoveredProposal ?? selectedProposal;
  const marked = review?.proposals.find((proposal) => proposal.id === markedId)?.span ?? null;
  const mention = selectedMention === null ? undefined : review?.mentions[selectedMention];

  return (
    <div className="explorer ingest-page">
      <header className="top">
        <h1>
          <a href="/">govgraph</a> explorer: ingest an article
        </h1>
        <nav aria-label="Elsewhere">
          <a href="/explore">Explore the graph</a> <a href="/graphql">GraphiQL</a>
        </nav>
      </header>
      <div className="columns">
        <aside className="left" aria-label="Key and article">
          <ApiKeyForm hasKey={apiKey !== null} busy={busy} onUse={(key) => void adoptKey(key)} onForget={forgetKey} />
          <IngestForm busy={busy} onIngest={(request) => void ingest(request)} />
        </aside>
        <main className="centre ingest-centre">
          <div className="toolbar">
            <p className="status" role="status" aria-live="polite" data-testid="status">
              {status}
            </p>
          </div>
          {problem && (
            <p className="problem" role="alert" data-testid="problem">
              {problem}
            </p>
          )}
          {review ? (
            <section className="panel review" aria-labelledby="review-title">
              <h2 id="review-title">
                {review.dryRun ? 'Dry run' : 'Stored text'} <span className="muted">({review.lang})</span>
              </h2>
              {!review.dryRun && (
                <p className="muted">
                  Reopen this review later at <a href={reviewSearch(review.source)}>{reviewSearch(review.source)}</a> (with a key).
                </p>
              )}
              <p className="muted legend">
                <span className="mention linked">linked name</span> <span className="mention unlinked">unlinked name</span>{' '}
                <mark className="proposal-span">a proposal's sentence</mark>. Choose a name to link it.
              </p>
              <SourceText
                text={review.text}
                mentions={review.mentions}
                selected={selectedMention}
                marked={marked}
                onSelect={(index) => setSelectedMention(index === selectedMention ? null : index)}
              />
            </section>
          ) : (
            <p className="muted panel">The stored text of the article, with the names it mentions, appears here.</p>
          )}
        </main>
        <aside className="right" aria-label="Review">
          {mention && (
            <MentionPanel
              api={explorer}
              mention={mention}
              busy={busy}
              onLink={(entity) => void link(mention, entity)}
              onClose={() => setSelectedMention(null)}
            />
          )}
          {review && (
            <ProposalList
              proposals={review.proposals}
              decidable={!review.dryRun}
              busy={busy}
              selected={selectedProposal}
              onSelect={setSelectedProposal}
              onHover={setHoveredProposal}
              onAccept={(proposal, edits) => void accept(proposal, edits)}
              onReject={(proposal, reason) => void reject(proposal, reason)}
            />
          )}
        </aside>
      </div>
    </div>
  );
}

import { type FormEvent, useId, useState } from 'react';
import type { Proposal, ProposalEnd } from '../api/ingest-shapes.ts';
import type { ProposalEdits } from '../ingest-api.ts';

export interface ProposalListProps {
  proposals: readonly Proposal[];
  /** A dry run's proposals are shown but cannot be decided: nothing is stored. */
  decidable: boolean;
  busy: boolean;
  /** The proposal whose sentence is marked in the text. */
  selected: string | null;
  onSelect(id: string | null): void;
  onHover(id: string | null): void;
  onAccept(proposal: Proposal, edits: ProposalEdits): void;
  onReject(proposal: Proposal, reason: string | null): void;
}

export const endLabel = (end: ProposalEnd | null): string =>
  !end ? '—' : end.entity ? end.entity.name : end.name ? `${end.name} (new ${end.type ?? 'entity'})` : (end.slug ?? '—');

const percent = (confidence: number) => `${Math.round(confidence * 100)} %`;

const editFields = [
  ['from', 'From (slug of an entity)'],
  ['to', 'To (slug of an entity)'],
  ['title', 'Title'],
  ['role', 'Role'],
  ['date', 'Date (2021, 2021-05, 2021-05-17)'],
  ['name', 'Name (a new entity or statement)'],
  ['slug', 'Slug (a new entity or statement)'],
  ['summary', 'Summary, in our words (a statement)'],
] as const;
type EditField = (typeof editFields)[number][0];

function ProposalItem({
  proposal,
  decidable,
  busy,
  selected,
  onSelect,
  onHover,
  onAccept,
  onReject,
}: Omit<ProposalListProps, 'proposals' | 'selected'> & { proposal: Proposal; selected: boolean }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [edits, setEdits] = useState<Partial<Record<EditField, string>>>({});
  const [fields, setFields] = useState('');
  const [fieldsProblem, setFieldsProblem] = useState<string | null>(null);
  const pending = proposal.status === 'PENDING';
  const properties = Object.entries(proposal.properties).filter(([, value]) => typeof value === 'string' && value !== '');

  const acceptEdited = (event: FormEvent) => {
    event.preventDefault();
    let extra: Record<string, unknown> | undefined;
    if (fields.trim()) {
      try {
        const parsed: unknown = JSON.parse(fields);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
        extra = Object.fromEntries(Object.entries(parsed));
      } catch {
        setFieldsProblem('Other fields must be a JSON object, e.g. {"kind": "association"}.');
        return;
      }
    }
    setFieldsProblem(null);
    const given: ProposalEdits = {};
    for (const [field] of editFields) {
      const value = edits[field]?.trim();
      if (value) given[field] = value;
    }
    if (extra) given.fields = extra;
    onAccept(proposal, given);
  };

  const reject = (event: FormEvent) => {
    event.preventDefault();
    onReject(proposal, reason.trim() || null);
  };

  return (
    // Hovering marks the sentence; the "Show in text" button does the same from the keyboard.
    <li
      className={`proposal status-${proposal.status.toLowerCase()}${selected ? ' selected' : ''}`}
      data-testid="proposal"
      data-proposal={proposal.id}
      data-status={proposal.status}
      onMouseEnter={() => onHover(proposal.id)}
      onMouseLeave={() => onHover(null)}
    >
      <p className="proposal-head">
        <span className="proposal-kind">{proposal.kind.toLowerCase()}</span> <strong className="relation-type">{proposal.type}</strong>{' '}
        <span className={`proposal-status status-${proposal.status.toLowerCase()}`} data-testid="proposal-status">
          {proposal.status.toLowerCase()}
        </span>
      </p>
      <p className="proposal-ends" data-testid="proposal-ends">
        {endLabel(proposal.from)}
        {proposal.to && <> → {endLabel(proposal.to)}</>}
      </p>
      <dl className="facts">
        <div>
          <dt>Evidence</dt>
          <dd>
            {proposal.evidence}
            {proposal.basis && <> ({proposal.basis})</>}
          </dd>
        </div>
        <div>
          <dt>Confidence</dt>
          <dd>{percent(proposal.confidence)}</dd>
        </div>
        {properties.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{String(value)}</dd>
          </div>
        ))}
        {proposal.acceptedAs && (
          <div>
            <dt>Accepted as</dt>
            <dd>
              <code>{proposal.acceptedAs}</code>
            </dd>
          </div>
        )}
        {proposal.reason && (
          <div>
            <dt>Reason</dt>
            <dd>{proposal.reason}</dd>
          </div>
        )}
      </dl>
      <div className="actions">
        <button type="button" aria-pressed={selected} onClick={() => onSelect(selected ? null : proposal.id)}>
          Show in text
        </button>
        {pending && decidable && (
          <button type="button" disabled={busy} onClick={() => onAccept(proposal, {})} data-testid="accept">
            Accept
          </button>
        )}
      </div>
      {pending && decidable && (
        <>
          <form method="post" className="reject" onSubmit={reject}>
            <label htmlFor={`${id}-reason`}>Reason (optional)</label>
            <input id={`${id}-reason`} type="text" value={reason} onChange={(event) => setReason(event.target.value)} />
            <button type="submit" disabled={busy} data-testid="reject">
              Reject
            </button>
          </form>
          <details>
            <summary>Accept with edits</summary>
            <form method="post" className="edits" onSubmit={acceptEdited}>
              {editFields.map(([field, label]) => (
                <div key={field}>
                  <label htmlFor={`${id}-${field}`}>{label}</label>
                  <input
                    id={`${id}-${field}`}
                    type="text"
                    value={edits[field] ?? ''}
                    onChange={(event) => setEdits({ ...edits, [field]: event.target.value })}
                  />
                </div>
              ))}
              <label htmlFor={`${id}-fields`}>Other fields of a new entity (JSON)</label>
              <input
                id={`${id}-fields`}
                type="text"
                value={fields}
                placeholder='{"kind": "association"}'
                onChange={(event) => setFields(event.target.value)}
              />
              {fieldsProblem && (
                <p className="problem" role="alert">
                  {fieldsProblem}
                </p>
              )}
              <button type="submit" disabled={busy}>
                Accept with these edits
              </button>
            </form>
          </details>
        </>
      )}
    </li>
  );
}

/** The proposals beside the text, in text order; each decided inline (acceptProposal, rejectProposal). */
export function ProposalList(props: ProposalListProps) {
  const pending = props.proposals.filter((proposal) => proposal.status === 'PENDING').length;
  return (
    <section className="panel proposal-list" aria-labelledby="proposal-list-title" data-testid="proposal-list">
      <h2 id="proposal-list-title">
        Proposals ({pending} pending of {props.proposals.length})
      </h2>
      {props.proposals.length === 0 ? (
        <p className="muted">Nothing to decide: no claim or new name was found, or all were decided before.</p>
      ) : (
        <ul className="proposals">
          {props.proposals.map((proposal) => (
            <ProposalItem key={proposal.id} {...props} proposal={proposal} selected={props.selected === proposal.id} />
          ))}
        </ul>
      )}
    </section>
  );
}

import { type FormEvent, useId, useState } from 'react';

export interface ApiKeyFormProps {
  /** Whether a key is in use for this tab. */
  hasKey: boolean;
  busy: boolean;
  onUse(key: string): void;
  onForget(): void;
}

/**
 * Where the curator gives the API key the ingestion page sends. A POST form, so that even a
 * submission without the script would not put the key in the address.
 */
export function ApiKeyForm({ hasKey, busy, onUse, onForget }: ApiKeyFormProps) {
  const [key, setKey] = useState('');
  const hintId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const given = key.trim();
    if (!given) return;
    onUse(given);
    setKey('');
  };
  return (
    <section className="panel api-key" aria-labelledby="api-key-title" data-testid="api-key">
      <h2 id="api-key-title">API key</h2>
      {hasKey ? (
        <>
          <p>A key is in use. This tab keeps it in its session storage only: closing the tab forgets it.</p>
          <button type="button" onClick={onForget}>
            Forget the key
          </button>
        </>
      ) : (
        <form method="post" onSubmit={submit}>
          <label htmlFor="api-key-input">Key with the curate scope</label>
          <input
            id="api-key-input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={key}
            onChange={(event) => setKey(event.target.value)}
            aria-describedby={hintId}
          />
          <p id={hintId} className="muted">
            Ingesting, linking and deciding need one (ggk_…); an administrator makes it with npm run key:new.
          </p>
          <button type="submit" disabled={busy || !key.trim()}>
            Use this key
          </button>
        </form>
      )}
    </section>
  );
}

/**
 * What a link asked that the view does not apply (model/permalink.ts, restore.ts): a depth out
 * of range, a mode or a pin's place that cannot be read, a path with one end… One quiet notice
 * lists them, with why, above a view restored without them: the reader sees that the link was
 * not taken as written, and what to correct in it. A link that could not be restored at all is
 * an alert (app.tsx); this is not a failure, so it is polite and can be dismissed.
 */
export function LinkNotice({ notes, onDismiss }: { notes: readonly string[]; onDismiss(): void }) {
  // The live region is always in the page, so a screen reader hears it fill once the link is read.
  return (
    <div className="link-notice" role="status" data-testid="link-notice">
      {notes.length > 0 && (
        <>
          <p>Part of the link was not applied; the rest of the view is as it asks:</p>
          <ul>
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
          <button type="button" className="link-button" onClick={onDismiss}>
            Dismiss
          </button>
        </>
      )}
    </div>
  );
}

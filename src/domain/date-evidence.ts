/**
 * The evidence kinds behind a dated record's date (`date`, else `startDate`): what the timeline's
 * `evidence` filter reads (stored as `dateEvidence`). The date's own provenance entries, or the
 * claim that gives the stored value, when it has any (the RANS conference's startDate is INFERRED
 * though the record is STATED); else the kinds of the record's citations. Null for an undated
 * record. One rule for a record as it is loaded and as a deleted source leaves it.
 */
export function dateEvidenceOf(
  dated: { date?: string | null | undefined; startDate?: string | null | undefined },
  provenance: readonly { field?: unknown; evidence?: unknown }[],
  claims: readonly { field?: unknown; value?: unknown; evidence?: unknown }[],
  citationEvidence: readonly string[],
): string[] | null {
  const field = typeof dated.date === 'string' ? 'date' : typeof dated.startDate === 'string' ? 'startDate' : null;
  if (field === null) return null;
  const value = dated[field];
  const own = [
    ...provenance.filter((entry) => entry.field === field).map((entry) => entry.evidence),
    ...claims.filter((claim) => claim.field === field && claim.value === value).map((claim) => claim.evidence),
  ].filter((kind): kind is string => typeof kind === 'string');
  return own.length > 0 ? own : [...citationEvidence];
}

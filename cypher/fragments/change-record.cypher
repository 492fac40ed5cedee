// A :Change record as src/db/repositories/changes.ts parses it; atText is the stored time in full
// (nanoseconds), which a cursor repeats to continue exactly.
{{var}} {.id, .by, .operation, .action, .kind, .entityId, .label, .type, .from, .to, .key, .fields,
          at: {{var}}.at, atText: toString({{var}}.at)}

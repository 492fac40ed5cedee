/**
 * What the canvas writes under each entity: its whole name, wrapped, when it fits in a few
 * lines; else its beginning and its end around an ellipsis, and more of it where two entities
 * would still read alike. Cut at a width, names with a common beginning read the same
 * ("Memorandum of Coop…" twice) and a lone source lost most of its title.
 */

export interface LabelRules {
  /** The width of a line, in the units of `measure`. */
  lineWidth: number;
  /** The lines a label may have before it is shortened. */
  maxLines: number;
  measure(text: string): number;
}

const ellipsis = '…';

/** Words into lines no wider than the line width (a word wider than that gets a line of its own, cut). */
function wrapWords(text: string, rules: Pick<LabelRules, 'lineWidth' | 'measure'>): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    const longer = line === '' ? word : `${line} ${word}`;
    if (line !== '' && rules.measure(longer) > rules.lineWidth) {
      lines.push(line);
      line = word;
    } else line = longer;
  }
  if (line !== '') lines.push(line);
  return lines.map((wrapped) => fitLine(wrapped, rules));
}

/** A line cut at the width from its end, for a single word wider than a line (a long slug). */
function fitLine(line: string, rules: Pick<LabelRules, 'lineWidth' | 'measure'>): string {
  if (rules.measure(line) <= rules.lineWidth) return line;
  let cut = line;
  while (cut.length > 1 && rules.measure(`${cut}${ellipsis}`) > rules.lineWidth) cut = cut.slice(0, -1);
  return `${cut}${ellipsis}`;
}

/**
 * `lines` (a wrapped name) in `count` lines: all but the last as they are, then an ellipsis and
 * as many of the name's last words as fit, where names that begin alike differ.
 */
function shortened(lines: readonly string[], count: number, rules: LabelRules): string[] {
  if (lines.length <= count) return [...lines];
  const head = lines.slice(0, Math.max(count - 1, 0));
  const rest = lines.slice(head.length).join(' ').split(' ');
  let tail = rest.at(-1) ?? '';
  for (let index = rest.length - 2; index >= 0; index--) {
    const longer = `${rest[index]} ${tail}`;
    if (rules.measure(`${ellipsis} ${longer}`) > rules.lineWidth) break;
    tail = longer;
  }
  return [...head, fitLine(`${ellipsis} ${tail}`, rules)];
}

/**
 * The label of every entity, by id: whole within `maxLines` lines; shortened beyond; and where two
 * different names still give one label, both get a line more, until they differ or are whole.
 */
export function nodeLabels(entities: readonly { id: string; name: string }[], rules: LabelRules): Map<string, string> {
  const wrapped = new Map(entities.map((entity) => [entity.id, wrapWords(entity.name, rules)]));
  const allowed = new Map(entities.map((entity) => [entity.id, rules.maxLines]));
  const labelOf = (id: string) => shortened(wrapped.get(id) ?? [], allowed.get(id) ?? rules.maxLines, rules).join('\n');
  for (;;) {
    const byLabel = new Map<string, { id: string; name: string }[]>();
    for (const entity of entities) {
      const label = labelOf(entity.id);
      byLabel.set(label, [...(byLabel.get(label) ?? []), entity]);
    }
    let grown = false;
    for (const same of byLabel.values()) {
      if (new Set(same.map((entity) => entity.name)).size < 2) continue;
      for (const { id } of same) {
        const lines = allowed.get(id) ?? rules.maxLines;
        if (lines < (wrapped.get(id)?.length ?? 0)) {
          allowed.set(id, lines + 1);
          grown = true;
        }
      }
    }
    if (!grown) return new Map(entities.map((entity) => [entity.id, labelOf(entity.id)]));
  }
}

/**
 * How many lines a label may have: any name in full in a view of a few entities (a path, a lone
 * source); three elsewhere, where taller labels pushed the layout into overlapping them.
 */
export function linesFor(entitiesInView: number): number {
  return entitiesInView <= 6 ? 8 : 3;
}

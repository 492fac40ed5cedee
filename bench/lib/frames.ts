/**
 * How the profilers (cpu-profile.ts, allocation-profile.ts) name and tabulate V8's call frames:
 * by package, by file of this project, or by kind of native frame, and per function.
 */

const projectRoot = new URL('../..', import.meta.url).href;

/** The package a frame's file belongs to, the project file, or the kind of native frame. */
export function groupOf(url: string, functionName: string): string {
  const inModules = url.split('/node_modules/');
  if (inModules.length > 1) {
    const parts = (inModules.at(-1) ?? '').split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url);
  }
  if (url.startsWith(projectRoot)) return url.slice(projectRoot.length);
  if (url.startsWith('node:')) return 'node internals';
  return url === '' ? `(${functionName.replace(/^\(|\)$/g, '') || 'native'})` : url;
}

/** A frame's function, with its group and line (1-based). */
export function functionOf(frame: { functionName: string; url: string; lineNumber: number }): string {
  return `${frame.functionName || '(anonymous)'} ${groupOf(frame.url, frame.functionName)}:${frame.lineNumber + 1}`;
}

/** Adds `amount` to `key`'s total. */
export function addTo(into: Map<string, number>, key: string, amount: number): void {
  into.set(key, (into.get(key) ?? 0) + amount);
}

/**
 * A markdown table of per-request amounts, one column per system, its rows the `top` keys of the
 * first system's map, largest first.
 */
export function perRequestTable(
  title: string,
  columns: { system: string; amounts: Map<string, number> }[],
  unit: string,
  top: number,
  digits: number,
): string[] {
  const first = columns[0];
  if (!first) return [];
  const keys = [...new Set(columns.flatMap((column) => [...column.amounts.keys()]))]
    .sort((a, b) => (first.amounts.get(b) ?? 0) - (first.amounts.get(a) ?? 0))
    .slice(0, top);
  return [
    `### ${title}`,
    '',
    `| ${columns.map((column) => `${column.system} ${unit}`).join(' | ')} | |`,
    `|${columns.map(() => '---:|').join('')}---|`,
    ...keys.map((key) => `| ${columns.map((column) => (column.amounts.get(key) ?? 0).toFixed(digits)).join(' | ')} | \`${key}\` |`),
    '',
  ];
}

/**
 * A progress bar on stderr for large loads: redrawn in place on a terminal, one line per
 * tenth otherwise (CI logs). Small loads show nothing.
 */
export function progressBar(label: string, minimumTotal = 20000): (done: number, total: number) => void {
  let lastTenth = -1;
  const interactive = process.stderr.isTTY === true;
  return (done, total) => {
    if (total < minimumTotal) return;
    const fraction = total === 0 ? 1 : done / total;
    const width = 30;
    const filled = Math.round(fraction * width);
    const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(fraction * 100)}% ${done}/${total}`;
    if (interactive) {
      process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
    } else if (Math.floor(fraction * 10) > lastTenth) {
      lastTenth = Math.floor(fraction * 10);
      process.stderr.write(`${line}\n`);
    }
  };
}

import { supportMark, type ValueSupport } from '../model/evidence.ts';

/** Beside a value that is not simply stated: how it is known ("inferred: <basis>", "outside knowledge…"). */
export function EvidenceMark({ supports }: { supports: readonly ValueSupport[] }) {
  if (supports.length === 0) return null;
  return <span className="evidence-mark"> ({supports.map(supportMark).join('; ')})</span>;
}

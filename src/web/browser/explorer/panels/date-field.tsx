import { useEffect, useId, useState } from 'react';
import { isPartialDate } from '../model/partial-dates.ts';

/** What the field says of something it cannot read as a date. */
const notADate = (value: string) =>
  `“${value}” is not a date, so it is not applied: write a year, a month or a day (YYYY, YYYY-MM or YYYY-MM-DD).`;

/**
 * A bound of the date filter: a year, a month or a day. A date is applied as it is typed once it
 * is one; leaving the field with something else drops the bound and says what is accepted, where
 * a screen reader reads it too (aria-invalid, aria-describedby, a live region).
 * A bound from a link is checked alike: one that is not a date is flagged from the start.
 */
export function DateField(props: {
  label: string;
  placeholder: string;
  initial: string | undefined;
  /** The bound to apply: a partial date, or undefined for none. */
  onChange(value: string | undefined): void;
}) {
  const id = useId();
  const problemId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  // The bound a restored link brings arrives after the field is drawn (as its defaultValue, shown
  // while the field is untouched): checked then, as a typed one is.
  useEffect(() => {
    if (props.initial !== undefined && !isPartialDate(props.initial)) setProblem(notADate(props.initial));
  }, [props.initial]);
  const read = (text: string, leaving: boolean) => {
    const value = text.trim();
    if (value === '' || isPartialDate(value)) {
      setProblem(null);
      props.onChange(value === '' ? undefined : value);
    } else if (leaving) {
      setProblem(notADate(value));
      props.onChange(undefined);
    }
  };
  return (
    <>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        placeholder={props.placeholder}
        defaultValue={props.initial ?? ''}
        aria-invalid={problem !== null}
        aria-describedby={problem ? problemId : undefined}
        onChange={(event) => read(event.target.value, false)}
        onBlur={(event) => read(event.target.value, true)}
      />
      <p id={problemId} className="field-problem" aria-live="polite">
        {problem}
      </p>
    </>
  );
}

import { useEffect, useState } from 'react';
import { errorMessage } from '../model/error-message.ts';

/** What a panel asked the API, once per `key`: the answer, or why there is none. */
export interface Answer<T> {
  value: T | null;
  problem: string | null;
}

/**
 * Asks `load` again whenever `key` changes, and forgets what came for an earlier key: a panel
 * that moved on to another entity never shows the last one's answer, nor its failure.
 */
export function useAnswer<T>(load: () => Promise<T>, key: string): Answer<T> {
  const [answer, setAnswer] = useState<Answer<T> & { key: string | null }>({ value: null, problem: null, key: null });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is a new closure every render; `key` says when it asks something new.
  useEffect(() => {
    let current = true;
    load()
      .then((value) => current && setAnswer({ value, problem: null, key }))
      .catch((error: unknown) => current && setAnswer({ value: null, problem: errorMessage(error), key }));
    return () => {
      current = false;
    };
  }, [key]);
  return answer.key === key ? answer : { value: null, problem: null };
}

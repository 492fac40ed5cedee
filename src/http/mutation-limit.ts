import { type FragmentDefinitionNode, Kind, type SelectionSetNode, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { QueryTooComplexError } from '../domain/errors.ts';

/**
 * The most mutation fields one request may hold. Each one is a write transaction holding locks;
 * graphql runs them one after another, so thirty aliased copies would keep one request (and
 * the entities it locks) busy thirty times as long, and the cost model cannot tell a cheap write
 * from a costly cascade. Ten covers a curator's batch; larger ones belong to `npm run seed`.
 */
export const maxMutationsPerRequest = 10;

/** Root fields of a selection, through inline fragments and fragment spreads (each spread counted where it is used). */
function countRootFields(
  selectionSet: SelectionSetNode,
  fragments: (name: string) => FragmentDefinitionNode | null | undefined,
  seen: ReadonlySet<string>,
): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith('__')) count += 1;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countRootFields(selection.selectionSet, fragments, seen);
    } else {
      const name = selection.name.value;
      const fragment = fragments(name);
      // A fragment cycle is reported by graphql's own rules; it must not loop here.
      if (fragment && !seen.has(name)) count += countRootFields(fragment.selectionSet, fragments, new Set([...seen, name]));
    }
  }
  return count;
}

function mutationLimit(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      if (node.operation !== 'mutation') return;
      const count = countRootFields(node.selectionSet, (name) => context.getFragment(name), new Set());
      if (count > max) {
        context.reportError(
          new QueryTooComplexError(
            `Too many mutations: this request holds ${count} mutation fields, over the limit of ${max} per request. ` +
              'Send the rest in further requests.',
            { mutations: count, limit: max },
          ),
        );
      }
    },
  });
}

/** Refuses, before anything runs, a mutation operation with more than `max` fields at its root. */
export function useMutationLimit(max: number = maxMutationsPerRequest): Plugin {
  const rule = mutationLimit(max);
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}

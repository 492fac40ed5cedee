import { type ASTNode, BREAK, type DocumentNode, GraphQLError, Kind, type ValueNode, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Where a literal is in the arguments it belongs to: "input.sources[0].slug" for a value written
 * in `upsertMemorandum(input: {sources: [{slug: …}]})`. Undefined when it is in no argument.
 */
export function literalPath(document: DocumentNode, target: ASTNode): string | undefined {
  let found: string | undefined;
  visit(document, {
    Argument(argument) {
      found = pathWithin(argument.value, target, argument.name.value);
      return found === undefined ? undefined : BREAK;
    },
  });
  return found;
}

function pathWithin(value: ValueNode, target: ASTNode, at: string): string | undefined {
  if (value === target) return at;
  if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) {
      const found = pathWithin(field.value, target, `${at}.${field.name.value}`);
      if (found !== undefined) return found;
    }
  }
  if (value.kind === Kind.LIST) {
    for (const [index, item] of value.values.entries()) {
      const found = pathWithin(item, target, `${at}[${index}]`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * A value written in the document that its type refuses ("2021-02-30" as a PartialDate, a blank
 * NonEmptyString, a kind outside its list) is refused at validation, with the line and column of
 * the value. A variable's refusal names its path too (`extensions.field`, src/http/query-limits.ts),
 * and a write's input checks name theirs: so does this one, in `extensions.field` and at the
 * start of the message, as the input checks write it ("input.name: must not be empty …").
 */
export function useLiteralInputPaths(): Plugin {
  return {
    onValidate({ params }) {
      return ({ result, setResult }) => {
        if (!result.some(needsPath)) return;
        setResult(
          result.map((error) => {
            if (!needsPath(error)) return error;
            const node = error.nodes?.[0];
            const path = node ? literalPath(params.documentAST, node) : undefined;
            if (path === undefined) return error;
            return new GraphQLError(`${path}: ${error.message}`, {
              nodes: error.nodes,
              extensions: { ...error.extensions, field: path },
            });
          }),
        );
      };
    },
  };
}

const needsPath = (error: Error): error is GraphQLError =>
  error instanceof GraphQLError &&
  error.extensions.code === 'BAD_USER_INPUT' &&
  error.extensions.field === undefined &&
  error.nodes?.length === 1;

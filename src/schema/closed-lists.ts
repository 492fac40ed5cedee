import { GraphQLEnumType, GraphQLError, type GraphQLSchema, Kind, type ValueNode } from 'graphql';
import { GovgraphError } from '../domain/errors.ts';

/**
 * The closed lists of the data (an organization's kind, a TLD's type, a relation's role) are
 * enums, in filters and in writes alike. graphql refuses a value outside the list with "Value
 * "X" does not exist in "BodyKind" enum" and no code, and hides any hint while suggestions are
 * off. A value of such a list is the client's data, not the schema's vocabulary, so the answer
 * says which values there are: BAD_USER_INPUT with extensions.allowed, the enum's values in order.
 * Enums mark themselves as closed lists with extensions.closedList (see curation/enums.ts).
 */
export function withClosedListErrors(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLEnumType) || type.extensions.closedList !== true) continue;
    const allowed = type.getValues().map((value) => value.name);
    const parseLiteral = type.parseLiteral.bind(type);
    const parseValue = type.parseValue.bind(type);
    const refusal = (given: unknown, node?: ValueNode) => {
      const text = typeof given === 'string' ? given.slice(0, 60) : null;
      // "regional-association" as stored, "Regional association" as read: the value meant is plain.
      const meant =
        text === null
          ? undefined
          : allowed.find(
              (name) =>
                name ===
                text
                  .trim()
                  .toUpperCase()
                  .replace(/[\s-]+/g, '_'),
            );
      const hint = meant ? (node?.kind === Kind.STRING && meant === text ? ` Write it without quotes: ${meant}.` : ` Write ${meant}.`) : '';
      const shown = text === null ? 'That value' : JSON.stringify(text);
      const article = /^[AEIOU]/.test(type.name) ? 'an' : 'a';
      // Not BadUserInputError: the error points at the value in the document, and a variable's path is graphql's to add.
      return new GovgraphError('BAD_USER_INPUT', `${shown} is not ${article} ${type.name}.${hint} The values are ${allowed.join(', ')}.`, {
        details: { allowed },
        ...(node ? { nodes: node } : {}),
      });
    };
    // graphql reports what these throw as it is: at validation for a literal, under the
    // variable's path ('Variable "$filter" got invalid value … at "filter.kind"') for a variable.
    type.parseLiteral = (node, variables, hideSuggestions) => {
      try {
        return parseLiteral(node, variables, hideSuggestions);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        throw refusal('value' in node ? node.value : undefined, node);
      }
    };
    type.parseValue = (value, hideSuggestions) => {
      try {
        return parseValue(value, hideSuggestions);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        throw refusal(value);
      }
    };
  }
  return schema;
}

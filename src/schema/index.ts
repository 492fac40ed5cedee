import { lexicographicSortSchema } from 'graphql';
import { builder } from '../builder.ts';
import './server-info.ts';

/** Imports every domain file (each registers its types on the builder), then builds. */
export const schema = lexicographicSortSchema(builder.toSchema());

// GraphQL documents are bundled as text (esbuild's text loader, see src/web/server/bundle.ts).
declare module '*.graphql' {
  const text: string;
  export default text;
}

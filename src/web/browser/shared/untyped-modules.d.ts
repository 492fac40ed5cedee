// Cytoscape extensions that ship no types: each is a function handed to cytoscape.use().
declare module 'cytoscape-fcose' {
  import type { Ext } from 'cytoscape';

  const extension: Ext;
  export default extension;
}

declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';

  const extension: Ext;
  export default extension;
}

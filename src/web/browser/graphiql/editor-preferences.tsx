import { useGraphiQL } from '@graphiql/react';
import { useEffect } from 'react';

/**
 * Long comment lines (the welcome text, the questions) wrap at the editor's edge instead of
 * running out of sight. Renders nothing: it only sets the editors' options once they exist.
 */
export function EditorPreferences() {
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const responseEditor = useGraphiQL((state) => state.responseEditor);
  useEffect(() => {
    queryEditor?.updateOptions({ wordWrap: 'on' });
  }, [queryEditor]);
  useEffect(() => {
    responseEditor?.updateOptions({ wordWrap: 'on' });
  }, [responseEditor]);
  return null;
}

import { lazy, Suspense } from 'react';
import type { CodeEditorProps } from './types';

export type { CodeEditorProps } from './types';

// Monaco lives only in this lazy chunk; it is fetched only when a code task or the playground opens (read-only code uses CodeViewer).
const MonacoCodeEditor = lazy(() => import('./code-editor'));

/** An editable Go editor. Shows the text read-only until Monaco is ready. */
export function CodeEditor(props: CodeEditorProps) {
  return (
    <Suspense
      fallback={
        <div className="code-editor code-editor--loading" data-testid="code-editor" data-ready="false" style={{ height: props.height ?? 360 }}>
          <pre className="code-viewer__fallback" aria-busy="true">
            {props.value}
          </pre>
        </div>
      }
    >
      <MonacoCodeEditor {...props} />
    </Suspense>
  );
}

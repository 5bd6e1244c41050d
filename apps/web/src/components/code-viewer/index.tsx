import { lazy, Suspense } from 'react';
import type { CodeViewerProps } from './types';

export type { CodeViewerProps } from './types';

// Monaco (~1 MB gzip) lives only in this lazy chunk, fetched when a page first shows code.
const MonacoCodeViewer = lazy(() => import('./code-viewer'));

/** Read-only Go code with optional line selection. Shows the plain text until Monaco is ready. */
export function CodeViewer(props: CodeViewerProps) {
  return (
    <Suspense
      fallback={
        <div className="code-viewer code-viewer--loading" data-testid="code-viewer" data-ready="false">
          <pre className="code-viewer__fallback" aria-busy="true">
            {props.code}
          </pre>
        </div>
      }
    >
      <MonacoCodeViewer {...props} />
    </Suspense>
  );
}

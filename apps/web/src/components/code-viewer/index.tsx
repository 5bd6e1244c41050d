import { lazy, Suspense } from 'react';
import { PlainCodeViewer } from './chrome';
import type { CodeViewerProps } from './types';

export type { CodeViewerProps } from './types';

// Monaco (~1 MB gzip) lives only in this lazy chunk, fetched when a page first shows code.
const MonacoCodeViewer = lazy(() => import('./code-viewer'));

/** Read-only Go code with optional line selection. Shows the plain text, in the same frame and height, until Monaco is ready. */
export function CodeViewer(props: CodeViewerProps) {
  return (
    <Suspense fallback={<PlainCodeViewer {...props} />}>
      <MonacoCodeViewer {...props} />
    </Suspense>
  );
}

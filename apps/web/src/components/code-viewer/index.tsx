export type { CodeViewerProps } from './types';
export { CodeViewer } from './code-viewer';
